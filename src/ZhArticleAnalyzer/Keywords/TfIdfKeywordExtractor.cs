using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Keywords;

/// <summary>
/// TF-IDF over the document's own tokens (no second segmentation, unlike jieba.NET's extractor).
/// Candidates are nouns, verbal nouns and Latin words of two or more characters that are not stop words.
/// Words are counted by where they first occur in the text, so only the keywords become strings.
/// </summary>
internal static class TfIdfKeywordExtractor
{
    public static ImmutableArray<Keyword> Extract(string text, ImmutableArray<Token> tokens, int count)
    {
        if (count <= 0 || tokens.IsEmpty)
        {
            return [];
        }

        var table = IdfTable.Instance;
        var frequencies = new Dictionary<TextSpan, int>(new SameText(text));
        foreach (var token in tokens)
        {
            if (token.Span.Length < 2 || !IsCandidatePos(token.Pos) || table.StopWords.Contains(text.AsSpan(token.Span.Start, token.Span.Length)))
            {
                continue;
            }

            CollectionsMarshal.GetValueRefOrAddDefault(frequencies, token.Span, out _)++;
        }

        if (frequencies.Count == 0)
        {
            return [];
        }

        var scored = new (TextSpan Word, double Score)[frequencies.Count];
        var next = 0;
        foreach (var (word, frequency) in frequencies)
        {
            scored[next++] = (word, frequency * table.IdfOf(text.AsSpan(word.Start, word.Length)));
        }

        Array.Sort(scored, (x, y) => y.Score != x.Score
            ? y.Score.CompareTo(x.Score)
            : text.AsSpan(x.Word.Start, x.Word.Length).SequenceCompareTo(text.AsSpan(y.Word.Start, y.Word.Length)));
        var top = scored[0].Score;
        var keywords = ImmutableArray.CreateBuilder<Keyword>(Math.Min(count, scored.Length));
        foreach (var (word, score) in scored.AsSpan(0, Math.Min(count, scored.Length)))
        {
            keywords.Add(new Keyword(text.Substring(word.Start, word.Length), top > 0 ? Math.Round(score / top, 4) : 0));
        }

        return keywords.MoveToImmutable();
    }

    private static bool IsCandidatePos(string pos) =>
        pos.Length > 0 && (pos[0] == 'n' || pos is "vn" or "eng" or "an");

    /// <summary>Spans of one text are equal when the characters they cover are.</summary>
    private sealed class SameText(string text) : IEqualityComparer<TextSpan>
    {
        public bool Equals(TextSpan x, TextSpan y) =>
            text.AsSpan(x.Start, x.Length).SequenceEqual(text.AsSpan(y.Start, y.Length));

        public int GetHashCode(TextSpan span) => string.GetHashCode(text.AsSpan(span.Start, span.Length));
    }
}
