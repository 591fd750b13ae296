using System.CommandLine;
using ZhArticleAnalyzer.Cli.Input;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Records;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary>
/// <c>analyze FILE… [--out DIR] [--format json|jsonl|csv|html]</c>: the record of each file, or of
/// standard input for "-", as JSON (one indented record, or one line per record for several files),
/// JSON Lines, CSV (four files for all articles, with the article id on each row) or an HTML page per article.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Article files (UTF-8, UTF-16 with BOM or GB18030), or - for standard input." };
        var outDirectory = new Option<string?>("--out") { Description = "Write into DIR instead of printing: DIR/<file stem>.json or .html per file, DIR/records.jsonl, or DIR/{entities,quantities,times,claims}.csv." };
        var format = new Option<string>("--format") { Description = "json (default), jsonl (one compact record per line), csv (needs --out) or html (one page per article; --out for several files).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv", "html");
        var encoding = new Option<string?>("--encoding") { Description = "Force the input encoding (utf-8, utf-16, gb18030, gbk …) instead of detecting it." };
        var noTokens = new Option<bool>("--no-tokens") { Description = "Leave the token list out of the record." };
        var command = new Command("analyze", "Analyse articles and print (or write) their records.") { files, outDirectory, format, encoding, noTokens };
        command.SetAction((result, cancellationToken) => RunAsync(
            console,
            result.GetRequiredValue(files),
            result.GetValue(outDirectory),
            result.GetValue(format) ?? "json",
            result.GetValue(encoding),
            !result.GetValue(noTokens),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] files, string? outDirectory, string format, string? encoding, bool includeTokens, CancellationToken cancellationToken)
    {
        if (format == "csv" && outDirectory is null)
        {
            await console.Error.WriteLineAsync("error: --format csv writes four files (entities.csv, quantities.csv, times.csv, claims.csv): give --out DIR.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (format == "html" && outDirectory is null && files.Length > 1)
        {
            await console.Error.WriteLineAsync("error: --format html prints one page; for several files give --out DIR (one page per file).").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (outDirectory is not null)
        {
            Directory.CreateDirectory(outDirectory);
        }

        var analyzer = ArticleAnalyzer.CreateDefault();
        var printOneLinePerRecord = format == "jsonl" || (outDirectory is null && files.Length > 1);
        await using var csv = format == "csv" ? CsvViews.Create(outDirectory!) : null;
        await using var jsonLines = format == "jsonl" && outDirectory is not null
            ? new StreamWriter(Path.Combine(outDirectory, "records.jsonl"), append: false, new System.Text.UTF8Encoding(false))
            : null;
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
                    switch (format)
                    {
                        case "csv":
                            csv!.Write(record);
                            break;
                        case "html" when outDirectory is not null:
                            await File.WriteAllTextAsync(Path.Combine(outDirectory, (id ?? record.Id) + ".html"), HtmlView.Render(text, record), cancellationToken).ConfigureAwait(false);
                            break;
                        case "html":
                            await console.Out.WriteAsync(HtmlView.Render(text, record)).ConfigureAwait(false);
                            break;
                        case "jsonl" when jsonLines is not null:
                            await jsonLines.WriteLineAsync(ArticleRecordJson.Serialize(record, indented: false)).ConfigureAwait(false);
                            break;
                        case "json" when outDirectory is not null:
                            await File.WriteAllTextAsync(Path.Combine(outDirectory, (id ?? record.Id) + ".json"), ArticleRecordJson.Serialize(record) + "\n", cancellationToken).ConfigureAwait(false);
                            break;
                        default:
                            await console.Out.WriteLineAsync(ArticleRecordJson.Serialize(record, indented: !printOneLinePerRecord)).ConfigureAwait(false);
                            break;
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
