using ZhArticleAnalyzer.Claims;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Unit.Claims;

/// <summary>A claim of the full pipeline, read back as text: what a test of one claim rule checks.</summary>
internal sealed record ProbedClaim(string? Subject, string Metric, string Value, string? Previous, string? Change, string? ChangeWord, string? Period, ClaimType Type);

/// <summary>Runs the default analyzer on a short synthetic text and reads its claims back as text.</summary>
internal static class ClaimProbe
{
    public static IReadOnlyList<ProbedClaim> Claims(string text)
    {
        var document = SharedAnalyzer.Instance.Analyze(text);
        return [.. document.Claims.Select(c => new ProbedClaim(
            c.SubjectEntity is { } e ? document.GetText(document.Entities[e].Span) : c.SubjectText,
            c.Metric,
            document.GetText(document.Quantities[c.Value].Span),
            c.Previous is { } p ? document.GetText(document.Quantities[p].Span) : null,
            c.Change?.ToString().ToLowerInvariant(),
            c.ChangeWord,
            c.PeriodTime is { } t ? document.Times[t].Value ?? document.GetText(document.Times[t].Span) : c.PeriodText,
            c.Type))];
    }

    /// <summary>The one claim whose value is written as <paramref name="value"/>.</summary>
    public static ProbedClaim Of(string text, string value)
    {
        var claims = Claims(text);
        var found = claims.Where(c => c.Value == value).ToList();
        Assert.True(found.Count == 1, $"expected one claim of {value}, found {found.Count} among: {string.Join("; ", claims)}");
        return found[0];
    }
}
