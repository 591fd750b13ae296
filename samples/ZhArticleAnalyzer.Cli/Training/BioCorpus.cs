using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>Reads the character-per-line BIO layout (<c>char&lt;TAB&gt;tag</c>, blank line between sentences) of the MSRA files.</summary>
internal static class BioCorpus
{
    public static List<NerSentence> ReadCharTsv(string path)
    {
        var sentences = new List<NerSentence>();
        var text = new System.Text.StringBuilder();
        var labels = new List<int>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.Trim().Length == 0 && !line.Contains('\t', StringComparison.Ordinal))
            {
                Flush();
                continue;
            }

            var tab = line.LastIndexOf('\t');
            if (tab <= 0)
            {
                continue;
            }

            var token = line[..tab];
            var tag = line[(tab + 1)..].Trim();
            if (token.Length != 1)
            {
                continue;
            }

            text.Append(token);
            labels.Add(NerLabels.Parse(tag));
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (text.Length > 0)
            {
                sentences.Add(new NerSentence(text.ToString(), [.. labels]));
            }

            text.Clear();
            labels.Clear();
        }
    }

    /// <summary>The entity spans of a label sequence: (start, end, type index).</summary>
    public static List<(int Start, int End, int Type)> Spans(ReadOnlySpan<int> labels)
    {
        var spans = new List<(int, int, int)>();
        for (var i = 0; i < labels.Length;)
        {
            if (labels[i] == NerLabels.Outside)
            {
                i++;
                continue;
            }

            var start = i;
            var type = NerLabels.TypeIndex(labels[i]);
            i++;
            while (i < labels.Length && labels[i] == NerLabels.Inside(type))
            {
                i++;
            }

            spans.Add((start, i, type));
        }

        return spans;
    }
}
