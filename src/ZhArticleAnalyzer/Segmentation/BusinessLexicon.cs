namespace ZhArticleAnalyzer.Segmentation;

/// <summary>
/// The words our business dictionaries add to the segmenter: entity names tagged by type
/// (nt organisations, nr people, nz products and events, ns places), metric terms (n) and
/// domain terms with their own tags.
/// </summary>
internal static class BusinessLexicon
{
    private static readonly Dictionary<string, string> EntityFileTags = new(StringComparer.Ordinal)
    {
        ["entities/organizations.tsv"] = "nt",
        ["entities/people.tsv"] = "nr",
        ["entities/products.tsv"] = "nz",
        ["entities/locations.tsv"] = "ns",
        ["entities/events.tsv"] = "nz",
    };

    private const int MaxMetricWordLength = 12;

    public static IReadOnlyList<LexiconEntry> Load()
    {
        var entries = new List<LexiconEntry>();
        foreach (var (file, tag) in EntityFileTags)
        {
            if (EmbeddedData.Exists(file))
            {
                entries.AddRange(EmbeddedData.ReadDataLines(file).Select(line => new LexiconEntry(FirstColumn(line), tag, null)));
            }
        }

        if (EmbeddedData.Exists("terms/metrics.tsv"))
        {
            // Long metric phrases (归属于母公司股东的净利润) are for the claim extractor's string matching; as
            // segmenter words they would swallow ordinary text, so only compact terms become words.
            entries.AddRange(EmbeddedData.ReadDataLines("terms/metrics.tsv")
                .Select(FirstColumn)
                .Where(term => term.Length <= MaxMetricWordLength && !term.Contains('的', StringComparison.Ordinal))
                .Select(term => new LexiconEntry(term, "n", null)));
        }

        if (EmbeddedData.Exists("terms/business-terms.tsv"))
        {
            foreach (var line in EmbeddedData.ReadDataLines("terms/business-terms.tsv"))
            {
                var columns = line.Split('\t');
                entries.Add(new LexiconEntry(columns[0].Trim(), columns.Length > 1 && columns[1].Trim().Length > 0 ? columns[1].Trim() : "n", null));
            }
        }

        // Words with spaces cannot be jieba words: jieba cuts on whitespace before its dictionary.
        return entries.Where(e => e.Word.Length > 1 && !e.Word.Any(char.IsWhiteSpace)).ToList();
    }

    /// <summary>Reads a user dictionary in jieba's format: <c>word [frequency] [tag]</c> per line.</summary>
    public static IReadOnlyList<LexiconEntry> LoadUserFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ZhArticleAnalyzerException(ErrorCodes.UserDictionaryMissing, $"user dictionary '{path}' does not exist.");
        }

        var entries = new List<LexiconEntry>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path, System.Text.Encoding.UTF8))
        {
            lineNumber++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            int? frequency = null;
            var tag = "n";
            if (parts.Length >= 2)
            {
                if (int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var f))
                {
                    frequency = f;
                    tag = parts.Length >= 3 ? parts[2] : tag;
                }
                else if (parts.Length == 2)
                {
                    tag = parts[1];
                }
                else
                {
                    throw new ZhArticleAnalyzerException(
                        ErrorCodes.DictionaryLineInvalid,
                        $"user dictionary '{path}' line {lineNumber}: expected 'word [frequency] [tag]', got '{line}'.");
                }
            }

            entries.Add(new LexiconEntry(parts[0], tag, frequency));
        }

        return entries;
    }

    private static string FirstColumn(string line)
    {
        var tab = line.IndexOf('\t');
        return (tab < 0 ? line : line[..tab]).Trim();
    }
}
