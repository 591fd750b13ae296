using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZhArticleAnalyzer.Cli.Evaluation;
using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary>
/// <c>eval claims [--devset DIR] [--json]</c>: claim P/R/F1 of the full pipeline on the dev set, leniently (value and
/// unit, subject, metric) and strictly (also period and change).
/// </summary>
internal static class EvalClaimsCommand
{
    public static Command Create(CliConsole console)
    {
        var devset = DevSetFolder.CreateOption();
        var json = new Option<bool>("--json") { Description = "Print {\"lenient\":{…},\"strict\":{…}}." };
        var diff = new Option<bool>("--diff") { Description = "List the gold claims missed, the extra claims found, and the claims found with another period or change." };
        var command = new Command("claims", "Score numeric claims against the hand-annotated dev set.") { devset, json, diff };
        command.SetAction((result, cancellationToken) => RunAsync(console, result.GetRequiredValue(devset), result.GetValue(json), result.GetValue(diff), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string folder, bool json, bool diff, CancellationToken cancellationToken)
    {
        if (!await DevSetFolder.ExistsAsync(console, folder).ConfigureAwait(false))
        {
            return ExitCodes.InputFailed;
        }

        var analyzer = ArticleAnalyzer.CreateDefault();
        var total = new ClaimScorer();
        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var gold = JsonDocument.Parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
            var document = analyzer.Analyze(gold.RootElement.GetProperty("text").GetString()!, null, cancellationToken);
            var goldClaims = GoldClaims.Load(gold.RootElement);
            var predicted = document.Claims.Select(c => GoldClaims.Facts(document, c)).ToList();
            var one = new ClaimScorer();
            one.Add(goldClaims, predicted);
            total.Add(goldClaims, predicted);
            lines.Add($"{Path.GetFileNameWithoutExtension(file),-24} {Line(one.Lenient),-28} {Line(one.Strict)}");
            if (diff)
            {
                lines.AddRange(goldClaims.Where(g => !predicted.Any(p => ClaimScorer.Matches(g, p, strict: false))).Select(g => "    missed " + Describe(g)));
                lines.AddRange(predicted.Where(p => !goldClaims.Any(g => ClaimScorer.Matches(g, p, strict: false))).Select(p => "    extra  " + Describe(p)));
                lines.AddRange(goldClaims
                    .Where(g => !predicted.Any(p => ClaimScorer.Matches(g, p, strict: true)))
                    .SelectMany(g => predicted.Where(p => ClaimScorer.Matches(g, p, strict: false)).Take(1).Select(p => $"    loose  {Describe(g)} ← found {p.Change} | {p.Period}")));
            }
        }

        if (json)
        {
            var report = new JsonObject
            {
                ["lenient"] = Figures(total.Lenient),
                ["strict"] = Figures(total.Strict),
            };
            await console.Out.WriteLineAsync(report.ToJsonString()).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await console.Out.WriteLineAsync($"{"file",-24} {"claims P/R/F1",-28} {"with period and change"}").ConfigureAwait(false);
        foreach (var line in lines)
        {
            await console.Out.WriteLineAsync(line).ConfigureAwait(false);
        }

        await console.Out.WriteLineAsync($"{"overall",-24} {Line(total.Lenient),-28} {Line(total.Strict)}").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string Describe(ClaimFacts c) =>
        string.Create(CultureInfo.InvariantCulture, $"{string.Join('/', c.Subjects)} | {c.Metric} | {c.Value.Value?.ToString() ?? $"{c.Value.Min}..{c.Value.Max}"} {c.Value.Unit} | {c.Change} | {c.Period}");

    private static string Line(ClaimScorer.Score s) => string.Create(CultureInfo.InvariantCulture, $"{s.Precision:F3}/{s.Recall:F3}/{s.F1:F3} ({s.Correct}/{s.Gold})");

    private static JsonObject Figures(ClaimScorer.Score s) => new()
    {
        ["precision"] = Math.Round(s.Precision, 4),
        ["recall"] = Math.Round(s.Recall, 4),
        ["f1"] = Math.Round(s.F1, 4),
    };
}
