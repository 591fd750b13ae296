using System.Globalization;
using System.Text.Json;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Text;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Specs.RecognizersText;

/// <summary>One expected recognition of a Recognizers-Text case (End inclusive, as upstream writes it).</summary>
internal sealed record RtResult(string Text, int Start, string? Value, string? Unit);

/// <summary>One Recognizers-Text case.</summary>
internal sealed record RtCase(string Input, IReadOnlyList<RtResult> Results, bool NotSupportedOnDotnet);

/// <summary>What our code found for a case, in the same terms.</summary>
internal sealed record OurResult(string Text, int Start, decimal? Value, string? Unit);

/// <summary>The pass rate of one spec file.</summary>
internal sealed record RtFileScore(string File, int Cases, int NotSupported, int Deliberate, int Passed, IReadOnlyList<string> Failures)
{
    public int Scored => Cases - NotSupported - Deliberate;

    public double PassRate => Scored == 0 ? 1 : (double)Passed / Scored;
}

/// <summary>
/// Runs Microsoft Recognizers-Text's Chinese spec files (MIT, copied byte for byte into
/// shared/benchmarks/recognizers-text-zh-specs) through our numeral finder and quantity extractor.
/// A case passes when we find the same items: same start, same text, same value (and ISO code for money).
/// </summary>
internal static class RecognizersTextHarness
{
    public static string SpecFolder => RepoPaths.Shared("benchmarks", "recognizers-text-zh-specs");

    public static string DifferencesFile => RepoPaths.Repo("tests", "ZhArticleAnalyzer.Tests", "Specs", "RecognizersText", "deliberate-differences.tsv");

    private static readonly Dictionary<string, string> CurrencyNames = new(StringComparer.Ordinal)
    {
        ["Chinese yuan"] = "CNY", ["United States dollar"] = "USD", ["Euro"] = "EUR", ["Swiss franc"] = "CHF", ["New Taiwan dollar"] = "TWD",
        ["Japanese yen"] = "JPY", ["Hong Kong dollar"] = "HKD", ["Nigerian naira"] = "NGN", ["Pound sterling"] = "GBP", ["British pound"] = "GBP",
        ["Dollar"] = "USD", ["Bitcoin"] = "XBT",
    };

    public static IReadOnlyList<RtCase> Load(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SpecFolder, relativePath)));
        var cases = new List<RtCase>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var notSupported = element.TryGetProperty("NotSupported", out var ns) && ns.GetString()?.Contains("dotnet", StringComparison.Ordinal) == true;
            var results = new List<RtResult>();
            foreach (var r in element.GetProperty("Results").EnumerateArray())
            {
                string? value = null, unit = null;
                if (r.TryGetProperty("Resolution", out var resolution) && resolution.ValueKind == JsonValueKind.Object)
                {
                    value = resolution.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                    unit = resolution.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                }

                results.Add(new RtResult(r.GetProperty("Text").GetString() ?? string.Empty, r.TryGetProperty("Start", out var s) ? s.GetInt32() : -1, value, unit));
            }

            cases.Add(new RtCase(element.GetProperty("Input").GetString() ?? string.Empty, results, notSupported));
        }

        return cases;
    }

    /// <summary>(file, input) pairs we differ on by design, with the reason.</summary>
    public static IReadOnlyDictionary<(string File, string Input), string> LoadDifferences()
    {
        var map = new Dictionary<(string, string), string>();
        foreach (var line in File.ReadAllLines(DifferencesFile))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            map[(parts[0], Unescape(parts[1]))] = parts.Length > 2 ? parts[2] : string.Empty;
        }

        return map;
    }

    public static string Escape(string input) => input.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Unescape(string input) => input.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    public static RtFileScore Run(string file, Func<string, IReadOnlyList<OurResult>> recognize, bool compareUnit)
    {
        var differences = LoadDifferences();
        var cases = Load(file);
        int notSupported = 0, deliberate = 0, passed = 0;
        var failures = new List<string>();
        foreach (var c in cases)
        {
            if (c.NotSupportedOnDotnet)
            {
                notSupported++;
                continue;
            }

            if (differences.ContainsKey((file, c.Input)))
            {
                deliberate++;
                continue;
            }

            var ours = recognize(c.Input);
            if (Same(c.Results, ours, compareUnit))
            {
                passed++;
            }
            else
            {
                failures.Add($"{file}\t{Escape(c.Input)}\texpected {string.Join("; ", c.Results.Select(r => $"{r.Start}:{r.Text}={r.Value} {r.Unit}"))}\tgot {string.Join("; ", ours.Select(r => $"{r.Start}:{r.Text}={r.Value} {r.Unit}"))}");
            }
        }

        return new RtFileScore(file, cases.Count, notSupported, deliberate, passed, failures);
    }

    private static bool Same(IReadOnlyList<RtResult> expected, IReadOnlyList<OurResult> ours, bool compareUnit)
    {
        if (expected.Count != ours.Count)
        {
            return false;
        }

        for (var k = 0; k < expected.Count; k++)
        {
            var e = expected[k];
            var o = ours[k];
            if (e.Start != o.Start || !string.Equals(e.Text.Trim(), o.Text.Trim(), StringComparison.OrdinalIgnoreCase) || !SameValue(e.Value, o.Value))
            {
                return false;
            }

            if (compareUnit && e.Unit is { } unit && (!CurrencyNames.TryGetValue(unit, out var iso) || iso != o.Unit))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameValue(string? expected, decimal? ours)
    {
        if (expected is null)
        {
            return ours is null;
        }

        if (ours is not { } value)
        {
            return false;
        }

        var text = expected.TrimEnd('%');
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var e))
        {
            return false;
        }

        var o = (double)value;
        return Math.Abs(e - o) <= 1e-9 * Math.Max(1, Math.Abs(e));
    }

    public static IReadOnlyList<OurResult> Numbers(string input) =>
        [.. NumeralFinder.FindAll(input).Select(m => new OurResult(Slice(input, m.Span), m.Span.Start, m.Value, null))];

    public static IReadOnlyList<OurResult> Quantities(string input, Func<Quantity, bool> select)
    {
        var normalized = CharNormalizer.Normalize(input);
        return [.. QuantityExtractor.Default.Extract(normalized, []).Where(select).Select(q => new OurResult(Slice(input, q.Span), q.Span.Start, q.Value, q.Unit))];
    }

    private static string Slice(string input, TextSpan span) => CharNormalizer.Normalize(input.Substring(span.Start, span.Length));
}
