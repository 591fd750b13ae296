using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using CsvHelper;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Records;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Cli;

/// <summary>The CSV and HTML views on generated text: CSV fields read back exactly; the page shows the text exactly.</summary>
public sealed partial class OutputFormatPropertyTests
{
    private static readonly char[] CsvChars = [',', '"', '\r', '\n', ' ', '\t', ';', 'a', '1', '阿', '里', '\u3000', '“', '”'];

    private static readonly char[] TextChars =
    [
        '。', '，', '%', '\n', '\r', '\t', ' ', '<', '>', '&', '"', '\'', '\u0001', '\uD83D', '\uDE00', '\uD840', '亿', '元', '年', '阿', '里', '云', '增', '长',
    ];

    private static readonly Gen<string> CsvField = Gen.Int[0, CsvChars.Length - 1].Select(i => CsvChars[i]).Array[0, 24].Select(c => new string(c));

    private static readonly Gen<string> MessyText = Gen.OneOf(
            Gen.Char['0', '9'],
            Gen.Char['\u4E00', '\u9FA5'],
            Gen.Int[0, TextChars.Length - 1].Select(i => TextChars[i]))
        .Array[0, 100]
        .Select(c => new string(c));

    [GeneratedRegex("<mark[ >]")]
    private static partial Regex MarkOpen();

    [Fact]
    public void Csv_ReadsBackEveryFieldExactly() =>
        Gen.Select(CsvField, CsvField, CsvField).Sample((id, text, canonical) =>
        {
            var folder = Directory.CreateTempSubdirectory("zhaa-csv-prop-").FullName;
            try
            {
                var record = new ArticleRecord { Id = id, Length = 0, Entities = [new EntityRecord("e1", text, 0, 1, 0, "Organization", canonical, 1)] };
                using (var views = CsvViews.Create(folder))
                {
                    views.Write(record);
                }

                using var reader = new StreamReader(Path.Combine(folder, "entities.csv"), Encoding.UTF8);
                using var csv = new CsvReader(reader, CsvViews.Configuration());
                Assert.True(csv.Read());
                Assert.True(csv.Read());
                Assert.Equal((id, text, canonical), (csv.GetField(0), csv.GetField(2), csv.GetField(7)));
                Assert.False(csv.Read());
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }, iter: 150);

    [Fact]
    public void Html_ShowsTheTextExactlyWithBalancedHighlights() =>
        MessyText.Sample(text =>
        {
            var record = ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze(text));
            var html = HtmlView.Render(text, record);
            var expected = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    expected.Append(text, i++, 2);
                }
                else
                {
                    expected.Append(char.IsSurrogate(text[i]) || (char.IsControl(text[i]) && text[i] is not ('\t' or '\n' or '\r')) ? '\uFFFD' : text[i]);
                }
            }

            Assert.Equal(expected.ToString(), HtmlFormatTests.ShownText(html));
            Assert.Equal(MarkOpen().Matches(html).Count, Regex.Matches(html, "</mark>").Count);
        }, iter: 200);
}
