using System.Text.Json;

namespace ZhArticleAnalyzer.Tests.Cli;

public class BatchCommandTests
{
    [Fact]
    public async Task Batch_WritesOneRecordPerLineInOrderAndErrorsInPlace()
    {
        var lines = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            lines.Add(i switch
            {
                4 => "{not json",
                9 => """{"id":"no-text"}""",
                _ => JsonSerializer.Serialize(new { id = "doc" + i, text = $"第{i}篇。营收增长{i}%。" }),
            });
        }

        lines.Insert(15, "");
        var (exit, output, error) = await CliRunner.RunAsync(["batch", "--parallel", "3", "--no-tokens"], CliRunner.Utf8(string.Join("\n", lines) + "\n"));
        Assert.Equal(1, exit);
        var records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(30, records.Count);
        Assert.Equal("line-5", records[4].GetProperty("id").GetString());
        Assert.Contains("invalid JSON", records[4].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("no-text", records[9].GetProperty("id").GetString());
        Assert.True(records[9].TryGetProperty("error", out _));
        Assert.Equal("doc29", records[29].GetProperty("id").GetString());
        Assert.False(records[29].TryGetProperty("tokens", out _));
        Assert.Equal(Enumerable.Range(0, 30).Where(i => i is not 4 and not 9).Select(i => "doc" + i), records.Where(r => !r.TryGetProperty("error", out _)).Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(2, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Batch_ExitsWithZeroWhenEveryArticleSucceeds()
    {
        var input = string.Join("\n", Enumerable.Range(0, 5).Select(i => JsonSerializer.Serialize(new { id = i, text = "营收增长。" })));
        var (exit, output, error) = await CliRunner.RunAsync(["batch"], CliRunner.Utf8(input));
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal(["0", "1", "2", "3", "4"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Batch_ReadsAndWritesFiles()
    {
        var folder = Directory.CreateTempSubdirectory("zhaa-batch-").FullName;
        try
        {
            var input = Path.Combine(folder, "in.jsonl");
            var output = Path.Combine(folder, "out.jsonl");
            await File.WriteAllTextAsync(input, """{"id":"a","text":"营收增长。"}""" + "\n");
            var (exit, stdout, _) = await CliRunner.RunAsync(["batch", "--in", input, "--out", output]);
            Assert.Equal(0, exit);
            Assert.Equal("", stdout);
            Assert.Equal("a", JsonDocument.Parse((await File.ReadAllLinesAsync(output))[0]).RootElement.GetProperty("id").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
