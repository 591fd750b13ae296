using ZhArticleAnalyzer.Cli.Training;
using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

/// <summary>The random-field trainer on made-up sentences: it must learn the names' context and generalise to new names.</summary>
public class CrfTrainerTests
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];
    private static readonly string[] Given = ["明", "华", "强", "伟", "芳", "军", "敏", "静", "磊", "洋"];
    private static readonly string[] Places = ["北京", "上海", "广州", "深圳"];

    [Fact]
    public void Train_LearnsNamesAndPlacesThatGeneraliseToUnseenOnes()
    {
        var training = Sentences(new Random(1), 400);
        var unseen = Sentences(new Random(2), 100);
        var trainer = new NerTrainer(new NerTrainerOptions { HashBits = 14, LexiconFolds = 2 });
        var corpus = trainer.Prepare(training, new NameLexicon());
        var result = new CrfTrainer(new CrfTrainerOptions { Epochs = 3, HeldOutSentences = 40, Runs = 2 }).Train(corpus, CancellationToken.None);
        var model = new NerModel(corpus.Lexicon, 14, NerFeatureSet.None, result.Weights, result.Transitions);

        Assert.True(model.IsRandomField);
        var f1 = NerModelEvaluation.Score(model, unseen).Total.F1;
        Assert.True(f1 >= 0.95, $"F1 {f1:F3} on unseen sentences");
    }

    [Fact]
    public void Train_WithEdges_LearnsNamesThatFollowOneAnotherAndRoundTripsThroughTheFile()
    {
        // Two persons with nothing between them: where one ends and the next begins is the pair's decision.
        var training = AdjacentNames(new Random(11), 400);
        var unseen = AdjacentNames(new Random(12), 100);
        var corpus = new NerTrainer(new NerTrainerOptions { HashBits = 14 }).Prepare(training, new NameLexicon());
        var result = new CrfTrainer(new CrfTrainerOptions { Epochs = 3, HeldOutSentences = 40, EdgeFeatures = true, EdgeMinCount = 2 }).Train(corpus, CancellationToken.None);
        Assert.NotNull(result.Edges);
        var model = new NerModel(corpus.Lexicon, 14, NerFeatureSet.None, result.Weights, result.Transitions, result.Edges);
        Assert.True(model.HasEdgeFeatures);
        var f1 = NerModelEvaluation.Score(model, unseen).Total.F1;
        Assert.True(f1 >= 0.95, $"F1 {f1:F3} on unseen sentences");

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var copy = NerModel.Load(stream);
        Assert.True(copy.HasEdgeFeatures);
        foreach (var sentence in unseen)
        {
            // The file keeps edge scores as half floats: the same names, confidences within rounding.
            var (names, copied) = (model.Predict(sentence.Text), copy.Predict(sentence.Text));
            Assert.Equal(names.Select(n => (n.Start, n.End, n.Type)), copied.Select(n => (n.Start, n.End, n.Type)));
            Assert.All(names.Zip(copied), p => Assert.Equal(p.First.Confidence, p.Second.Confidence, 0.01f));
        }
    }

    [Fact]
    public void ModelFile_OfThePreviousFormat_StillLoadsAsAFieldWithoutEdges()
    {
        // ZHNER6 is ZHNER7 without the byte that says whether edge features follow the transitions.
        var corpus = new NerTrainer(new NerTrainerOptions { HashBits = 12 }).Prepare(Sentences(new Random(13), 100), new NameLexicon());
        var result = new CrfTrainer(new CrfTrainerOptions { Epochs = 1, HeldOutSentences = 10 }).Train(corpus, CancellationToken.None);
        var model = new NerModel(corpus.Lexicon, 12, NerFeatureSet.None, result.Weights, result.Transitions);
        using var stream = new MemoryStream();
        model.Save(stream);
        var bytes = stream.ToArray().ToList();
        const int K = CrfLabels.Count;
        var header = 1 + 6 + (4 * 4) + 1;
        var edgeFlag = header + (2 * NerLabels.Count * 4) + ((1 << 12) * 2 * NerWeights.Lane) + ((((K + 1) * K) + K) * 4);
        Assert.Equal("ZHNER7", System.Text.Encoding.ASCII.GetString([.. bytes.GetRange(1, 6)]));
        Assert.Equal(0, bytes[edgeFlag]);
        bytes.RemoveAt(edgeFlag);
        bytes[6] = (byte)'6';

        var old = NerModel.Load(new MemoryStream([.. bytes]));
        Assert.True(old.IsRandomField);
        Assert.False(old.HasEdgeFeatures);
        foreach (var sentence in Sentences(new Random(14), 20))
        {
            Assert.Equal(model.Predict(sentence.Text), old.Predict(sentence.Text));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Train_IsDeterministic_WhateverTheThreads(bool edges)
    {
        var training = Sentences(new Random(3), 120);
        NerModel Run(int threads)
        {
            var corpus = new NerTrainer(new NerTrainerOptions { HashBits = 12 }).Prepare(training, new NameLexicon());
            var result = new CrfTrainer(new CrfTrainerOptions { Epochs = 2, HeldOutSentences = 10, Runs = 3, Threads = threads, EdgeFeatures = edges }).Train(corpus, CancellationToken.None);
            return new NerModel(corpus.Lexicon, 12, NerFeatureSet.None, result.Weights, result.Transitions, result.Edges);
        }

        using var first = new MemoryStream();
        using var second = new MemoryStream();
        Run(1).Save(first);
        Run(2).Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Train_OnAllSentences_KeepsTheLastPassAndTheGivenTemperature()
    {
        // The shipped model is refitted on every sentence with the pass count and temperature chosen on held-out ones.
        var training = Sentences(new Random(6), 150);
        var corpus = new NerTrainer(new NerTrainerOptions { HashBits = 12 }).Prepare(training, new NameLexicon());
        CrfTrainingResult Run(float? temperature) =>
            new CrfTrainer(new CrfTrainerOptions { Epochs = 2, HeldOutSentences = 0, Temperature = temperature }).Train(corpus, CancellationToken.None);

        var plain = Run(null);
        var tempered = Run(2f);
        Assert.Equal(2, plain.Pass);
        Assert.Null(plain.HeldOutF1);
        Assert.Equal(1f, plain.Temperature);
        Assert.Equal(2f, tempered.Temperature);
        var model = new NerModel(corpus.Lexicon, 12, NerFeatureSet.None, plain.Weights, plain.Transitions);
        var softer = new NerModel(corpus.Lexicon, 12, NerFeatureSet.None, tempered.Weights, tempered.Transitions);
        var sentence = Sentences(new Random(7), 1)[0].Text;
        var names = model.Predict(sentence);
        var softerNames = softer.Predict(sentence);
        Assert.NotEmpty(names);
        Assert.Equal(names.Select(n => (n.Start, n.End, n.Type)), softerNames.Select(n => (n.Start, n.End, n.Type)));
        // The same decisions, less sure: these names are near-certain, so flattening the field lowers them.
        Assert.All(softerNames.Zip(names), p => Assert.True(p.First.Confidence < p.Second.Confidence, $"{p.First.Confidence} vs {p.Second.Confidence}"));
    }

    [Fact]
    public void Train_WithOutsideBias_LowersTheOutsideScoreByTheFittedAmount()
    {
        var training = Sentences(new Random(8), 200);
        var corpus = new NerTrainer(new NerTrainerOptions { HashBits = 12 }).Prepare(training, new NameLexicon());
        CrfTrainingResult Run(bool fit) =>
            new CrfTrainer(new CrfTrainerOptions { Epochs = 1, HeldOutSentences = 20, FitOutsideBias = fit }).Train(corpus, CancellationToken.None);

        var plain = Run(false);
        var fitted = Run(true);
        Assert.Equal(0f, plain.OutsideBias);
        Assert.Equal(0f, plain.Weights.Biases(0)[CrfLabels.Slot(CrfLabels.Outside)]);
        Assert.InRange(fitted.OutsideBias, 0f, 2f);
        Assert.Equal(0f - fitted.OutsideBias, fitted.Weights.Biases(0)[CrfLabels.Slot(CrfLabels.Outside)]);
        Assert.False(float.IsNegative(plain.Weights.Biases(0)[CrfLabels.Slot(CrfLabels.Outside)]));
        Assert.All(fitted.Weights.Biases(1).ToArray(), b => Assert.Equal(0f, b));
    }

    [Fact]
    public void MarkovModel_TrainedWithMlNet_RoundTripsThroughTheFileFormat()
    {
        // The ML.NET maximum-entropy Markov model (`train ner` without --crf) shares the file format with the random field.
        var training = Sentences(new Random(4), 150);
        var model = new NerTrainer(new NerTrainerOptions { HashBits = 12, Iterations = 5, Bidirectional = true }).Train(training, new NameLexicon());
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var copy = NerModel.Load(stream);
        Assert.False(copy.IsRandomField);
        Assert.True(copy.IsBidirectional);
        foreach (var sentence in Sentences(new Random(5), 20))
        {
            Assert.Equal(model.Predict(sentence.Text), copy.Predict(sentence.Text));
        }
    }

    /// <summary>"[person][person]在[place]说。": two persons with nothing between them.</summary>
    private static List<NerSentence> AdjacentNames(Random random, int count)
    {
        string Person() => Surnames[random.Next(Surnames.Length)] + string.Concat(Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Given[random.Next(Given.Length)]));
        var sentences = new List<NerSentence>();
        for (var i = 0; i < count; i++)
        {
            var parts = new[] { (Person(), 0), (Person(), 0), ("在", -1), (Places[random.Next(Places.Length)], 1), ("说。", -1) };
            var labels = parts.SelectMany(p => p.Item1.Select((_, j) => p.Item2 < 0 ? NerLabels.Outside : j == 0 ? NerLabels.Begin(p.Item2) : NerLabels.Inside(p.Item2)));
            sentences.Add(new NerSentence(string.Concat(parts.Select(p => p.Item1)), [.. labels]));
        }

        return sentences;
    }

    /// <summary>"[person]在[place]说。" and "[place]的[person]表示。" with random names of a surname and one or two given characters.</summary>
    private static List<NerSentence> Sentences(Random random, int count)
    {
        var sentences = new List<NerSentence>();
        for (var i = 0; i < count; i++)
        {
            var person = Surnames[random.Next(Surnames.Length)] + string.Concat(Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Given[random.Next(Given.Length)]));
            var place = Places[random.Next(Places.Length)];
            var parts = random.Next(2) == 0
                ? new[] { (person, 0), ("在", -1), (place, 1), ("说。", -1) }
                : new[] { (place, 1), ("的", -1), (person, 0), ("表示。", -1) };
            var labels = new List<int>();
            foreach (var (text, type) in parts)
            {
                labels.AddRange(text.Select((_, j) => type < 0 ? NerLabels.Outside : j == 0 ? NerLabels.Begin(type) : NerLabels.Inside(type)));
            }

            sentences.Add(new NerSentence(string.Concat(parts.Select(p => p.Item1)), [.. labels]));
        }

        return sentences;
    }
}
