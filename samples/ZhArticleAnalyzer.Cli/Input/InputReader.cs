namespace ZhArticleAnalyzer.Cli.Input;

/// <summary>Reads a whole input file (or standard input for "-") as text, with clear one-line errors.</summary>
internal static class InputReader
{
    /// <summary>Files larger than this are refused rather than read into memory.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static async Task<string> ReadAsync(string path, CliConsole console, string? encoding, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            await console.In.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return TextDecoder.Decode(buffer.ToArray(), "standard input", encoding);
        }

        if (Directory.Exists(path))
        {
            throw new InputException($"{path}: is a directory, not a file.");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such file.");
        }

        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new InputException($"{path}: is {length / (1024 * 1024)} MB; the limit is {MaxFileBytes / (1024 * 1024)} MB per article.");
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot be read ({e.Message}).");
        }

        return TextDecoder.Decode(bytes, path, encoding);
    }
}
