using System.Text;
using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>
/// Reads the PKU-tagged People's Daily corpus (<c>word/tag</c> tokens separated by spaces, a
/// paragraph id first, <c>[w/t w/t]nt</c> compounds) as BIO sentences in MSRA's conventions:
/// adjacent <c>nr</c> tokens form one person (江/nr 泽民/nr), <c>ns</c> and <c>[…]ns</c> are
/// locations, <c>nt</c> and <c>[…]nt</c> organisations. PKU tags abbreviations <c>j</c> (中/j 美/j,
/// 政协/j) where MSRA tags them by what they name; such a word takes the type MSRA's training data
/// gives it (see <see cref="AbbreviationTypes"/>), else it is no name.
/// </summary>
internal static class PeoplesDailyCorpus
{
    public static List<NerSentence> Read(string path, IReadOnlyDictionary<string, int> abbreviationTypes)
    {
        var sentences = new List<NerSentence>();
        var text = new StringBuilder();
        var labels = new List<int>();
        foreach (var line in File.ReadLines(path))
        {
            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 2)
            {
                continue;
            }

            text.Clear();
            labels.Clear();
            var compoundStart = -1;
            var previousWasPerson = false;
            foreach (var raw in tokens.AsSpan(1))
            {
                var token = raw;
                var opens = token.StartsWith('[');
                if (opens)
                {
                    token = token[1..];
                    compoundStart = text.Length;
                }

                string? outer = null;
                var close = token.LastIndexOf(']');
                if (close > 0)
                {
                    outer = token[(close + 1)..];
                    token = token[..close];
                }

                var slash = token.LastIndexOf('/');
                if (slash <= 0)
                {
                    continue;
                }

                var word = token[..slash];
                var tag = token[(slash + 1)..];
                text.Append(word);
                var type = tag switch
                {
                    "nr" => 0,
                    "ns" => 1,
                    "nt" => 2,
                    "j" => abbreviationTypes.GetValueOrDefault(word, -1),
                    _ => -1,
                };
                for (var i = 0; i < word.Length; i++)
                {
                    labels.Add(type < 0 ? NerLabels.Outside : i == 0 && !(type == 0 && previousWasPerson) ? NerLabels.Begin(type) : NerLabels.Inside(type));
                }

                previousWasPerson = type == 0;
                if (outer is not null && compoundStart >= 0)
                {
                    var compoundType = outer switch { "ns" => 1, "nt" => 2, _ => -1 };
                    if (compoundType >= 0)
                    {
                        for (var i = compoundStart; i < text.Length; i++)
                        {
                            labels[i] = i == compoundStart ? NerLabels.Begin(compoundType) : NerLabels.Inside(compoundType);
                        }

                        previousWasPerson = false;
                    }

                    compoundStart = -1;
                }
            }

            if (text.Length > 0)
            {
                sentences.Add(new NerSentence(text.ToString(), [.. labels]));
            }
        }

        return sentences;
    }

    /// <summary>
    /// The words MSRA's training data tags as a name with one dominant type (at least twice, and at
    /// least four in five of their tagged occurrences): type index by word.
    /// </summary>
    public static Dictionary<string, int> AbbreviationTypes(IEnumerable<NerSentence> msraTraining)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var sentence in msraTraining)
        {
            foreach (var (start, end, type) in BioCorpus.Spans(sentence.Labels))
            {
                var word = sentence.Text[start..end];
                if (!counts.TryGetValue(word, out var byType))
                {
                    byType = new int[3];
                    counts.Add(word, byType);
                }

                byType[type]++;
            }
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, byType) in counts)
        {
            var total = byType.Sum();
            var best = Array.IndexOf(byType, byType.Max());
            if (byType[best] >= 2 && byType[best] * 5 >= total * 4)
            {
                result.Add(word, best);
            }
        }

        return result;
    }
}
