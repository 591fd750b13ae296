namespace ZhArticleAnalyzer.Segmentation;

/// <summary>
/// Puts jieba's data files in a folder it can read. jieba.NET's package never copies its data to a
/// consumer, so we carry our own copy inside the assembly and extract it once into a cache folder
/// keyed by the data (not by the build, which left one 20 MB folder behind per build), or use a
/// folder the caller names.
/// </summary>
internal static class JiebaDataFiles
{
    /// <summary>The files jieba.NET reads from <c>ConfigManager.ConfigFileBaseDir</c>.</summary>
    public static readonly string[] Required =
    [
        "dict.txt", "prob_emit.json", "prob_trans.json",
        "pos_prob_emit.json", "pos_prob_start.json", "pos_prob_trans.json", "char_state_tab.json",
    ];

    public static string Prepare(string? directory)
    {
        var folder = directory ?? ExtractEmbedded();
        foreach (var file in Required)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                throw new ZhArticleAnalyzerException(
                    ErrorCodes.JiebaDataMissing,
                    $"jieba data file '{path}' is missing. Put jieba's {file} there, or leave the JiebaDataDirectory option unset to use the copy embedded in the library.");
            }

            if (new FileInfo(path).Length == 0)
            {
                throw new ZhArticleAnalyzerException(
                    ErrorCodes.JiebaDataCorrupt,
                    $"jieba data file '{path}' is empty. Replace it with jieba's {file}, or leave the JiebaDataDirectory option unset to use the embedded copy.");
            }
        }

        return folder;
    }

    private static string ExtractEmbedded()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.GetTempPath();
        }

        var folder = Path.Combine(root, "ZhArticleAnalyzer", "jieba-" + DataKey());
        Directory.CreateDirectory(folder);
        foreach (var file in Required)
        {
            ExtractOne("jieba/" + file, Path.Combine(folder, file));
        }

        return folder;
    }

    /// <summary>
    /// A short key over the embedded files' names and lengths: every build that ships the same data
    /// shares one folder, and changed data (which in practice changes a file's length) gets a new one.
    /// Reading lengths is free, unlike hashing 11 MB at every start.
    /// </summary>
    private static string DataKey()
    {
        var builder = new System.Text.StringBuilder();
        foreach (var file in Required)
        {
            using var source = EmbeddedData.Open("jieba/" + file);
            builder.Append(file).Append(':').Append(source.Length).Append(';');
        }

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexStringLower(hash)[..12];
    }

    private static void ExtractOne(string resource, string target)
    {
        using var source = EmbeddedData.Open(resource);
        if (File.Exists(target) && new FileInfo(target).Length == source.Length)
        {
            return;
        }

        // Write beside the target and move it in, so a concurrent process never reads half a file.
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var output = File.Create(temporary))
        {
            source.CopyTo(output);
        }

        try
        {
            File.Move(temporary, target, overwrite: true);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temporary);
        }
    }
}
