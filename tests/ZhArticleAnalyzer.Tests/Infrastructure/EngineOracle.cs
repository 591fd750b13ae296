using System.Text.Json;
using JiebaNet.Segmenter.PosSeg;
using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Segmentation.Engine;

namespace ZhArticleAnalyzer.Tests.Infrastructure;

/// <summary>
/// jieba.NET as the oracle of the engine. jieba.NET has one dictionary per process, into which
/// <see cref="JiebaRuntime"/> has added the business words (and any user dictionaries other tests
/// loaded). The oracle therefore builds the engine's dictionary from exactly the words jieba.NET
/// was given, with the frequencies jieba.NET was given, and compares both under jieba's read lock,
/// so that no other test can add a word in between.
/// </summary>
internal static class EngineOracle
{
    public static IReadOnlyList<string> CorpusTexts() =>
        [.. File.ReadLines(RepoPaths.Shared("corpus", "business-news.jsonl"))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? string.Empty)];

    public static IReadOnlyList<string> SighanLines() =>
        [.. Directory.GetFiles(RepoPaths.Shared("benchmarks", "sighan2005-icwb2", "testing"), "*.utf8").Order(StringComparer.Ordinal).SelectMany(File.ReadLines)];

    /// <summary>Runs <paramref name="compare"/> with jieba.NET's runtime and an engine over the same dictionary, under jieba's read lock.</summary>
    public static T WithSameDictionary<T>(Func<JiebaRuntime, JiebaEngine, EngineDictionaryBuilder, T> compare)
    {
        var runtime = JiebaRuntime.Get(null);
        runtime.AddWordsOnce("business-dictionaries", BusinessLexicon.Load);
        return runtime.Read(_ =>
        {
            var builder = new EngineDictionaryBuilder(EngineModelCache.Get(null));
            foreach (var word in runtime.AppliedWordsUnlocked)
            {
                builder.Add(new LexiconEntry(word.Word, word.Pos, word.Frequency));
            }

            return compare(runtime, new JiebaEngine(builder.Build()), builder);
        });
    }

    public static List<(int Start, int End)> JiebaCut(JiebaRuntime runtime, string text, bool hmm = true) =>
        Spans(text, runtime.Segmenter.Cut(text, cutAll: false, hmm: hmm));

    public static List<(int Start, int End, string Pos)> JiebaPos(PosSegmenter segmenter, string text)
    {
        var pairs = segmenter.Cut(text).ToList();
        var spans = Spans(text, pairs.Select(p => p.Word));
        return [.. spans.Select((s, i) => (s.Start, s.End, pairs[i].Flag))];
    }

    public static List<(int Start, int End)> EngineCut(JiebaEngine engine, string text, bool hmm = true)
    {
        var list = new EngineTokenList();
        if (hmm)
        {
            engine.Cut(text, list);
        }
        else
        {
            engine.CutWithoutHmm(text, list);
        }

        return [.. list.Items.ToArray().Select(t => (t.Start, t.End))];
    }

    public static List<(int Start, int End, string Pos)> EnginePos(JiebaEngine engine, string text)
    {
        var list = new EngineTokenList();
        engine.CutWithPos(text, list);
        return [.. list.Items.ToArray().Select(t => (t.Start, t.End, t.Tag >= 0 ? engine.Dictionary.TagNames[t.Tag] : "x"))];
    }

    /// <summary>
    /// jieba.NET cuts a character outside the BMP into its two surrogates; the engine keeps it whole
    /// on purpose. Joins such halves (counted in <paramref name="joined"/>) so the rest can be compared.
    /// </summary>
    public static List<T> JoinSurrogateHalves<T>(string text, List<T> tokens, Func<T, (int Start, int End)> span, Func<T, T, T> merge, ref int joined)
    {
        var result = new List<T>(tokens.Count);
        foreach (var token in tokens)
        {
            if (result.Count > 0)
            {
                var last = span(result[^1]);
                var current = span(token);
                if (last.End - last.Start == 1 && current.End - current.Start == 1 && char.IsHighSurrogate(text[last.Start]) && char.IsLowSurrogate(text[current.Start]))
                {
                    result[^1] = merge(result[^1], token);
                    joined++;
                    continue;
                }
            }

            result.Add(token);
        }

        return result;
    }

    /// <summary>The tokens on either side that the other side does not have, as readable lines.</summary>
    public static List<string> Differences<T>(string text, List<T> expected, List<T> actual, Func<T, (int Start, int End)> span)
    {
        var expectedSet = expected.ToHashSet();
        var actualSet = actual.ToHashSet();
        var lines = new List<string>();
        foreach (var token in expected.Where(t => !actualSet.Contains(t)))
        {
            lines.Add($"jieba.NET {Describe(text, token, span)} | engine {string.Join(' ', actual.Where(a => Overlaps(span(a), span(token))).Select(a => Describe(text, a, span)))}");
        }

        lines.AddRange(actual.Where(t => !expectedSet.Contains(t)).Select(t => $"engine only {Describe(text, t, span)}"));
        return lines;
    }

    private static bool Overlaps((int Start, int End) a, (int Start, int End) b) => a.Start < b.End && b.Start < a.End;

    private static string Describe<T>(string text, T token, Func<T, (int Start, int End)> span)
    {
        var (start, end) = span(token);
        return $"{token} '{text[start..end]}'";
    }

    private static List<(int Start, int End)> Spans(string text, IEnumerable<string> words)
    {
        var spans = new List<(int, int)>();
        var position = 0;
        foreach (var word in words)
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0)
            {
                throw new InvalidOperationException($"jieba.NET's word '{word}' is not at {position}.");
            }

            spans.Add((position, position + word.Length));
            position += word.Length;
        }

        if (position != text.Length)
        {
            throw new InvalidOperationException($"jieba.NET's words cover {position} of {text.Length} characters.");
        }

        return spans;
    }
}
