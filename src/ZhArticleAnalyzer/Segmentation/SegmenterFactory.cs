namespace ZhArticleAnalyzer.Segmentation;

/// <summary>Builds the default segmenter: jieba.NET with the business dictionaries and the user dictionaries of the options.</summary>
internal static class SegmenterFactory
{
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
}
