namespace ZhArticleAnalyzer.Cli;

/// <summary>Process exit codes of the console.</summary>
internal static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Success = 0;

    /// <summary>At least one input failed (missing, unreadable, or its analysis failed).</summary>
    public const int InputFailed = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;
}
