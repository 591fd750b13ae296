using System.Text;
using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>
/// Reads the People's Daily 1998 corpus (PKU layout: one paragraph a line, <c>word/TAG</c> tokens, a paragraph ID
/// first, bracketed compounds such as <c>[中央/n  电视台/n]nt</c>) into NER sentences labelled as MSRA labels them:
/// a run of adjacent <c>nr</c> tokens is one PER (the corpus splits surname and given name), an <c>ns</c> token or
/// <c>[...]ns</c> compound a LOC, an <c>nt</c> token or <c>[...]nt</c> compound an ORG. Inside other compounds
/// (<c>[...]nz</c>) the tokens keep their own tags, as MSRA marks 邓小平 in 邓小平理论. Paragraphs are cut into
/// sentences after 。！？ and the closing marks that follow them, like the MSRA sentences; characters stay full-width
/// as in MSRA.
/// </summary>
internal static class PeoplesDailyCorpus
{
    private const string SentenceEnds = "。！？";
    private const string ClosingMarks = "”’」』）》";

    public static List<NerSentence> Read(string path) => Parse(File.ReadLines(path));

    public static List<NerSentence> Parse(IEnumerable<string> lines)
    {
        var sentences = new List<NerSentence>();
        var text = new StringBuilder();
        var labels = new List<int>();
        foreach (var line in lines)
        {
            text.Clear();
            labels.Clear();
            LabelParagraph(line, text, labels);
            AddSentences(text.ToString(), labels, sentences);
        }

        return sentences;
    }

    /// <summary>
    /// The sentences whose every name <paramref name="model"/> (trained on MSRA alone) finds is also a corpus name
    /// of the same span and type: the corpus tags whole words, so where MSRA marks 美 in 美方, 华 in 华人, or an
    /// abbreviation such as 十五大 or 欧盟 (PKU tag j), the corpus says O, and those sentences would teach the
    /// model to miss them.
    /// </summary>
    public static List<NerSentence> AgreeingWith(NerModel model, IEnumerable<NerSentence> sentences) =>
        [.. sentences.Where(s =>
        {
            var gold = BioCorpus.Spans(s.Labels).Select(g => (g.Start, g.End, NerLabels.TypeOf(NerLabels.Begin(g.Type)))).ToHashSet();
            return model.Predict(s.Text).All(p => gold.Contains((p.Start, p.End, p.Type)));
        })];

    private static void LabelParagraph(string line, StringBuilder text, List<int> labels)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var compoundStart = -1;
        var previousTag = string.Empty;
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            var opens = token.Length > 1 && token[0] == '[';
            if (opens)
            {
                token = token[1..];
                compoundStart = text.Length;
            }

            var slash = token.LastIndexOf('/');
            if (slash <= 0)
            {
                continue;
            }

            var word = token[..slash];
            var tag = token[(slash + 1)..];
            var close = tag.IndexOf(']', StringComparison.Ordinal);
            var outerTag = close >= 0 ? tag[(close + 1)..] : null;
            tag = close >= 0 ? tag[..close] : tag;
            if (t == 0 && IsParagraphId(word))
            {
                continue;
            }

            var type = TypeOf(tag);
            var joinsPerson = type == 0 && previousTag == "nr" && labels.Count > 0;
            for (var i = 0; i < word.Length; i++)
            {
                text.Append(word[i]);
                labels.Add(type < 0 ? NerLabels.Outside : i == 0 && !joinsPerson ? NerLabels.Begin(type) : NerLabels.Inside(type));
            }

            previousTag = tag;
            if (outerTag is not null && compoundStart >= 0)
            {
                // A place or organisation compound is one entity whatever its parts are tagged.
                if (outerTag is "ns" or "nt")
                {
                    var outerType = TypeOf(outerTag);
                    for (var i = compoundStart; i < labels.Count; i++)
                    {
                        labels[i] = i == compoundStart ? NerLabels.Begin(outerType) : NerLabels.Inside(outerType);
                    }
                }

                compoundStart = -1;
                previousTag = outerTag;
            }
        }
    }

    /// <summary>0 (PER) for nr, 1 (LOC) for ns, 2 (ORG) for nt, -1 for every other tag.</summary>
    private static int TypeOf(string tag) => tag switch
    {
        "nr" => 0,
        "ns" => 1,
        "nt" => 2,
        _ => -1,
    };

    private static bool IsParagraphId(string word) =>
        word.Contains('-', StringComparison.Ordinal) && word.All(c => char.IsAsciiDigit(c) || c == '-');

    private static void AddSentences(string text, List<int> labels, List<NerSentence> sentences)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!SentenceEnds.Contains(text[i], StringComparison.Ordinal) || labels[i] != NerLabels.Outside)
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (ClosingMarks.Contains(text[end], StringComparison.Ordinal) || SentenceEnds.Contains(text[end], StringComparison.Ordinal)))
            {
                end++;
            }

            if (end < text.Length && NerLabels.IsInside(labels[end]))
            {
                continue;
            }

            sentences.Add(new NerSentence(text[start..end], [.. labels.GetRange(start, end - start)]));
            start = end;
            i = end - 1;
        }

        if (start < text.Length)
        {
            sentences.Add(new NerSentence(text[start..], [.. labels.GetRange(start, text.Length - start)]));
        }
    }
}
