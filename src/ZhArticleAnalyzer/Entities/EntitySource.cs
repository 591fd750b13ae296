namespace ZhArticleAnalyzer.Entities;

/// <summary>Where a candidate mention came from; higher values win overlaps of equal standing.</summary>
internal enum EntitySource
{
    /// <summary>jieba's POS tag (nr, ns, nt).</summary>
    PosTag = 0,

    /// <summary>The statistical model.</summary>
    Model = 1,

    /// <summary>A business gazetteer.</summary>
    Gazetteer = 2,

    /// <summary>A pattern rule (《…》, company and event suffixes, the source line).</summary>
    Pattern = 3,
}
