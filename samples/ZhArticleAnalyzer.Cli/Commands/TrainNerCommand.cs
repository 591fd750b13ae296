using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Entities.Model;
using ZhArticleAnalyzer.Cli.Training;
using ZhArticleAnalyzer.Segmentation;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary>
/// <c>train ner</c>: reproduces the shipped NER model (ML.NET SdcaMaximumEntropy, one thread, seeded)
/// from the MSRA training set (and, with <c>--peoples-daily</c>, the People's Daily 1998 corpus), and records its
/// F1 on the fixed 500-sentence MSRA test slice beside it.
/// </summary>
internal static class TrainNerCommand
{
    public static Command Create(CliConsole console)
    {
        var train = new Option<string>("--train") { Description = "MSRA training data, BIO layout (char<TAB>tag).", DefaultValueFactory = _ => "../shared/benchmarks/msra-ner/full-train/msra_train_bio.tsv" };
        var test = new Option<string>("--test") { Description = "MSRA test data, BIO layout; its first 500 sentences give the recorded F1.", DefaultValueFactory = _ => "../shared/benchmarks/msra-ner/bio/msra_test_bio.tsv" };
        var output = new Option<string>("--out") { Description = "The model file to write; the metrics JSON goes beside it.", DefaultValueFactory = _ => "dictionaries/models/ner-msra.bin" };
        var seed = new Option<int>("--seed") { Description = "Seed of the sentence shuffle and of ML.NET.", DefaultValueFactory = _ => 1 };
        var maxSentences = new Option<int?>("--max-sentences") { Description = "Train on the first N shuffled sentences only." };
        var iterations = new Option<int>("--iterations") { Description = "SDCA passes over the data.", DefaultValueFactory = _ => 10 };
        var hashBits = new Option<int>("--hash-bits") { Description = "log2 of the hashed feature space.", DefaultValueFactory = _ => 20 };
        var l2 = new Option<float>("--l2") { Description = "L2 regularisation of SDCA.", DefaultValueFactory = _ => 1e-6f };
        var bidirectional = new Option<bool>("--bidirectional") { Description = "Also train a right-to-left model, decoded together with the left-to-right one." };
        var features = new Option<string>("--features") { Description = "Optional feature groups, comma-separated: words, surnames, wordidentity, neighbourwords, contextrows (or none).", DefaultValueFactory = _ => "none" };
        var lexiconFolds = new Option<int>("--lexicon-folds") { Description = "Parts the training names are cut into for the lexicon features; each part sees the others' names.", DefaultValueFactory = _ => 2 };
        var heldOut = new Option<string?>("--held-out") { Description = "With --max-sentences: write the training sentences left out to FILE (BIO layout), to tune on data the model has not seen." };
        var tolerance = new Option<float>("--tolerance") { Description = "SDCA's convergence tolerance: it stops before --iterations once the duality gap is below it.", DefaultValueFactory = _ => 0.1f };
        var peoplesDaily = new Option<string?>("--peoples-daily") { Description = "Also train on FILE, the People's Daily 1998 corpus (PKU word/TAG layout); its names do not join the shipped lexicon." };
        var peoplesDailyFilter = new Option<string?>("--peoples-daily-filter") { Description = "Keep only the People's Daily sentences where the model in FILE (trained on MSRA alone) finds no name the corpus does not mark the same way." };
        var crf = new Option<bool>("--crf") { Description = "Train a conditional random field (our AdaGrad loop) instead of ML.NET's Markov model; --iterations is then the number of passes." };
        var learningRate = new Option<float>("--learning-rate") { Description = "AdaGrad's learning rate of the --crf training.", DefaultValueFactory = _ => 0.1f };
        var crfHeldOut = new Option<int>("--crf-held-out") { Description = "Training sentences the --crf training holds out to pick its best pass.", DefaultValueFactory = _ => 2000 };
        var crfL2 = new Option<float>("--crf-l2") { Description = "L2 weight of the --crf training (on the rows each sentence touches).", DefaultValueFactory = _ => 0f };
        var crfLast = new Option<bool>("--crf-last") { Description = "Keep the --crf training's last weights instead of their average over all steps." };
        var crfRuns = new Option<int>("--crf-runs") { Description = "--crf training runs in different sentence orders whose weights are averaged.", DefaultValueFactory = _ => 1 };
        var crfKeepLastPass = new Option<bool>("--crf-keep-last-pass") { Description = "Keep each --crf run's last pass (--iterations) instead of its best on the held-out sentences." };
        var temperature = new Option<float?>("--temperature") { Description = "Divide the --crf scores by this instead of fitting it on the held-out sentences (use it with --crf-held-out 0)." };
        var fitOutsideBias = new Option<bool>("--crf-fit-outside-bias") { Description = "Lower the --crf outside score by the amount that gives the best F1 on the held-out sentences (recall for precision)." };
        var crfEdges = new Option<bool>("--crf-edges") { Description = "Label-pair scores that depend on the characters where the pair meets (--crf only)." };
        var threads = new Option<int>("--threads") { Description = "--crf runs trained at once (the model is the same for any number).", DefaultValueFactory = _ => 1 };
        var command = new Command("ner", "Train the character-level NER model (ML.NET's maximum-entropy Markov model, or a conditional random field with --crf).") { train, test, output, seed, maxSentences, iterations, hashBits, l2, bidirectional, features, lexiconFolds, heldOut, tolerance, peoplesDaily, peoplesDailyFilter, crf, learningRate, crfHeldOut, crfL2, crfLast, crfRuns, crfKeepLastPass, temperature, fitOutsideBias, crfEdges, threads };
        command.SetAction((result, cancellationToken) => RunAsync(
            console,
            result.GetRequiredValue(train),
            result.GetRequiredValue(test),
            result.GetRequiredValue(output),
            result.GetValue(heldOut),
            result.GetValue(peoplesDaily),
            result.GetValue(peoplesDailyFilter),
            result.GetValue(crf) ? new CrfTrainerOptions
            {
                Seed = result.GetValue(seed),
                Epochs = result.GetValue(iterations),
                LearningRate = result.GetValue(learningRate),
                HeldOutSentences = result.GetValue(crfHeldOut),
                L2 = result.GetValue(crfL2),
                Average = !result.GetValue(crfLast),
                Runs = Math.Max(1, result.GetValue(crfRuns)),
                Threads = Math.Max(1, result.GetValue(threads)),
                KeepLastPass = result.GetValue(crfKeepLastPass),
                Temperature = result.GetValue(temperature),
                FitOutsideBias = result.GetValue(fitOutsideBias),
                EdgeFeatures = result.GetValue(crfEdges),
            } : null,
            new NerTrainerOptions
            {
                Seed = result.GetValue(seed),
                MaxSentences = result.GetValue(maxSentences),
                Iterations = result.GetValue(iterations),
                HashBits = result.GetValue(hashBits),
                L2 = result.GetValue(l2),
                Bidirectional = result.GetValue(bidirectional),
                LexiconFolds = result.GetValue(lexiconFolds),
                ConvergenceTolerance = result.GetValue(tolerance),
                FeatureSet = Enum.Parse<NerFeatureSet>(result.GetRequiredValue(features), ignoreCase: true),
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string trainPath, string testPath, string outPath, string? heldOutPath, string? peoplesDailyPath, string? peoplesDailyFilterPath, CrfTrainerOptions? crfOptions, NerTrainerOptions options, CancellationToken cancellationToken)
    {
        foreach (var path in new[] { trainPath, testPath, peoplesDailyPath ?? testPath, peoplesDailyFilterPath ?? testPath })
        {
            if (!File.Exists(path))
            {
                await console.Error.WriteLineAsync($"error: {path}: no such file.").ConfigureAwait(false);
                return ExitCodes.InputFailed;
            }
        }

        if (crfOptions?.Temperature is <= 0 or float.NaN)
        {
            await console.Error.WriteLineAsync("error: --temperature must be a positive number.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var total = Stopwatch.StartNew();
        var sentences = BioCorpus.ReadCharTsv(trainPath);
        var lexicon = NameLexicon.FromJiebaDictionary(EmbeddedData.ReadDataLines("jieba/dict.txt"));
        var extra = peoplesDailyPath is null ? [] : PeoplesDailyCorpus.Read(peoplesDailyPath);
        if (peoplesDailyFilterPath is not null && extra.Count > 0)
        {
            await using var filterStream = File.OpenRead(peoplesDailyFilterPath);
            var all = extra.Count;
            extra = PeoplesDailyCorpus.AgreeingWith(NerModel.Load(filterStream), extra);
            await console.Out.WriteLineAsync($"People's Daily sentences agreeing with {Path.GetFileName(peoplesDailyFilterPath)}: {extra.Count} of {all}").ConfigureAwait(false);
        }

        await console.Out.WriteLineAsync($"training sentences {sentences.Count} (+{extra.Count} People's Daily), lexicon words {lexicon.Count}").ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (heldOutPath is not null && options.MaxSentences is { } max)
        {
            await File.WriteAllLinesAsync(
                heldOutPath,
                NerTrainer.Shuffled(sentences, options.Seed).Skip(max).SelectMany(s => s.Text.Select((c, i) => $"{c}\t{NerLabels.Name(s.Labels[i])}").Append(string.Empty)),
                cancellationToken).ConfigureAwait(false);
        }

        NerModel model;
        CrfTrainingResult? crfResult = null;
        if (crfOptions is not null)
        {
            var corpus = new NerTrainer(options with { Log = m => console.Out.WriteLine(m) }).Prepare(sentences, lexicon, extra);
            crfResult = new CrfTrainer(crfOptions with { Log = m => console.Out.WriteLine(m) }).Train(corpus, cancellationToken);
            model = new NerModel(corpus.Lexicon, options.HashBits, options.FeatureSet, crfResult.Weights, crfResult.Transitions, crfResult.Edges);
        }
        else
        {
            model = new NerTrainer(options with { Log = m => console.Out.WriteLine(m) }).Train(sentences, lexicon, extra);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath))!;
        Directory.CreateDirectory(directory);
        await using (var stream = File.Create(outPath))
        {
            model.Save(stream);
        }

        var slice = BioCorpus.ReadCharTsv(testPath).Take(NerModelEvaluation.SliceSentences).ToList();
        var score = NerModelEvaluation.Score(model, slice).Total;
        var metrics = new NerModelMetrics(
            Path.GetFileName(trainPath),
            options.MaxSentences ?? sentences.Count,
            peoplesDailyPath is null ? null : Path.GetFileName(peoplesDailyPath),
            peoplesDailyPath is null ? null : extra.Count,
            peoplesDailyPath is null ? null : peoplesDailyFilterPath is null ? null : Path.GetFileName(peoplesDailyFilterPath),
            options.Seed,
            options.Iterations,
            options.HashBits,
            options.FeatureSet.ToString().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal),
            options.Bidirectional,
            crfOptions?.L2 ?? options.L2,
            crfOptions is null ? options.ConvergenceTolerance : null,
            options.LexiconFolds,
            crfOptions is null ? "markov" : "crf",
            crfOptions?.Epochs,
            crfResult?.Pass,
            crfResult?.HeldOutF1 is { } heldOutF1 ? Math.Round(heldOutF1, 4) : null,
            crfResult?.Temperature,
            crfResult?.OutsideBias,
            crfOptions?.LearningRate,
            crfOptions?.Runs,
            crfResult?.Edges?.Rows.Characters.Count,
            NerModelEvaluation.SliceSentences,
            Math.Round(score.Precision, 4),
            Math.Round(score.Recall, 4),
            Math.Round(score.F1, 4));
        var metricsPath = Path.ChangeExtension(outPath, ".json");
        await File.WriteAllTextAsync(metricsPath, JsonSerializer.Serialize(metrics, CliJsonContext.Indented.NerModelMetrics) + "\n", cancellationToken).ConfigureAwait(false);
        await console.Out.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {outPath} ({new FileInfo(outPath).Length / (1024.0 * 1024.0):F1} MB) and {metricsPath}; MSRA test slice ({slice.Count} sentences) F1 {score.F1:F4}; {total.Elapsed.TotalSeconds:F0} s")).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
