using System.Collections.Immutable;
using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Keywords;

/// <summary>
/// TF-IDF over the document's own tokens (no second segmentation, unlike jieba.NET's extractor).
/// Candidates are nouns, verbal nouns and Latin words of two or more characters that are not stop words.
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
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = frequencies.GetAlternateLookup<ReadOnlySpan<char>>();
        var candidates = 0;
        foreach (var token in tokens)
        {
            if (token.Span.Length < 2 || !IsCandidatePos(token.Pos))
            {
                continue;
            }

            var word = text.AsSpan(token.Span.Start, token.Span.Length);
            if (table.StopWords.Contains(word))
            {
                continue;
            }

            candidates++;
            counts[word] = counts.TryGetValue(word, out var seen) ? seen + 1 : 1;
        }

        if (candidates == 0)
        {
            return [];
        }

        var scored = frequencies
            .Select(pair => (Word: pair.Key, Score: pair.Value * table.Idf.GetValueOrDefault(pair.Key, table.Median)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Word, StringComparer.Ordinal)
            .Take(count)
            .ToList();
        var top = scored[0].Score;
        return [.. scored.Select(x => new Keyword(x.Word, top > 0 ? Math.Round(x.Score / top, 4) : 0))];
    }

    private static bool IsCandidatePos(string pos) =>
        pos.Length > 0 && (pos[0] == 'n' || pos is "vn" or "eng" or "an");
}
