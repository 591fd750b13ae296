using Spectre.Console;

namespace ZhArticleAnalyzer.Cli.Output;

/// <summary>
/// A progress bar on standard error, shown only when it is a terminal and there is more than one
/// item; pipes and redirected runs stay silent.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliConsole console, string description, int? total, Func<Action, Task<T>> work)
    {
        if (!console.IsErrorTerminal || total is 1)
        {
            return await work(() => { }).ConfigureAwait(false);
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        return await terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: total ?? 1);
                task.IsIndeterminate = total is null;
                var done = 0;
                var result = await work(() =>
                {
                    done++;
                    if (total is null)
                    {
                        task.Description = $"{description} ({done})";
                    }
                    else
                    {
                        task.Increment(1);
                    }
                }).ConfigureAwait(false);
                task.StopTask();
                return result;
            }).ConfigureAwait(false);
    }
}
