using System.Collections.Concurrent;
using System.Collections.Immutable;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Segmentation;

/// <summary>
/// The only class that calls jieba. It re-aligns jieba's words against the text (jieba gives no
/// offsets we can trust), drops whitespace, rejoins surrogate pairs that jieba splits, and tags
/// each token from the dictionary, falling back to character classes and jieba's POS HMM for
/// words jieba's HMM invented.
/// </summary>
internal sealed class JiebaSegmenterAdapter : ISegmenter
{
    private const int MaxCachedUnknownWords = 200_000;
    private static readonly Lock PosViterbiLock = new();

    // jieba's POS HMM costs far more than the cut itself; names and jargon recur, so each unknown word is tagged once.
    private static readonly ConcurrentDictionary<string, string> UnknownWordTags = new(StringComparer.Ordinal);
    private readonly JiebaRuntime _runtime;
    private readonly bool _useHmm;

    public JiebaSegmenterAdapter(JiebaRuntime runtime, bool useHmm)
    {
        _runtime = runtime;
        _useHmm = useHmm;
    }

    public string Name => "jieba.NET";

    public ImmutableArray<Token> Segment(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        if (text.Length == 0)
        {
            return [];
        }

        var words = _runtime.Read(segmenter => segmenter.Cut(text, cutAll: false, hmm: _useHmm).ToList());
        cancellationToken.ThrowIfCancellationRequested();
        return Tagged(text, words);
    }

    /// <summary>Segments without taking jieba's lock, for a caller that already holds it (the engine's equality tests).</summary>
    internal ImmutableArray<Token> SegmentUnlocked(string text) =>
        text.Length == 0 ? [] : Tagged(text, _runtime.Segmenter.Cut(text, cutAll: false, hmm: _useHmm).ToList());

    private ImmutableArray<Token> Tagged(string text, List<string> words)
    {
        var spans = Align(text, words);
        var tokens = ImmutableArray.CreateBuilder<Token>(spans.Count);
        foreach (var span in spans)
        {
            tokens.Add(new Token(span, Tag(text.AsSpan(span.Start, span.Length))));
        }

        return tokens.MoveToImmutable();
    }

    /// <summary>
    /// Maps jieba's words back onto the text. A word that does not match where the previous one
    /// ended is searched forward; characters jieba skipped become one-character tokens.
    /// </summary>
    internal static List<TextSpan> Align(string text, IReadOnlyList<string> words)
    {
        var spans = new List<TextSpan>(words.Count);
        var position = 0;
        foreach (var word in words)
        {
            if (word.Length == 0)
            {
                continue;
            }

            var at = string.CompareOrdinal(text, position, word, 0, word.Length) == 0
                ? position
                : text.IndexOf(word, position, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            AddCharacters(text, position, at, spans);
            AddNonWhitespaceRuns(text, at, at + word.Length, spans);
            position = at + word.Length;
        }

        AddCharacters(text, position, text.Length, spans);
        return JoinSurrogatePairs(text, spans);
    }

    private static void AddCharacters(string text, int start, int end, List<TextSpan> spans)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                spans.Add(new TextSpan(i, i + 1));
            }
        }
    }

    private static void AddNonWhitespaceRuns(string text, int start, int end, List<TextSpan> spans)
    {
        var runStart = -1;
        for (var i = start; i <= end; i++)
        {
            var isText = i < end && !char.IsWhiteSpace(text[i]);
            if (isText && runStart < 0)
            {
                runStart = i;
            }
            else if (!isText && runStart >= 0)
            {
                spans.Add(new TextSpan(runStart, i));
                runStart = -1;
            }
        }
    }

    /// <summary>jieba cuts emoji and CJK outside the BMP into halves; a token boundary between a high and a low surrogate is undone.</summary>
    private static List<TextSpan> JoinSurrogatePairs(string text, List<TextSpan> spans)
    {
        var joined = new List<TextSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (joined.Count > 0)
            {
                var last = joined[^1];
                if (last.End == span.Start && char.IsHighSurrogate(text[last.End - 1]) && char.IsLowSurrogate(text[span.Start]))
                {
                    joined[^1] = new TextSpan(last.Start, span.End);
                    continue;
                }
            }

            joined.Add(span);
        }

        return joined;
    }

    private string Tag(ReadOnlySpan<char> word)
    {
        if (_runtime.Tags.TryGet(word, out var tag))
        {
            return tag;
        }

        return CharacterClass.Of(word) switch
        {
            CharacterClass.Kind.Latin => "eng",
            CharacterClass.Kind.Numeric => "m",
            CharacterClass.Kind.Han => TagUnknownHanWord(word.ToString()),
            _ => "x",
        };
    }

    /// <summary>Words jieba's HMM made up are tagged the way jieba's POS segmenter tags unknown runs.</summary>
    private static string TagUnknownHanWord(string word)
    {
        if (UnknownWordTags.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var tag = TagWithPosHmm(word);
        if (UnknownWordTags.Count < MaxCachedUnknownWords)
        {
            UnknownWordTags.TryAdd(word, tag);
        }

        return tag;
    }

    private static string TagWithPosHmm(string word)
    {
        List<JiebaNet.Segmenter.PosSeg.Pair> pairs;
        lock (PosViterbiLock)
        {
            pairs = JiebaNet.Segmenter.PosSeg.Viterbi.Instance.Cut(word).ToList();
        }

        return pairs.Count > 0 ? pairs[^1].Flag : "x";
    }
}
