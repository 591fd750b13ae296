using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using ZhArticleAnalyzer.Text;
using ZhArticleAnalyzer.Times;

namespace ZhArticleAnalyzer.Tests.Specs.RecognizersText;

/// <summary>
/// Recognizers-Text's DateParser cases that our contract covers: Gregorian dates written with digits or
/// Chinese numerals and 年/月/日/号 (no lunar dates, weekdays, holidays or times of day). A case passes when
/// our times have the same start, text and value, an upstream timex with X (year unknown) matching our
/// null (we resolve against an anchor only when one is given, and the harness gives none).
/// </summary>
public sealed partial class RecognizersTextDateTests(ITestOutputHelper output)
{
    [Fact]
    public void Date_parser_cases_in_the_contract_are_reported()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RecognizersTextHarness.SpecFolder, "DateTime", "Chinese", "DateParser.json")));
        int covered = 0, passed = 0, total = 0;
        var failures = new List<string>();
        foreach (var c in json.RootElement.EnumerateArray())
        {
            total++;
            var input = c.GetProperty("Input").GetString()!;
            var expected = c.GetProperty("Results").EnumerateArray()
                .Select(r => (Text: r.GetProperty("Text").GetString()!, Start: r.GetProperty("Start").GetInt32(), Timex: Timex(r)))
                .ToList();
            if (expected.Count == 0 || !expected.All(e => IsGregorianText(e.Text) && e.Timex is { } t && GregorianTimex().IsMatch(t)))
            {
                continue;
            }

            covered++;
            var text = CharNormalizer.Normalize(input);
            var ours = TimeExtractor.Extract(text, _ => 0, null);
            var same = ours.Count == expected.Count && expected.Zip(ours).All(p =>
                p.First.Start == p.Second.Span.Start && p.First.Text == text.Substring(p.Second.Span.Start, p.Second.Span.Length)
                && (p.First.Timex!.Contains('X', StringComparison.Ordinal) ? p.Second.Value is null : p.First.Timex == p.Second.Value));
            if (same)
            {
                passed++;
            }
            else
            {
                failures.Add($"{input}: expected {string.Join("; ", expected.Select(e => $"{e.Start}:{e.Text}={e.Timex}"))}, got {string.Join("; ", ours.Select(o => $"{o.Span.Start}:{text.Substring(o.Span.Start, o.Span.Length)}={o.Value}"))}");
            }
        }

        var rate = covered == 0 ? 1 : (double)passed / covered;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DateTime/DateParser.json: {passed}/{covered} covered cases pass ({rate:P1}); {total - covered} of {total} cases are outside the contract"));
        failures.ForEach(output.WriteLine);
        Assert.True(covered > 0);
        Assert.True(rate >= 0.9, string.Join("\n", failures));
    }

    private static string? Timex(JsonElement result) =>
        result.TryGetProperty("Value", out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("Timex", out var timex) ? timex.GetString() : null;

    /// <summary>
    /// Covered: digits or Chinese numerals with 年/月/日 (or an ISO-like 2010-01-29). Day-first numeric forms
    /// (13.5.2015, 05/05/89) and slashes (12/1, a list in our contract) are not Chinese business usage.
    /// </summary>
    private static bool IsGregorianText(string text)
    {
        const string numerals = "0123456789零〇一二两三四五六七八九十";
        if (text.Length >= 8 && text[..4].All(char.IsAsciiDigit) && text[4] is '-' or '.' or '/')
        {
            return text.All(c => char.IsAsciiDigit(c) || c == text[4]);
        }

        return text.Length > 0 && numerals.Contains(text[0], StringComparison.Ordinal)
            && text[^1] is '年' or '月' or '日' or '号' or '份'
            && text.All(c => numerals.Contains(c, StringComparison.Ordinal) || c is '年' or '月' or '日' or '号' or '份');
    }

    [GeneratedRegex("^(\\d{4}|XXXX)(-(\\d{2}|XX)(-\\d{2})?)?$")]
    private static partial Regex GregorianTimex();
}
