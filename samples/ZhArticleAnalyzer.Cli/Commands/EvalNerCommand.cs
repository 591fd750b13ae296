using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ZhArticleAnalyzer.Cli.Evaluation;
using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Entities.Model;
using ZhArticleAnalyzer.Cli.Training;
using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary>
/// <c>eval ner</c>: entity-level exact-match P/R/F1 per type on the MSRA test set (the shipped model
/// alone, and the whole entity stage), on CLUENER dev with a stated type mapping, and on the dev set
/// of annotated business articles.
/// </summary>
internal static class EvalNerCommand
{
    /// <summary>CLUENER type → our type; types not listed are reported as unsupported and left out of the scores.</summary>
    private static readonly Dictionary<string, string> ClueMapping = new(StringComparer.Ordinal)
    {
        ["name"] = "Person",
        ["company"] = "Organization",
        ["organization"] = "Organization",
        ["government"] = "Organization",
        ["address"] = "Location",
        ["book"] = "Work",
        ["game"] = "Work",
        ["movie"] = "Work",
    };

    public static Command Create(CliConsole console)
    {
        var msra = new Option<string>("--msra") { Description = "MSRA test set, BIO layout.", DefaultValueFactory = _ => "../shared/benchmarks/msra-ner/bio/msra_test_bio.tsv" };
        var cluener = new Option<string>("--cluener") { Description = "CLUENER dev set, JSON Lines.", DefaultValueFactory = _ => "../shared/benchmarks/cluener2020/dev.jsonl" };
        var devSet = DevSetFolder.CreateOption();
        var model = new Option<string?>("--model") { Description = "Score this model file alone on MSRA instead of the shipped one (the parts that run the whole entity stage are skipped)." };
        var only = new Option<string?>("--only") { Description = "msra, cluener or devset: run one part only." };
        var errors = new Option<string?>("--errors") { Description = "Write the errors to FILE.msra.txt (model predictions) and FILE.devset.txt (missed and extra mentions)." };
        var command = new Command("ner", "Score named-entity recognition: MSRA test, CLUENER dev, business dev set.") { msra, cluener, devSet, model, only, errors };
        command.SetAction((result, cancellationToken) => RunAsync(
            console, result.GetRequiredValue(msra), result.GetRequiredValue(cluener), result.GetRequiredValue(devSet), result.GetValue(model), result.GetValue(only), result.GetValue(errors), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string msraPath, string cluenerPath, string devSetPath, string? modelPath, string? only, string? errorsPath, CancellationToken cancellationToken)
    {
        NerModel? givenModel = null;
        if (modelPath is not null)
        {
            if (!File.Exists(modelPath))
            {
                await console.Error.WriteLineAsync($"error: {modelPath}: no such file.").ConfigureAwait(false);
                return ExitCodes.InputFailed;
            }

            try
            {
                await using var stream = File.OpenRead(modelPath);
                givenModel = NerModel.Load(stream);
            }
            catch (Exception exception) when (exception is ZhArticleAnalyzerException or EndOfStreamException or IOException)
            {
                await console.Error.WriteLineAsync($"error: {modelPath}: not a model file this version reads ({exception.Message}).").ConfigureAwait(false);
                return ExitCodes.InputFailed;
            }
        }

        var analyzer = ArticleAnalyzer.CreateDefault(o => o.KeywordCount = 0);
        if (only is null or "msra")
        {
            if (File.Exists(msraPath))
            {
                NerModel nerModel;
                if (givenModel is not null)
                {
                    nerModel = givenModel;
                }
                else
                {
                    var load = System.Diagnostics.Stopwatch.StartNew();
                    await using var stream = typeof(NerModel).Assembly.GetManifestResourceStream(NerModel.ResourceName)!;
                    var size = stream.Length;
                    nerModel = NerModel.Load(stream);
                    await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"shipped model: {size / (1024.0 * 1024.0):F1} MB, loaded in {load.Elapsed.TotalMilliseconds:F0} ms (first load in the process)")).ConfigureAwait(false);
                }

                var sentences = BioCorpus.ReadCharTsv(msraPath);
                if (errorsPath is not null)
                {
                    // Model errors, one sentence per block; types by name on both sides.
                    await File.WriteAllLinesAsync(
                        errorsPath + ".msra.txt",
                        sentences.Select(s => s.Text
                            + "\n  gold: " + string.Join(" ", BioCorpus.Spans(s.Labels).Select(g => s.Text[g.Start..g.End] + "/" + NerLabels.TypeOf(NerLabels.Begin(g.Type))))
                            + "\n  pred: " + string.Join(" ", nerModel.Predict(s.Text).Select(p => s.Text[p.Start..p.End] + "/" + p.Type))),
                        cancellationToken).ConfigureAwait(false);
                }

                // Warm up (code, and the segmentation engine the word features read) before timing.
                nerModel.Predict(sentences[0].Text);
                var timer = System.Diagnostics.Stopwatch.StartNew();
                var cpu = Environment.CpuUsage.TotalTime;
                var modelScore = NerModelEvaluation.Score(nerModel, sentences);
                var chars = sentences.Sum(s => s.Text.Length);
                await Print(console, string.Create(CultureInfo.InvariantCulture, $"MSRA test ({sentences.Count} sentences), statistical model alone ({chars / timer.Elapsed.TotalSeconds:N0} chars/s, {chars / (Environment.CpuUsage.TotalTime - cpu).TotalSeconds:N0} per CPU-second)"), modelScore).ConfigureAwait(false);
                var calibration = NerModelEvaluation.Calibration(nerModel, sentences);
                var bounds = NerModelEvaluation.CalibrationBounds;
                await console.Out.WriteLineAsync("  confidence calibration (spans right / spans): " + string.Join(", ", calibration.Select((b, i) => string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{bounds[i]:0.##}, {(i + 1 < bounds.Length ? bounds[i + 1] : 1):0.##}{(i + 1 < bounds.Length ? ")" : "]")} {(b.Spans == 0 ? 0 : (double)b.Right / b.Spans):F2} of {b.Spans}")))).ConfigureAwait(false);
                if (modelPath is not null)
                {
                    // The whole entity stage would run the shipped model, not this one.
                    return ExitCodes.Success;
                }

                var pipeline = new EntityScorer();
                foreach (var sentence in sentences)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var gold = BioCorpus.Spans(sentence.Labels).Select(s => (s.Start, s.End, NerLabels.TypeOf(NerLabels.Begin(s.Type)).ToString()));
                    var predicted = analyzer.Analyze(sentence.Text, null, cancellationToken).Entities
                        .Where(e => e.Type is EntityType.Person or EntityType.Location or EntityType.Organization)
                        .Select(e => (e.Span.Start, e.Span.End, e.Type.ToString()));
                    pipeline.Add(gold, predicted);
                }

                await Print(console, "MSRA test, whole entity stage (gazetteers + patterns + model; PER/LOC/ORG only)", pipeline).ConfigureAwait(false);
            }
            else
            {
                await console.Out.WriteLineAsync($"MSRA: {msraPath} not found, skipped.").ConfigureAwait(false);
            }
        }

        if (only is null or "cluener")
        {
            if (File.Exists(cluenerPath))
            {
                await EvalClueAsync(console, analyzer, cluenerPath, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await console.Out.WriteLineAsync($"CLUENER: {cluenerPath} not found, skipped.").ConfigureAwait(false);
            }
        }

        if (only is null or "devset")
        {
            if (Directory.Exists(devSetPath))
            {
                var (typed, untyped, canonical) = DevSetEvaluation.Score(analyzer, devSetPath, errorsPath is null ? null : errorsPath + ".devset.txt", cancellationToken);
                await Print(console, "Business dev set, typed (span + type)", typed).ConfigureAwait(false);
                await Print(console, "Business dev set, untyped (span only)", untyped).ConfigureAwait(false);
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"canonical name right on {canonical:P1} of the matched mentions")).ConfigureAwait(false);
            }
            else
            {
                await console.Out.WriteLineAsync($"dev set: {devSetPath} not found, skipped.").ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }

    private static async Task EvalClueAsync(CliConsole console, ArticleAnalyzer analyzer, string path, CancellationToken cancellationToken)
    {
        var scorer = new EntityScorer();
        var unsupported = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var lines = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            lines++;
            using var json = JsonDocument.Parse(line);
            var text = json.RootElement.GetProperty("text").GetString() ?? string.Empty;
            var gold = new List<(int, int, string)>();
            if (json.RootElement.TryGetProperty("label", out var labels))
            {
                foreach (var type in labels.EnumerateObject())
                {
                    foreach (var entity in type.Value.EnumerateObject())
                    {
                        foreach (var range in entity.Value.EnumerateArray())
                        {
                            var start = range[0].GetInt32();
                            var end = range[1].GetInt32() + 1;
                            if (!ClueMapping.TryGetValue(type.Name, out var ours))
                            {
                                unsupported[type.Name] = unsupported.GetValueOrDefault(type.Name) + 1;
                                continue;
                            }

                            if (ours == "Work")
                            {
                                // CLUENER keeps the 《》 in the span; our Work excludes them.
                                while (start < end && text[start] == '《')
                                {
                                    start++;
                                }

                                while (end > start && text[end - 1] == '》')
                                {
                                    end--;
                                }
                            }

                            gold.Add((start, end, ours));
                        }
                    }
                }
            }

            var predicted = analyzer.Analyze(text, null, cancellationToken).Entities
                .Where(e => e.Type is not (EntityType.Product or EntityType.Event))
                .Select(e => (e.Span.Start, e.Span.End, e.Type.ToString()));
            scorer.Add(gold, predicted);
        }

        await Print(console, $"CLUENER dev ({lines} sentences), mapped: name→Person; company, organization, government→Organization; address→Location; book, game, movie→Work (span without 《》); our Product/Event not scored", scorer).ConfigureAwait(false);
        await console.Out.WriteLineAsync("  unsupported CLUENER types (left out): " + string.Join(", ", unsupported.Select(u => $"{u.Key} {u.Value}"))).ConfigureAwait(false);
    }

    internal static async Task Print(CliConsole console, string title, EntityScorer scorer)
    {
        var text = new StringBuilder();
        text.AppendLine(title);
        foreach (var (type, c) in scorer.ByType)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {type,-13} P {c.Precision:F4}  R {c.Recall:F4}  F1 {c.F1:F4}  (tp {c.TruePositives}, fp {c.FalsePositives}, fn {c.FalseNegatives})"));
        }

        var t = scorer.Total;
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {"micro",-13} P {t.Precision:F4}  R {t.Recall:F4}  F1 {t.F1:F4}  (tp {t.TruePositives}, fp {t.FalsePositives}, fn {t.FalseNegatives})"));
        await console.Out.WriteAsync(text.ToString()).ConfigureAwait(false);
    }
}
