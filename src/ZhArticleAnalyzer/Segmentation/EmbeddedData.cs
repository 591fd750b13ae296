using System.Reflection;

namespace ZhArticleAnalyzer.Segmentation;

/// <summary>Opens the data files embedded in this assembly (see the csproj for their provenance).</summary>
internal static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    public static Stream Open(string logicalName) =>
        Assembly.GetManifestResourceStream(logicalName)
        ?? throw new ZhArticleAnalyzerException(
            ErrorCodes.EmbeddedResourceMissing,
            $"the embedded data file '{logicalName}' is missing from {Assembly.GetName().Name}.dll; the package is damaged, reinstall it.");

    public static bool Exists(string logicalName) => Assembly.GetManifestResourceInfo(logicalName) is not null;

    public static IEnumerable<string> Names(string folder) =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Reads the lines of a UTF-8 data file, skipping blank lines and <c>#</c> comments.</summary>
    public static IEnumerable<string> ReadDataLines(string logicalName)
    {
        using var reader = new StreamReader(Open(logicalName), System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#' && !string.IsNullOrWhiteSpace(line))
            {
                yield return line;
            }
        }
    }
}
