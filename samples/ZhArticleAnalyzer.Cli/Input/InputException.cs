namespace ZhArticleAnalyzer.Cli.Input;

/// <summary>An input file or stream that cannot be read as text; the message is one line for the user.</summary>
internal sealed class InputException(string message) : Exception(message);
