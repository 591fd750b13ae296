using System.Text.Json;
using ZhArticleAnalyzer.Claims;
using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Cli.Evaluation;

/// <summary>Reads the claims of a dev-set file and turns claims of a document into the same comparable facts.</summary>
internal static class GoldClaims
{
    public static IReadOnlyList<ClaimFacts> Load(JsonElement root)
    {
        var quantities = root.GetProperty("quantities").EnumerateArray()
            .ToDictionary(q => q.GetProperty("start").GetInt32(), q => new QuantityFacts(Dec(q, "value"), Dec(q, "min"), Dec(q, "max"), Str(q, "unit")));
        return [.. root.GetProperty("claims").EnumerateArray().Select(c => new ClaimFacts(
            quantities[c.GetProperty("value").GetInt32()],
            [c.GetProperty("subject").GetString()!],
            c.GetProperty("metric").GetString()!,
            Str(c, "change"),
            Str(c, "period")))];
    }

    public static ClaimFacts Facts(AnalyzedDocument document, Claim claim)
    {
        IReadOnlyList<string> subjects = claim.SubjectEntity is { } e
            ? [document.GetText(document.Entities[e].Span), document.Entities[e].Canonical]
            : claim.SubjectText is { } s ? [s] : [];
        var period = claim.PeriodTime is { } t ? document.Times[t].Value ?? document.GetText(document.Times[t].Span) : claim.PeriodText;
        var q = document.Quantities[claim.Value];
        return new ClaimFacts(new QuantityFacts(q.Value, q.Min, q.Max, q.Unit), subjects, claim.Metric, claim.Change?.ToString().ToLowerInvariant(), period);
    }

    private static decimal? Dec(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
