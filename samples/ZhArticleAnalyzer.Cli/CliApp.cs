using System.CommandLine;
using ZhArticleAnalyzer.Cli.Commands;

namespace ZhArticleAnalyzer.Cli;

/// <summary>The sample console: analyze, batch, eval, bench, train and engine-image.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var eval = new Command("eval", "Measure quality against gold data.")
        {
            EvalSegmentationCommand.Create(console), EvalQuantitiesCommand.Create(console), EvalNerCommand.Create(console), EvalClaimsCommand.Create(console),
        };
        var train = new Command("train", "Train the statistical models.") { TrainNerCommand.Create(console) };
        var root = new RootCommand("ZhArticleAnalyzer: turn Chinese business articles into structured records.")
        {
            AnalyzeCommand.Create(console),
            BatchCommand.Create(console),
            eval,
            BenchCommand.Create(console),
            train,
            EngineImageCommand.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("run with --help for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("cancelled.").ConfigureAwait(false);
            return 130;
        }
        catch (ZhArticleAnalyzerException e)
        {
            await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.InputFailed;
        }
    }
}
