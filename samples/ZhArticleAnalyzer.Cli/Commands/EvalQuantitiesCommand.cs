using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ZhArticleAnalyzer.Cli.Evaluation;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary><c>eval quantities [--devset DIR] [--json] [--diff]</c>: P/R/F1 of quantities and times on the dev set.</summary>
internal static class EvalQuantitiesCommand
{
    public static Command Create(CliConsole console)
    {
        var devset = DevSetFolder.CreateOption();
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var diff = new Option<bool>("--diff") { Description = "List the gold items missed and the extra items found." };
        var command = new Command("quantities", "Score quantities (span + value + unit) and times (span + value) against the hand-annotated dev set.") { devset, json, diff };
        command.SetAction((result, cancellationToken) => RunAsync(console, result.GetRequiredValue(devset), result.GetValue(json), result.GetValue(diff), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string folder, bool json, bool diff, CancellationToken cancellationToken)
    {
        if (!await DevSetFolder.ExistsAsync(console, folder).ConfigureAwait(false))
        {
            return ExitCodes.InputFailed;
        }

        var articles = DevSetArticle.LoadFolder(folder);
        var analyzer = ArticleAnalyzer.CreateDefault();
        var scores = new List<ArticleScore>();
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            scores.Add(QuantityScorer.Score(analyzer, article));
        }

        var quantities = scores.Aggregate(new PrfScore(0, 0, 0), (sum, s) => sum + s.Quantities);
        var times = scores.Aggregate(new PrfScore(0, 0, 0), (sum, s) => sum + s.Times);
        if (json)
        {
            var report = new QuantityEvalReport(
                [.. scores.Select(s => new QuantityEvalFile(s.Id, Figures(s.Quantities), Figures(s.Times)))], Figures(quantities), Figures(times));
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Relaxed.QuantityEvalReport)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await console.Out.WriteLineAsync($"{"file",-24} {"quantities P/R/F1",-26} {"times P/R/F1",-26}").ConfigureAwait(false);
        foreach (var score in scores)
        {
            await console.Out.WriteLineAsync($"{score.Id,-24} {Line(score.Quantities),-26} {Line(score.Times),-26}").ConfigureAwait(false);
            if (diff)
            {
                foreach (var line in score.Missed.Concat(score.Spurious))
                {
                    await console.Out.WriteLineAsync("    " + line).ConfigureAwait(false);
                }
            }
        }

        await console.Out.WriteLineAsync($"{"overall",-24} {Line(quantities),-26} {Line(times),-26}").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string Line(PrfScore s) => string.Create(CultureInfo.InvariantCulture, $"{s.Precision:F3}/{s.Recall:F3}/{s.F1:F3} ({s.Correct}/{s.Gold})");

    private static QuantityEvalFigures Figures(PrfScore s) =>
        new(Math.Round(s.Precision, 4), Math.Round(s.Recall, 4), Math.Round(s.F1, 4), s.Gold, s.System, s.Correct);
}
