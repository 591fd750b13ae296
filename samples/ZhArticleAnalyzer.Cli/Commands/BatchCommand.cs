using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Records;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary>
/// <c>batch</c>: JSON Lines in (<c>{"id","text"}</c>), one compact record per line out, in input order.
/// This is the stage to drop into Spark's RDD.pipe or Hadoop Streaming.
/// </summary>
internal static class BatchCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<string?>("--in") { Description = "Read JSON Lines from FILE instead of standard input." };
        var output = new Option<string?>("--out") { Description = "Write records to FILE instead of standard output." };
        var parallel = new Option<int>("--parallel") { Description = "Articles analysed at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var noTokens = new Option<bool>("--no-tokens") { Description = "Leave the token list out of the records." };
        var command = new Command("batch", "Analyse JSON Lines {\"id\",\"text\"} and write one record per line, in order.") { input, output, parallel, noTokens };
        command.SetAction((result, cancellationToken) => RunAsync(
            console, result.GetValue(input), result.GetValue(output), result.GetValue(parallel), !result.GetValue(noTokens), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string? inputPath, string? outputPath, int parallel, bool includeTokens, CancellationToken cancellationToken)
    {
        if (parallel < 1)
        {
            await console.Error.WriteLineAsync($"error: --parallel must be at least 1 (was {parallel}).").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (inputPath is not null && !File.Exists(inputPath))
        {
            await console.Error.WriteLineAsync($"error: {inputPath}: no such file.").ConfigureAwait(false);
            return ExitCodes.InputFailed;
        }

        var analyzer = ArticleAnalyzer.CreateDefault(o => o.MaxDegreeOfParallelism = parallel);
        using var reader = new StreamReader(inputPath is null ? console.In : File.OpenRead(inputPath), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: inputPath is null);
        await using var fileWriter = outputPath is null ? null : new StreamWriter(outputPath, append: false, new UTF8Encoding(false));
        var writer = (TextWriter?)fileWriter ?? console.Out;
        var failures = await ProgressDisplay.RunAsync(console, "batch", null, async step =>
        {
            var failed = 0;
            await foreach (var result in analyzer.AnalyzeManyAsync(ReadInputs(reader, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                if (result.Document is { } document)
                {
                    await writer.WriteAsync(ArticleRecordJson.Serialize(ArticleRecordMapper.ToRecord(document, includeTokens), indented: false)).ConfigureAwait(false);
                }
                else
                {
                    failed++;
                    await console.Error.WriteLineAsync($"error: {result.Id}: {result.Error}").ConfigureAwait(false);
                    await writer.WriteAsync(JsonSerializer.Serialize(new BatchError(result.Id, result.Error ?? "failed"), CliJsonContext.Relaxed.BatchError)).ConfigureAwait(false);
                }

                await writer.WriteAsync('\n').ConfigureAwait(false);
                step();
            }

            return failed;
        }).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return failures == 0 ? ExitCodes.Success : ExitCodes.InputFailed;
    }

    /// <summary>Parses each line; a line that is not an article becomes an unreadable placeholder, so it keeps its place.</summary>
    internal static async IAsyncEnumerable<ArticleInput> ReadInputs(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Parse(line, lineNumber);
            }
        }
    }

    internal static ArticleInput Parse(string line, int lineNumber)
    {
        var fallbackId = $"line-{lineNumber}";
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ArticleInput.Unreadable(fallbackId, $"line {lineNumber}: expected a JSON object {{\"id\",\"text\"}}.");
            }

            var id = json.RootElement.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText())
                : fallbackId;
            if (!json.RootElement.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                return ArticleInput.Unreadable(id, $"line {lineNumber}: no string field \"text\".");
            }

            return new ArticleInput(id, textElement.GetString()!);
        }
        catch (JsonException e)
        {
            return ArticleInput.Unreadable(fallbackId, $"line {lineNumber}: invalid JSON ({e.Message.Split('.')[0]}).");
        }
    }
}
