using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ZhArticleAnalyzer.Cli.Evaluation;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary><c>eval segmentation --gold FILE --input FILE [--words FILE]</c>: SIGHAN-style scores of the segmenter.</summary>
internal static class EvalSegmentationCommand
{
    public static Command Create(CliConsole console)
    {
        var gold = new Option<string>("--gold") { Required = true, Description = "Gold segmentation: one line per sentence, words separated by spaces." };
        var input = new Option<string>("--input") { Required = true, Description = "The same lines without spaces." };
        var words = new Option<string?>("--words") { Description = "Training word list, one word per line, for OOV recall." };
        var json = new Option<bool>("--json") { Description = "Print {\"precision\",\"recall\",\"f1\",\"oovRecall\"}." };
        var plain = new Option<bool>("--jieba-defaults") { Description = "Measure bare jieba (engine or jieba.NET): its own dictionary only, raw text, no business dictionaries (run it in its own process)." };
        var segmenter = new Option<SegmenterKind>("--segmenter") { Description = "Engine (default) or JiebaNet.", DefaultValueFactory = _ => SegmenterKind.Engine };
        var command = new Command("segmentation", "Score the segmenter against SIGHAN-format gold.") { gold, input, words, json, plain, segmenter };
        command.SetAction((result, cancellationToken) => RunAsync(
            console, result.GetRequiredValue(gold), result.GetRequiredValue(input), result.GetValue(words), result.GetValue(json), result.GetValue(plain), result.GetValue(segmenter), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string goldPath, string inputPath, string? wordsPath, bool json, bool jiebaDefaults, SegmenterKind segmenterKind, CancellationToken cancellationToken)
    {
        foreach (var path in new[] { goldPath, inputPath, wordsPath })
        {
            if (path is not null && !File.Exists(path))
            {
                await console.Error.WriteLineAsync($"error: {path}: no such file.").ConfigureAwait(false);
                return ExitCodes.InputFailed;
            }
        }

        var goldLines = await File.ReadAllLinesAsync(goldPath, cancellationToken).ConfigureAwait(false);
        var inputLines = await File.ReadAllLinesAsync(inputPath, cancellationToken).ConfigureAwait(false);
        if (goldLines.Length != inputLines.Length)
        {
            await console.Error.WriteLineAsync($"error: {goldPath} has {goldLines.Length} lines but {inputPath} has {inputLines.Length}.").ConfigureAwait(false);
            return ExitCodes.InputFailed;
        }

        IReadOnlySet<string>? trainingWords = wordsPath is null
            ? null
            : (await File.ReadAllLinesAsync(wordsPath, cancellationToken).ConfigureAwait(false)).Select(w => w.Trim()).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        var analyzer = ArticleAnalyzer.CreateDefault(o =>
        {
            o.UseBusinessDictionaries = !jiebaDefaults;
            o.Segmenter = segmenterKind;
        });
        var scorer = new SegmentationScorer(trainingWords);
        for (var i = 0; i < goldLines.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = inputLines[i];

            // The pipeline segments the normalised copy (full-width digits as ASCII); bare jieba sees the raw line.
            var segmented = analyzer.Segmenter.Segment(jiebaDefaults ? line : CharNormalizer.Normalize(line), cancellationToken);
            var system = segmented.Select(t => line.Substring(t.Span.Start, t.Span.Length)).ToList();
            var goldWords = goldLines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            scorer.Add(goldWords, system);
        }

        if (json)
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(
                new SegmentationScore(Round(scorer.Precision), Round(scorer.Recall), Round(scorer.F1), Round(scorer.OovRecall)),
                CliJsonContext.Relaxed.SegmentationScore)).ConfigureAwait(false);
        }
        else
        {
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"precision {scorer.Precision:F4}  recall {scorer.Recall:F4}  F1 {scorer.F1:F4}  OOV recall {scorer.OovRecall:F4}")).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static double Round(double value) => Math.Round(value, 4);
}
