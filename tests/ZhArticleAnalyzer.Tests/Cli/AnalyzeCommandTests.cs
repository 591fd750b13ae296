using System.Text;
using System.Text.Json;
using ZhArticleAnalyzer.Records;
using ZhArticleAnalyzer.Tests.Infrastructure;
using ZhArticleAnalyzer.Tests.Unit.Records;

namespace ZhArticleAnalyzer.Tests.Cli;

public sealed class AnalyzeCommandTests : IDisposable
{
    private const string Article = "阿里云发布财报。\n营收同比增长26%，达到３２．２亿元。\n来源：科技指南";
    private readonly string _folder = Directory.CreateTempSubdirectory("zhaa-cli-").FullName;

    static AnalyzeCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Analyze_PrintsTheReferenceRecord()
    {
        var (exit, output, error) = await CliRunner.RunAsync(["analyze", RepoPaths.Repo("samples", "articles", "alibaba-cloud.txt")]);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        ArticleRecordTests.AssertMatchesSchema(output);
        var record = ArticleRecordJson.Deserialize(output)!;
        Assert.Equal("alibaba-cloud", record.Id);
        Assert.Equal("科技指南", record.Source);
    }

    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "gb18030"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Analyze_ReadsEveryEncodingToTheSameRecord(string encoding)
    {
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Article),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Article)],
            "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Article)],
            "utf-16be-bom" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Article)],
            _ => Encoding.GetEncoding("GB18030").GetBytes(Article),
        };
        var path = Path.Combine(_folder, "article.txt");
        await File.WriteAllBytesAsync(path, bytes);
        var (exit, output, _) = await CliRunner.RunAsync(["analyze", path]);
        Assert.Equal(0, exit);
        var record = ArticleRecordJson.Deserialize(output)!;
        Assert.Equal(Article.Length, record.Length);
        Assert.Equal(string.Concat(Article.Where(c => !char.IsWhiteSpace(c))), string.Concat(record.Tokens!.Select(t => t.Text)));
        Assert.Contains("３２．２", record.Tokens!.Select(t => t.Text));
    }

    [Fact]
    public async Task Analyze_HonoursAForcedEncoding()
    {
        var path = Path.Combine(_folder, "gbk.txt");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding("GBK").GetBytes(Article));
        var (exit, output, _) = await CliRunner.RunAsync(["analyze", path, "--encoding", "gbk"]);
        Assert.Equal(0, exit);
        Assert.Equal("科技指南", ArticleRecordJson.Deserialize(output)!.Source);
    }

    [Fact]
    public async Task Analyze_ReadsStandardInputWithoutAnId()
    {
        var (exit, output, _) = await CliRunner.RunAsync(["analyze", "-"], CliRunner.Utf8(Article));
        Assert.Equal(0, exit);
        Assert.Equal(ArticleRecordMapper.StableId(Article), ArticleRecordJson.Deserialize(output)!.Id);
    }

    [Fact]
    public async Task Analyze_WritesOneFilePerInputWithTheStemAsId()
    {
        var a = Path.Combine(_folder, "first.txt");
        var b = Path.Combine(_folder, "second.md");
        await File.WriteAllTextAsync(a, Article);
        await File.WriteAllTextAsync(b, "第二篇。");
        var outDir = Path.Combine(_folder, "out");
        var (exit, output, _) = await CliRunner.RunAsync(["analyze", a, b, "--out", outDir]);
        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Equal("first", ArticleRecordJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, "first.json")))!.Id);
        Assert.Equal("second", ArticleRecordJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, "second.json")))!.Id);
    }

    [Fact]
    public async Task Analyze_PrintsOneLinePerRecordForSeveralFiles()
    {
        var a = Path.Combine(_folder, "a.txt");
        var b = Path.Combine(_folder, "b.txt");
        await File.WriteAllTextAsync(a, "第一篇。");
        await File.WriteAllTextAsync(b, "第二篇。");
        var (exit, output, _) = await CliRunner.RunAsync(["analyze", a, b]);
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["a", "b"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("missing", "no such file")]
    [InlineData("directory", "is a directory")]
    [InlineData("binary", "binary file")]
    [InlineData("undecodable", "cannot be decoded")]
    public async Task Analyze_ReportsBadInputInOneLineAndGoesOn(string kind, string message)
    {
        var good = Path.Combine(_folder, "good.txt");
        await File.WriteAllTextAsync(good, "好文章。");
        var bad = Path.Combine(_folder, "bad.txt");
        switch (kind)
        {
            case "directory":
                Directory.CreateDirectory(bad);
                break;
            case "binary":
                await File.WriteAllBytesAsync(bad, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]);
                break;
            case "undecodable":
                await File.WriteAllBytesAsync(bad, [0xE4, 0xB8, 0xAD, 0xFF, 0xFF, 0x80, 0x81]);
                break;
        }

        var (exit, output, error) = await CliRunner.RunAsync(["analyze", bad, good]);
        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Equal("good", JsonDocument.Parse(output.Trim()).RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("frobnicate")]
    [InlineData("batch --parallel 0")]
    [InlineData("eval segmentation --gold x")]
    public async Task UsageErrors_ExitWithTwo(string commandLine)
    {
        var (exit, _, error) = await CliRunner.RunAsync(commandLine.Split(' '));
        Assert.Equal(2, exit);
        Assert.Contains("error:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
