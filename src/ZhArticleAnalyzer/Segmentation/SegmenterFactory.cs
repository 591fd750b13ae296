using System.Collections.Concurrent;
using ZhArticleAnalyzer.Segmentation.Engine;

namespace ZhArticleAnalyzer.Segmentation;

/// <summary>Builds the segmenter the options ask for, with the business dictionaries and the user dictionaries of the options.</summary>
internal static class SegmenterFactory
{
    private static readonly ConcurrentDictionary<EngineModel, Lazy<EngineDictionary>> BusinessDictionaries = new();

    public static ISegmenter Create(ZhArticleAnalyzerOptions options) => options.Segmenter switch
    {
        SegmenterKind.JiebaNet => CreateJieba(options),
        _ => new EngineSegmenter(CreateEngine(options), options.UseHmm),
    };

    public static ISegmenter CreateJieba(ZhArticleAnalyzerOptions options)
    {
        var runtime = JiebaRuntime.Get(options.JiebaDataDirectory);
        if (options.UseBusinessDictionaries)
        {
            runtime.AddWordsOnce("business-dictionaries", BusinessLexicon.Load);
        }

        foreach (var path in options.UserDictionaryPaths)
        {
            var fullPath = Path.GetFullPath(path);
            runtime.AddWordsOnce("user:" + fullPath, () => BusinessLexicon.LoadUserFile(fullPath));
        }

        return new JiebaSegmenterAdapter(runtime, options.UseHmm);
    }

    /// <summary>
    /// An engine with a dictionary of its own: jieba's, then the business words, then the options'
    /// user dictionaries, added in that order with <see cref="JiebaRuntime"/>'s frequency rule.
    /// The dictionary with only the business words is built once per process and shared.
    /// </summary>
    public static JiebaEngine CreateEngine(ZhArticleAnalyzerOptions options)
    {
        var model = EngineModelCache.Get(options.JiebaDataDirectory);
        if (options.UserDictionaryPaths.Count == 0)
        {
            var dictionary = options.UseBusinessDictionaries
                ? BusinessDictionaries.GetOrAdd(model, m => new Lazy<EngineDictionary>(() => BuildDictionary(m, true, []))).Value
                : EngineDictionary.Plain(model);
            return new JiebaEngine(dictionary);
        }

        return new JiebaEngine(BuildDictionary(model, options.UseBusinessDictionaries, options.UserDictionaryPaths));
    }

    internal static EngineDictionary BuildDictionary(EngineModel model, bool business, IEnumerable<string> userDictionaries)
    {
        var builder = new EngineDictionaryBuilder(model);
        if (business)
        {
            foreach (var entry in BusinessLexicon.Load())
            {
                builder.Add(entry);
            }
        }

        foreach (var path in userDictionaries)
        {
            foreach (var entry in BusinessLexicon.LoadUserFile(Path.GetFullPath(path)))
            {
                builder.Add(entry);
            }
        }

        return builder.Build();
    }
}
