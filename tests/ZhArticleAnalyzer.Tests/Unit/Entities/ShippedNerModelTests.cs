using System.Text.Json;
using ZhArticleAnalyzer.Entities.Model;
using ZhArticleAnalyzer.Cli.Training;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

/// <summary>The CI check of the model shipped in the package: it loads, and scores what `train ner` recorded beside it.</summary>
public class ShippedNerModelTests
{
    private static readonly string MetricsPath = RepoPaths.Repo("dictionaries", "models", "ner-msra.json");
    private static readonly string MsraTestPath = RepoPaths.Shared("benchmarks", "msra-ner", "bio", "msra_test_bio.tsv");

    [Fact]
    public void ShippedModel_IsEmbeddedAndLoads()
    {
        // Load time is measured by `eval ner` and bench, not asserted here: timed unit tests fail on a busy machine.
        Assert.True(NerModel.IsShipped, $"the package holds no {NerModel.ResourceName}");
        var model = NerModel.Load(typeof(NerModel).Assembly.GetManifestResourceStream(NerModel.ResourceName)!);
        Assert.True(model.Lexicon.Count > 0);
        Assert.True(new FileInfo(RepoPaths.Repo("dictionaries", "models", "ner-msra.bin")).Length <= 30 * 1024 * 1024);
    }

    [Fact]
    public void ShippedModel_FindsNamesInASentence()
    {
        var spans = NerModel.Shipped.Predict("国务院总理李鹏在北京会见了美国国务卿奥尔布赖特。");
        Assert.Contains(spans, s => s is { Start: 5, End: 7, Type: ZhArticleAnalyzer.Entities.EntityType.Person });   // 李鹏
        Assert.All(spans, s => Assert.InRange(s.Confidence, 0, 1));
    }

    [Fact]
    public void ShippedModel_ScoresTheRecordedF1OnTheMsraTestSlice()
    {
        using var metrics = JsonDocument.Parse(File.ReadAllText(MetricsPath));
        var recorded = metrics.RootElement.GetProperty("msraTestSliceF1").GetDouble();
        var sentences = metrics.RootElement.GetProperty("msraTestSliceSentences").GetInt32();
        var slice = BioCorpus.ReadCharTsv(MsraTestPath).Take(sentences).ToList();
        Assert.Equal(NerModelEvaluation.SliceSentences, slice.Count);
        var f1 = NerModelEvaluation.Score(NerModel.Shipped, slice).Total.F1;
        Assert.True(Math.Abs(f1 - recorded) <= 0.001, $"F1 {f1:F4} on the slice, {recorded:F4} recorded in {MetricsPath}");
    }

    [Fact]
    public void Model_RoundTripsThroughItsFileFormat()
    {
        using var stream = new MemoryStream();
        NerModel.Shipped.Save(stream);
        stream.Position = 0;
        var copy = NerModel.Load(stream);
        const string text = "新华社北京电，江泽民主席会见了日本首相。";
        Assert.Equal(NerModel.Shipped.Predict(text), copy.Predict(text));
    }
}
