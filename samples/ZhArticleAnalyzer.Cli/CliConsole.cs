namespace ZhArticleAnalyzer.Cli;

/// <summary>The streams a command reads and writes, so tests can run the console in-process.</summary>
/// <param name="In">Standard input, as bytes (its encoding is detected like a file's).</param>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error: messages and progress.</param>
/// <param name="IsErrorTerminal">Whether standard error is a terminal, where a progress bar is shown.</param>
internal sealed record CliConsole(Stream In, TextWriter Out, TextWriter Error, bool IsErrorTerminal);
