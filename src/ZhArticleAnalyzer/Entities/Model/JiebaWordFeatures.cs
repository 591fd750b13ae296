using ZhArticleAnalyzer.Segmentation.Engine;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Word-segmentation evidence for the model: jieba's POS segmentation (our engine, jieba's own
/// dictionary only, so that added business words never change what the model reads) of the
/// sentence, turned into per-character features, each with the character's role in its word
/// (B/M/E/S): the word's tag (nr, ns, nt, nz … are strong name evidence), its length and the
/// neighbouring words' tags (<see cref="NerFeatureSet.Words"/>), the word itself
/// (<see cref="NerFeatureSet.WordIdentity"/>), and the words before and after it
/// (<see cref="NerFeatureSet.NeighbourWords"/>: 主席, 总统, 省 next to a name).
/// </summary>
internal static class JiebaWordFeatures
{
    private static readonly Lazy<(JiebaEngine Engine, int[] TagCodes)> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static EngineTokenList? t_tokens;

    /// <summary>Adds the word features of every character to <paramref name="perChar"/>.</summary>
    public static void Add(ReadOnlySpan<char> sentence, CharFeatureExtractor extractor, PositionedFeatures perChar)
    {
        var tags = (extractor.FeatureSet & NerFeatureSet.Words) != 0;
        var identity = (extractor.FeatureSet & NerFeatureSet.WordIdentity) != 0;
        var neighbours = (extractor.FeatureSet & NerFeatureSet.NeighbourWords) != 0;
        var (engine, tagCodes) = Shared.Value;
        var n = sentence.Length;
        Span<char> mapped = n <= 512 ? stackalloc char[n] : new char[n];
        for (var i = 0; i < n; i++)
        {
            mapped[i] = CharNormalizer.Map(sentence[i]);
        }

        var tokens = t_tokens ??= new EngineTokenList();
        tokens.Clear();
        if ((extractor.FeatureSet & NerFeatureSet.PlainCut) != 0)
        {
            engine.Cut(mapped, tokens);
        }
        else
        {
            engine.CutWithPos(mapped, tokens);
        }

        var items = tokens.Items;
        for (var t = 0; t < items.Length; t++)
        {
            var token = items[t];
            var tag = TagCode(token.Tag, tagCodes);
            var previous = t > 0 ? TagCode(items[t - 1].Tag, tagCodes) : 1;
            var next = t + 1 < items.Length ? TagCode(items[t + 1].Tag, tagCodes) : 2;
            var length = Math.Min(token.Length, 6);
            var word = identity && token.Length >= 2 ? WordCode(mapped.Slice(token.Start, token.Length)) : 0;
            var previousWord = neighbours ? (t > 0 ? WordCode(mapped.Slice(items[t - 1].Start, items[t - 1].Length)) : 1) : 0;
            var nextWord = neighbours ? (t + 1 < items.Length ? WordCode(mapped.Slice(items[t + 1].Start, items[t + 1].Length)) : 2) : 0;
            for (var j = token.Start; j < token.End; j++)
            {
                var role = token.Length == 1 ? 4 : j == token.Start ? 1 : j == token.End - 1 ? 3 : 2;
                if (tags)
                {
                    perChar.Add(j, extractor.Hash(40, role, tag, 0));
                    perChar.Add(j, extractor.Hash(41, role, tag, length));
                    perChar.Add(j, extractor.Hash(42, role, previous, tag));
                    perChar.Add(j, extractor.Hash(43, role, tag, next));
                }

                if (word != 0)
                {
                    perChar.Add(j, extractor.Hash(44, role, word, 0));
                }

                if (neighbours)
                {
                    perChar.Add(j, extractor.Hash(45, role, previousWord, 0));
                    perChar.Add(j, extractor.Hash(46, role, nextWord, 0));
                }
            }
        }
    }

    private static int TagCode(int tag, int[] tagCodes) => tag >= 0 ? tagCodes[tag] : 3;

    /// <summary>A stable code of the word's characters (FNV-1a).</summary>
    private static int WordCode(ReadOnlySpan<char> word)
    {
        var h = 2166136261u;
        foreach (var c in word)
        {
            h = (h ^ c) * 16777619u;
        }

        return (int)(h | 1);
    }

    private static (JiebaEngine, int[]) Create()
    {
        var engine = new JiebaEngine(EngineDictionary.Plain(EngineModelCache.Get(null)));

        // Codes from the tag names, not their ids, so that a reordered tag table changes nothing.
        var codes = engine.Dictionary.TagNames.Select(name => WordCode(name) & 0x7FFFFFF0 | 8).ToArray();
        return (engine, codes);
    }
}
