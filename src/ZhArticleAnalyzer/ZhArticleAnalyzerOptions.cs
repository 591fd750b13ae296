namespace ZhArticleAnalyzer;

/// <summary>Settings of an analyzer. Checked once, when the analyzer is built.</summary>
public sealed class ZhArticleAnalyzerOptions
{
    /// <summary>Longest text accepted, in UTF-16 code units; longer input throws <see cref="ArgumentOutOfRangeException"/>. Default 1,000,000.</summary>
    public int MaxTextLength { get; set; } = 1_000_000;

    /// <summary>Whether the record lists the tokens. Default true.</summary>
    public bool IncludeTokens { get; set; } = true;

    /// <summary>How many keywords to keep (0 to 100). Default 10.</summary>
    public int KeywordCount { get; set; } = 10;

    /// <summary>
    /// The segmenter: <see cref="Segmentation.SegmenterKind.Engine"/> (default), the library's own
    /// jieba-compatible engine, or <see cref="Segmentation.SegmenterKind.JiebaNet"/>, jieba.NET itself.
    /// Both give the same words and tags on ordinary text (see the README's "Segmentation engine").
    /// </summary>
    public Segmentation.SegmenterKind Segmenter { get; set; } = Segmentation.SegmenterKind.Engine;

    /// <summary>
    /// Whether the built-in entity stage runs (gazetteers, patterns and the statistical model shipped
    /// in the package). Default true. The model loads once per process, on first use.
    /// </summary>
    public bool RecognizeEntities { get; set; } = true;

    /// <summary>
    /// Whether the built-in claim stage runs (numeric claims: subject, metric, value, direction,
    /// period). Default true. Claims name their subjects by entity, so they run only when
    /// <see cref="RecognizeEntities"/> is true as well.
    /// </summary>
    public bool ExtractClaims { get; set; } = true;

    /// <summary>Whether jieba's HMM may join unknown characters into new words. Default true.</summary>
    public bool UseHmm { get; set; } = true;

    /// <summary>
    /// Whether the business dictionaries shipped with the library (companies, people, products,
    /// places, events, metric terms) are added to the segmenter. Default true.
    /// </summary>
    /// <remarks>
    /// With the engine each analyzer has its own dictionary. jieba.NET keeps one dictionary per
    /// process: once any analyzer in the process has added the business words, every jieba.NET
    /// analyzer in that process uses them.
    /// </remarks>
    public bool UseBusinessDictionaries { get; set; } = true;

    /// <summary>
    /// Extra user dictionaries in jieba's format (<c>word [frequency] [tag]</c> per line, UTF-8), added
    /// once at startup. The engine adds them to this analyzer's dictionary only; jieba.NET's dictionary
    /// is process-wide, so with <see cref="Segmentation.SegmenterKind.JiebaNet"/> they apply to every
    /// jieba.NET analyzer in the process.
    /// </summary>
    public IList<string> UserDictionaryPaths { get; } = [];

    /// <summary>
    /// A folder holding jieba's data files (dict.txt, prob_emit.json …). When null (the default) the copy
    /// embedded in the library is used: the engine reads it directly, jieba.NET gets it extracted once into
    /// a per-user cache folder. The engine keeps a binary image of the data it read in that folder too.
    /// </summary>
    public string? JiebaDataDirectory { get; set; }

    /// <summary>
    /// The date relative times (今年, 去年同期, 上月, 过去四个季度) are resolved against when the article's
    /// <see cref="Pipeline.ArticleInfo.PublishedOn"/> is not given (that date wins). When both are null,
    /// relative times keep a null value. Default null.
    /// </summary>
    public DateOnly? AnchorDate { get; set; }

    /// <summary>How many articles <see cref="Pipeline.IArticleAnalyzer.AnalyzeManyAsync"/> analyses at once. Default: the processor count.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Returns the problems with these options; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxTextLength <= 0)
        {
            problems.Add($"MaxTextLength must be positive (was {MaxTextLength}).");
        }

        if (KeywordCount is < 0 or > 100)
        {
            problems.Add($"KeywordCount must be between 0 and 100 (was {KeywordCount}).");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            problems.Add($"MaxDegreeOfParallelism must be at least 1 (was {MaxDegreeOfParallelism}).");
        }

        foreach (var path in UserDictionaryPaths)
        {
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            {
                problems.Add($"user dictionary '{path}' does not exist.");
            }
        }

        if (!Enum.IsDefined(Segmenter))
        {
            problems.Add($"Segmenter must be Engine or JiebaNet (was {(int)Segmenter}).");
        }

        if (JiebaDataDirectory is not null && !Directory.Exists(JiebaDataDirectory))
        {
            problems.Add($"JiebaDataDirectory '{JiebaDataDirectory}' does not exist.");
        }

        return problems;
    }
}
