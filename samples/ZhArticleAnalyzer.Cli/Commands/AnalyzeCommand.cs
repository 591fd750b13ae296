using System.CommandLine;
using ZhArticleAnalyzer.Cli.Input;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Records;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary><c>analyze FILE… [--out DIR]</c>: the record of each file, or of standard input for "-".</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Article files (UTF-8, UTF-16 with BOM or GB18030), or - for standard input." };
        var outDirectory = new Option<string?>("--out") { Description = "Write DIR/<file stem>.json per file instead of printing." };
        var encoding = new Option<string?>("--encoding") { Description = "Force the input encoding (utf-8, utf-16, gb18030, gbk …) instead of detecting it." };
        var noTokens = new Option<bool>("--no-tokens") { Description = "Leave the token list out of the record." };
        var command = new Command("analyze", "Analyse articles and print (or write) their records.") { files, outDirectory, encoding, noTokens };
        command.SetAction((result, cancellationToken) => RunAsync(
            console,
            result.GetRequiredValue(files),
            result.GetValue(outDirectory),
            result.GetValue(encoding),
            !result.GetValue(noTokens),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] files, string? outDirectory, string? encoding, bool includeTokens, CancellationToken cancellationToken)
    {
        if (outDirectory is not null)
        {
            Directory.CreateDirectory(outDirectory);
        }

        var analyzer = ArticleAnalyzer.CreateDefault();
        var printOneLinePerRecord = outDirectory is null && files.Length > 1;
        var failures = await ProgressDisplay.RunAsync(console, "analysing", files.Length, async step =>
        {
            var failed = 0;
            foreach (var file in files)
            {
                try
                {
                    var text = await InputReader.ReadAsync(file, console, encoding, cancellationToken).ConfigureAwait(false);
                    var id = file == "-" ? null : Path.GetFileNameWithoutExtension(file);
                    var document = analyzer.Analyze(text, new ArticleInfo(id), cancellationToken);
                    foreach (var warning in document.Warnings)
                    {
                        await console.Error.WriteLineAsync($"warning: {file}: {warning.Code}: {warning.Message}").ConfigureAwait(false);
                    }

                    var record = ArticleRecordMapper.ToRecord(document, includeTokens);
                    if (outDirectory is not null)
                    {
                        var target = Path.Combine(outDirectory, (id ?? record.Id) + ".json");
                        await File.WriteAllTextAsync(target, ArticleRecordJson.Serialize(record) + "\n", cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await console.Out.WriteLineAsync(ArticleRecordJson.Serialize(record, indented: !printOneLinePerRecord)).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is InputException or ArgumentOutOfRangeException or ZhArticleAnalyzerException)
                {
                    failed++;
                    await console.Error.WriteLineAsync("error: " + (e is InputException ? e.Message : $"{file}: {e.Message}")).ConfigureAwait(false);
                }

                step();
            }

            return failed;
        }).ConfigureAwait(false);
        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        return failures == 0 ? ExitCodes.Success : ExitCodes.InputFailed;
    }
}
