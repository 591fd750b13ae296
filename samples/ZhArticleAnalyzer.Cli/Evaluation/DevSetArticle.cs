using System.Globalization;
using System.Text.Json;

namespace ZhArticleAnalyzer.Cli.Evaluation;

/// <summary>One hand-annotated dev-set article (tests/ZhArticleAnalyzer.Tests/DevSet/GUIDELINES.md): its text and gold keys.</summary>
internal sealed record DevSetArticle(string Id, string Text, IReadOnlyList<string> QuantityKeys, IReadOnlyList<string> TimeKeys)
{
    /// <summary>Reads every <c>*.json</c> file of a folder, in name order.</summary>
    public static IReadOnlyList<DevSetArticle> LoadFolder(string folder) =>
        [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Load)];

    public static DevSetArticle Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var id = root.TryGetProperty("id", out var idElement) ? idElement.GetString() ?? Path.GetFileNameWithoutExtension(path) : Path.GetFileNameWithoutExtension(path);
        var text = root.GetProperty("text").GetString() ?? string.Empty;
        var quantities = root.TryGetProperty("quantities", out var q) ? q.EnumerateArray().Select(QuantityKey).ToList() : [];
        var times = root.TryGetProperty("times", out var t) ? t.EnumerateArray().Select(TimeKey).ToList() : [];
        return new DevSetArticle(id, text, quantities, times);
    }

    /// <summary>span + value (or min..max) + unit.</summary>
    public static string QuantityKey(int start, int end, decimal? value, decimal? min, decimal? max, string? unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{start}-{end} {Number(value) ?? Number(min) + ".." + Number(max)} {unit}");

    /// <summary>span + value.</summary>
    public static string TimeKey(int start, int end, string? value) => string.Create(CultureInfo.InvariantCulture, $"{start}-{end} {value ?? "null"}");

    private static string QuantityKey(JsonElement e) => QuantityKey(
        e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(), Decimal(e, "value"), Decimal(e, "min"), Decimal(e, "max"), e.TryGetProperty("unit", out var u) ? u.GetString() : null);

    private static string TimeKey(JsonElement e) => TimeKey(
        e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(), e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null);

    private static decimal? Decimal(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    private static string? Number(decimal? value) => value is { } v ? (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : null;
}
