using JiebaNet.Segmenter.PosSeg;
using Xunit.Abstractions;
using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Segmentation.Engine;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Equality;

/// <summary>
/// The engine against jieba.NET 0.42.2 over the same dictionary, token for token: Cut (HMM on and
/// off) and the POS segmenter (text and tag) on the whole shared corpus and the SIGHAN 2005 test
/// inputs, and the engine's <see cref="ISegmenter"/> against <see cref="JiebaSegmenterAdapter"/>.
/// The only difference allowed is deliberate: jieba.NET cuts a character outside the BMP into
/// two surrogate halves, the engine keeps it whole.
/// </summary>
public class EngineEqualityTests(ITestOutputHelper output)
{
    public static TheoryData<string> Sets => new() { "corpus", "sighan" };

    private static IReadOnlyList<string> Texts(string set) => set == "corpus" ? EngineOracle.CorpusTexts() : EngineOracle.SighanLines();

    [Theory]
    [MemberData(nameof(Sets))]
    public void Cut_EqualsJiebaNetCut(string set) => CompareCut(set, hmm: true);

    [Theory]
    [MemberData(nameof(Sets))]
    public void CutWithoutHmm_EqualsJiebaNetCutWithoutHmm(string set) => CompareCut(set, hmm: false);

    [Theory]
    [MemberData(nameof(Sets))]
    public void CutWithPos_EqualsJiebaNetPosSegmenter(string set)
    {
        var texts = Texts(set);
        var (tokens, joined, differences) = EngineOracle.WithSameDictionary((runtime, engine, _) =>
        {
            var posSegmenter = new PosSegmenter(runtime.Segmenter);
            long count = 0;
            var surrogates = 0;
            var lines = new List<string>();
            foreach (var text in texts)
            {
                var expected = EngineOracle.JoinSurrogateHalves(text, EngineOracle.JiebaPos(posSegmenter, text), t => (t.Start, t.End), (a, b) => (a.Start, b.End, a.Pos), ref surrogates);
                var actual = EngineOracle.EnginePos(engine, text);
                count += expected.Count;
                if (!expected.SequenceEqual(actual))
                {
                    lines.AddRange(EngineOracle.Differences(text, expected, actual, t => (t.Start, t.End)));
                }
            }

            return (count, surrogates, lines);
        });

        Report(set, "POS", tokens, joined, differences);
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void EngineSegmenter_EqualsTheJiebaNetAdapter(string set)
    {
        var texts = Texts(set);
        var (tokens, differences) = EngineOracle.WithSameDictionary((runtime, engine, _) =>
        {
            var adapter = new JiebaSegmenterAdapter(runtime, useHmm: true);
            var segmenter = new EngineSegmenter(engine, useHmm: true);
            long count = 0;
            var lines = new List<string>();
            foreach (var text in texts)
            {
                // The adapter takes jieba's lock itself; this thread already holds it for reading.
                var expected = adapter.SegmentUnlocked(text).Select(t => (t.Span.Start, t.Span.End, t.Pos)).ToList();
                var actual = segmenter.Segment(text).Select(t => (t.Span.Start, t.Span.End, t.Pos)).ToList();
                count += expected.Count;
                if (!expected.SequenceEqual(actual))
                {
                    lines.AddRange(EngineOracle.Differences(text, expected, actual, t => (t.Item1, t.Item2)));
                }
            }

            return (count, lines);
        });

        Report(set, "ISegmenter", tokens, 0, differences);
    }

    [Fact]
    public void SuggestedFrequencies_EqualJiebaRuntimes()
    {
        var candidates = EngineOracle.CorpusTexts().Take(200)
            .SelectMany(text => Enumerable.Range(0, Math.Max(0, text.Length - 4)).Where(i => i % 7 == 0).Select(i => text.Substring(i, 2 + (i % 3))))
            .Where(word => !word.Any(char.IsWhiteSpace))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var mismatches = EngineOracle.WithSameDictionary((runtime, _, builder) =>
            candidates.Where(word => runtime.SuggestFrequency(word) != builder.SuggestFrequency(word)).ToList());
        Assert.True(candidates.Count > 1000);
        Assert.Empty(mismatches);
    }

    /// <summary>
    /// Words added on top of jieba's dictionary (new words with and without a frequency, and words of
    /// dict.txt given another frequency and tag) reach the engine's overlay and jieba.NET's global
    /// dictionary alike. The words are added to jieba.NET for the rest of this test process; every
    /// comparison here builds the engine from all words jieba.NET holds, so that is harmless.
    /// </summary>
    [Fact]
    public void AddedWords_EqualJiebaNet()
    {
        var texts = EngineOracle.CorpusTexts().Take(400).ToList();
        var words = texts.Take(300)
            .SelectMany(text => Enumerable.Range(0, Math.Max(0, text.Length - 6)).Where(i => i % 31 == 0).Select(i => text.Substring(i, 3 + (i % 3))))
            .Where(word => word.All(c => c is >= '\u4E00' and <= '\u9FD5'))
            .Distinct(StringComparer.Ordinal)
            .Select((word, i) => new LexiconEntry(word, i % 2 == 0 ? "nz" : "nt", i % 3 == 0 ? (i % 50) + 1 : null))
            .ToList();
        words.Add(new LexiconEntry("有限公司", "nt", 3));
        words.Add(new LexiconEntry("发展", "vn", null));
        Assert.True(words.Count > 500, $"only {words.Count} words");
        JiebaRuntime.Get(null).AddWordsOnce("test:engine-overlay", () => words);

        var differences = EngineOracle.WithSameDictionary((runtime, engine, _) =>
        {
            Assert.True(engine.Dictionary.AddedWordCount >= words.Select(w => w.Word).Distinct(StringComparer.Ordinal).Count());
            var posSegmenter = new PosSegmenter(runtime.Segmenter);
            var lines = new List<string>();
            var surrogates = 0;
            foreach (var text in texts)
            {
                var cut = EngineOracle.JoinSurrogateHalves(text, EngineOracle.JiebaCut(runtime, text), t => t, (a, b) => (a.Start, b.End), ref surrogates);
                var engineCut = EngineOracle.EngineCut(engine, text);
                if (!cut.SequenceEqual(engineCut))
                {
                    lines.AddRange(EngineOracle.Differences(text, cut, engineCut, t => t));
                }

                var pos = EngineOracle.JoinSurrogateHalves(text, EngineOracle.JiebaPos(posSegmenter, text), t => (t.Start, t.End), (a, b) => (a.Start, b.End, a.Pos), ref surrogates);
                var enginePos = EngineOracle.EnginePos(engine, text);
                if (!pos.SequenceEqual(enginePos))
                {
                    lines.AddRange(EngineOracle.Differences(text, pos, enginePos, t => (t.Start, t.End)));
                }
            }

            return lines;
        });

        Report("corpus (first 400 texts)", "Cut and POS with added words", words.Count, 0, differences);
    }

    [Fact]
    public void BusinessWords_GetTheFrequenciesJiebaRuntimeGaveThem()
    {
        var lexicon = BusinessLexicon.Load();
        var builder = new EngineDictionaryBuilder(EngineModelCache.Get(null));
        foreach (var entry in lexicon)
        {
            builder.Add(entry);
        }

        var runtime = JiebaRuntime.Get(null);
        runtime.AddWordsOnce("business-dictionaries", BusinessLexicon.Load);
        var jiebaApplied = runtime.Read(_ => runtime.AppliedWordsUnlocked.Take(lexicon.Count).ToList());

        // Meaningful when the business words were the first words jieba.NET was given in this process (as in CreateJieba).
        if (jiebaApplied.Select(w => w.Word).SequenceEqual(lexicon.Select(e => e.Word)))
        {
            Assert.Equal(jiebaApplied, builder.Applied);
        }
        else
        {
            output.WriteLine("jieba.NET received other words before the business words in this process; compared by the equality tests only.");
        }
    }

    private void CompareCut(string set, bool hmm)
    {
        var texts = Texts(set);
        var (tokens, joined, differences) = EngineOracle.WithSameDictionary((runtime, engine, _) =>
        {
            long count = 0;
            var surrogates = 0;
            var lines = new List<string>();
            foreach (var text in texts)
            {
                var expected = EngineOracle.JoinSurrogateHalves(text, EngineOracle.JiebaCut(runtime, text, hmm), t => t, (a, b) => (a.Start, b.End), ref surrogates);
                var actual = EngineOracle.EngineCut(engine, text, hmm);
                count += expected.Count;
                if (!expected.SequenceEqual(actual))
                {
                    lines.AddRange(EngineOracle.Differences(text, expected, actual, t => t));
                }
            }

            return (count, surrogates, lines);
        });

        Report(set, hmm ? "Cut" : "Cut without HMM", tokens, joined, differences);
    }

    private void Report(string set, string what, long tokens, int joined, List<string> differences)
    {
        output.WriteLine($"{what} on {set}: {tokens:N0} jieba.NET tokens, {differences.Count} differing, {joined} surrogate pairs joined (deliberate).");
        foreach (var line in differences.Take(40))
        {
            output.WriteLine(line);
        }

        Assert.True(differences.Count == 0, $"{what} on {set}: {differences.Count} differences, first: {string.Join(" || ", differences.Take(10))}");
    }
}
