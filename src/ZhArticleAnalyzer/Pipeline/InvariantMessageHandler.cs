using System.Runtime.CompilerServices;

namespace ZhArticleAnalyzer.Pipeline;

/// <summary>
/// Builds an invariant's failure message only when the invariant fails, so that checking a million
/// token spans costs comparisons, not a million formatted strings (as <c>Debug.Assert</c>'s handler does).
/// </summary>
[InterpolatedStringHandler]
internal ref struct InvariantMessageHandler
{
    private DefaultInterpolatedStringHandler _message;

    public InvariantMessageHandler(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        _message = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _message.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _message.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _message.AppendFormatted(value, format);

    public string ToStringAndClear() => _message.ToStringAndClear();
}
