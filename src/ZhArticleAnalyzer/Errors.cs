namespace ZhArticleAnalyzer;

/// <summary>
/// The library's coded messages, in one place, so that a user can search for a code and
/// every message says what to do about it.
/// </summary>
public static class ErrorCodes
{
    /// <summary>A jieba data file is missing.</summary>
    public const string JiebaDataMissing = "ZHAA001";

    /// <summary>A jieba data file is empty or unreadable.</summary>
    public const string JiebaDataCorrupt = "ZHAA002";

    /// <summary>jieba was initialised by someone else with other data.</summary>
    public const string JiebaAlreadyInitialised = "ZHAA003";

    /// <summary>A dictionary file named in the options does not exist.</summary>
    public const string UserDictionaryMissing = "ZHAA004";

    /// <summary>A dictionary line cannot be read.</summary>
    public const string DictionaryLineInvalid = "ZHAA005";

    /// <summary>A stage produced a result that breaks the document's invariants.</summary>
    public const string StageInvariantBroken = "ZHAA006";

    /// <summary>A resource expected inside the assembly is missing.</summary>
    public const string EmbeddedResourceMissing = "ZHAA007";

    /// <summary>The options are invalid.</summary>
    public const string InvalidOptions = "ZHAA008";

    /// <summary>A stage needs a layer that no earlier stage produces.</summary>
    public const string StageRequirementMissing = "ZHAA009";

    /// <summary>An input of a batch could not be read.</summary>
    public const string InputUnreadable = "ZHAA010";

    /// <summary>An article of a batch failed.</summary>
    public const string ArticleFailed = "ZHAA011";

    /// <summary>The text holds a lone surrogate or a control character (warning).</summary>
    public const string SuspiciousCharacters = "ZHAA101";
}

/// <summary>An error of the analyzer's own data or configuration, with a stable code.</summary>
public sealed class ZhArticleAnalyzerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ZhArticleAnalyzerException(string code, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
    }

    /// <summary>The stable code, such as <c>ZHAA001</c>.</summary>
    public string Code { get; }
}
