using System.Globalization;
using System.Text;
using CsvHelper;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Records;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Cli;

/// <summary><c>analyze --format csv</c>: four RFC 4180 files, the article id on every row, read back with CsvHelper.</summary>
public sealed class CsvFormatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zhaa-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<string[]> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, CsvViews.Configuration());
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "")]);
        }

        return rows;
    }

    [Fact]
    public async Task Csv_WritesTheFourListsOfTheReferenceArticleWithItsId()
    {
        var article = RepoPaths.Repo("samples", "articles", "alibaba-cloud.txt");
        var (exit, output, error) = await CliRunner.RunAsync(["analyze", article, "--format", "csv", "--out", _folder]);
        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Equal("", error);
        var record = ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze(RepoPaths.ReadText(article), new ArticleInfo("alibaba-cloud")));

        var entities = ReadCsv(Path.Combine(_folder, "entities.csv"));
        var quantities = ReadCsv(Path.Combine(_folder, "quantities.csv"));
        var times = ReadCsv(Path.Combine(_folder, "times.csv"));
        var claims = ReadCsv(Path.Combine(_folder, "claims.csv"));
        Assert.Equal(CsvViews.EntityHeader, entities[0]);
        Assert.Equal(CsvViews.QuantityHeader, quantities[0]);
        Assert.Equal(CsvViews.TimeHeader, times[0]);
        Assert.Equal(CsvViews.ClaimHeader, claims[0]);

        Assert.Equal(record.Entities!.Count, entities.Count - 1);
        Assert.Equal(record.Quantities!.Count, quantities.Count - 1);
        Assert.Equal(record.Times!.Count, times.Count - 1);
        Assert.Equal(record.Claims!.Count, claims.Count - 1);
        Assert.NotEmpty(record.Claims!);
        Assert.All(entities.Concat(quantities).Concat(times).Concat(claims).Where(r => r[0] != "articleId"), row => Assert.Equal("alibaba-cloud", row[0]));

        // Every field as the record has it: text, offsets, normalised values.
        Assert.Equal(record.Entities!.Select(e => (e.Id, e.Text, e.Start.ToString(CultureInfo.InvariantCulture), e.Canonical)), entities.Skip(1).Select(r => (r[1], r[2], r[3], r[7])));
        Assert.Equal(
            record.Quantities!.Select(q => (q.Id, q.Text, q.Kind, q.Value?.ToString(CultureInfo.InvariantCulture) ?? "", q.Min?.ToString(CultureInfo.InvariantCulture) ?? "", q.Unit ?? "")),
            quantities.Skip(1).Select(r => (r[1], r[2], r[6], r[7], r[8], r[10])));
        Assert.Equal(record.Times!.Select(t => (t.Id, t.Text, t.Value ?? "")), times.Skip(1).Select(r => (r[1], r[2], r[6])));
        Assert.Equal(record.Claims!.Select(c => (c.Id, c.Metric, c.Value, c.Period ?? "", c.ClaimType)), claims.Skip(1).Select(r => (r[1], r[6], r[7], r[11], r[12])));
    }

    [Fact]
    public async Task Csv_PutsEveryArticleOfOneRunInTheSameFiles()
    {
        var a = Path.Combine(_folder, "first.txt");
        var b = Path.Combine(_folder, "second.txt");
        await File.WriteAllTextAsync(a, "阿里云2025年营收增长26%。");
        await File.WriteAllTextAsync(b, "腾讯2024年利润达到100亿元。");
        var outDir = Path.Combine(_folder, "out");
        var (exit, _, _) = await CliRunner.RunAsync(["analyze", a, b, "--format", "csv", "--out", outDir]);
        Assert.Equal(0, exit);
        Assert.Equal(CsvViews.FileNames.Order(), Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        var quantities = ReadCsv(Path.Combine(outDir, "quantities.csv")).Skip(1).ToList();
        Assert.Contains(quantities, r => r[0] == "first" && r[2] == "26%");
        Assert.Contains(quantities, r => r[0] == "second" && r[2] == "100亿元" && r[7] == "10000000000");
        var times = ReadCsv(Path.Combine(outDir, "times.csv")).Skip(1).ToList();
        Assert.Equal(["first", "second"], times.Select(r => r[0]).Distinct());
    }

    [Fact]
    public async Task Csv_WithoutAnOutputFolderIsAUsageError()
    {
        var (exit, output, error) = await CliRunner.RunAsync(["analyze", "-", "--format", "csv"], CliRunner.Utf8("营收增长。"));
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_QuotesCommasQuotesAndLineBreaksAsRfc4180Says()
    {
        const string Nasty = "阿里,\"云\"\r\n智能";
        var record = new ArticleRecord
        {
            Id = "id,with \"quotes\"",
            Length = 20,
            Entities = [new EntityRecord("e1", Nasty, 0, Nasty.Length, 0, "Organization", "line\nbreak", 0.5)],
            Quantities = [new QuantityRecord { Id = "q1", Text = "1,000", Start = 0, End = 5, Sentence = 0, Kind = "Number", Value = 1000.5m, Approximate = true }],
            Times = [],
            Claims = [new ClaimRecord { Id = "c1", Sentence = 0, Start = 0, End = 5, Subject = "他说：\"好\"", Metric = "收入, 利润", Value = "q1", ClaimType = "Level" }],
        };
        await using (var views = CsvViews.Create(_folder))
        {
            views.Write(record);
        }

        var raw = await File.ReadAllTextAsync(Path.Combine(_folder, "entities.csv"));
        Assert.Equal(
            "articleId,id,text,start,end,sentence,type,canonical,confidence\r\n" +
            "\"id,with \"\"quotes\"\"\",e1,\"阿里,\"\"云\"\"\r\n智能\",0,10,0,Organization,\"line\nbreak\",0.5\r\n",
            raw);
        Assert.False(File.ReadAllBytes(Path.Combine(_folder, "entities.csv")).AsSpan().StartsWith(Encoding.UTF8.Preamble), "no BOM");

        var entity = Assert.Single(ReadCsv(Path.Combine(_folder, "entities.csv")).Skip(1));
        Assert.Equal(record.Id, entity[0]);
        Assert.Equal(Nasty, entity[2]);
        Assert.Equal("line\nbreak", entity[7]);
        var quantity = Assert.Single(ReadCsv(Path.Combine(_folder, "quantities.csv")).Skip(1));
        Assert.Equal(["1,000", "1000.5", "", "true", ""], new[] { quantity[2], quantity[7], quantity[8], quantity[12], quantity[13] });
        var claim = Assert.Single(ReadCsv(Path.Combine(_folder, "claims.csv")).Skip(1));
        Assert.Equal(["他说：\"好\"", "收入, 利润", "q1", ""], new[] { claim[5], claim[6], claim[7], claim[8] });
        Assert.Single(ReadCsv(Path.Combine(_folder, "times.csv")));
    }
}
