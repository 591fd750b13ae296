using System.Text.Json;
using ZhArticleAnalyzer.Entities.Model;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Cli;

public sealed class NerCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zhaa-ner-").FullName;

    [Fact]
    public async Task TrainNer_WithCrf_WritesARandomFieldWithItsPassAndTemperature()
    {
        var train = await WriteTinyTrainingFileAsync();
        var output = Path.Combine(_folder, "crf.bin");
        var (exit, _, error) = await CliRunner.RunAsync(["train", "ner", "--crf", "--train", train, "--test", train, "--out", output, "--iterations", "2", "--hash-bits", "12", "--crf-held-out", "4"]);
        Assert.True(exit == 0, error);
        await using var stream = File.OpenRead(output);
        Assert.True(NerModel.Load(stream).IsRandomField);
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(output, ".json")));
        Assert.Equal("crf", metrics.RootElement.GetProperty("objective").GetString());
        Assert.InRange(metrics.RootElement.GetProperty("crfKeptPass").GetInt32(), 1, 2);
        Assert.InRange(metrics.RootElement.GetProperty("crfTemperature").GetDouble(), 1, 4);
    }

    [Fact]
    public async Task TrainNer_WithCrfEdges_WritesTheEdgeFeaturesAndRecordsTheirCharacters()
    {
        var train = await WriteTinyTrainingFileAsync();
        var output = Path.Combine(_folder, "edges.bin");
        var (exit, _, error) = await CliRunner.RunAsync(["train", "ner", "--crf", "--crf-edges", "--crf-runs", "2", "--train", train, "--test", train, "--out", output, "--iterations", "2", "--hash-bits", "12", "--crf-held-out", "4"]);
        Assert.True(exit == 0, error);
        await using var stream = File.OpenRead(output);
        Assert.True(NerModel.Load(stream).HasEdgeFeatures);
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(output, ".json")));
        Assert.Equal(2, metrics.RootElement.GetProperty("crfRuns").GetInt32());

        // 李鹏在北京会见。: eight characters, each seen at least three times in the tiny file.
        Assert.Equal(8, metrics.RootElement.GetProperty("crfEdgeCharacters").GetInt32());
    }

    [Fact]
    public async Task TrainNer_WithCrfOnAllSentences_RecordsTheGivenTemperatureAndNoHeldOutF1()
    {
        var train = await WriteTinyTrainingFileAsync();
        var output = Path.Combine(_folder, "all.bin");
        var (exit, _, error) = await CliRunner.RunAsync(["train", "ner", "--crf", "--train", train, "--test", train, "--out", output, "--iterations", "2", "--hash-bits", "12", "--crf-held-out", "0", "--temperature", "1.5"]);
        Assert.True(exit == 0, error);
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(output, ".json")));
        Assert.Equal(2, metrics.RootElement.GetProperty("crfKeptPass").GetInt32());
        Assert.Equal(1.5, metrics.RootElement.GetProperty("crfTemperature").GetDouble());
        Assert.False(metrics.RootElement.TryGetProperty("crfHeldOutF1", out var heldOut) && heldOut.ValueKind != JsonValueKind.Null);

        var (badExit, _, badError) = await CliRunner.RunAsync(["train", "ner", "--crf", "--train", train, "--test", train, "--out", output, "--temperature", "0"]);
        Assert.Equal(2, badExit);
        Assert.Contains("--temperature", badError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalNer_WithAMissingOrBrokenModel_FailsWithAMessage()
    {
        var broken = Path.Combine(_folder, "broken.bin");
        await File.WriteAllTextAsync(broken, "not a model");
        foreach (var path in new[] { Path.Combine(_folder, "missing.bin"), broken })
        {
            var (exit, _, error) = await CliRunner.RunAsync(["eval", "ner", "--only", "msra", "--model", path]);
            Assert.NotEqual(0, exit);
            Assert.Contains(path, error, StringComparison.Ordinal);
        }
    }

    /// <summary>A tiny training file in the MSRA BIO layout, so that the commands run in seconds.</summary>
    private async Task<string> WriteTinyTrainingFileAsync()
    {
        var train = Path.Combine(_folder, "tiny.tsv");
        var lines = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            foreach (var (c, tag) in new[] { ('李', "B-PER"), ('鹏', "I-PER"), ('在', "O"), ('北', "B-LOC"), ('京', "I-LOC"), ('会', "O"), ('见', "O"), ('。', "O") })
            {
                lines.Add($"{c}\t{tag}");
            }

            lines.Add(string.Empty);
        }

        await File.WriteAllLinesAsync(train, lines);
        return train;
    }

    [Fact]
    public async Task TrainNer_WritesALoadableModelAndItsFigures()
    {
        var train = await WriteTinyTrainingFileAsync();
        var output = Path.Combine(_folder, "model.bin");
        var (exit, _, error) = await CliRunner.RunAsync(["train", "ner", "--train", train, "--test", train, "--out", output, "--iterations", "2", "--hash-bits", "12"]);
        Assert.True(exit == 0, error);
        await using var stream = File.OpenRead(output);
        var model = NerModel.Load(stream);
        Assert.True(model.Lexicon.Count > 0);
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(output, ".json")));
        Assert.Equal(1, metrics.RootElement.GetProperty("seed").GetInt32());
        Assert.InRange(metrics.RootElement.GetProperty("msraTestSliceF1").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task EvalNer_ScoresTheDevSet()
    {
        var (exit, output, error) = await CliRunner.RunAsync(["eval", "ner", "--only", "devset", "--devset", RepoPaths.Repo("tests", "ZhArticleAnalyzer.Tests", "DevSet", "articles")]);
        Assert.True(exit == 0, error);
        Assert.Contains("Business dev set, typed", output, StringComparison.Ordinal);
        Assert.Contains("micro", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
