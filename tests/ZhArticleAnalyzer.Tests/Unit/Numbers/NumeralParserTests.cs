using System.Globalization;
using CsCheck;
using ZhArticleAnalyzer.Numbers;

namespace ZhArticleAnalyzer.Tests.Unit.Numbers;

public class NumeralParserTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("1,529.7", "1529.7")]
    [InlineData("38,743", "38743")]
    [InlineData("14.09亿", "1409000000")]
    [InlineData("3万亿", "3000000000000")]
    [InlineData("4.78万亿", "4780000000000")]
    [InlineData("10.1万", "101000")]
    [InlineData("8千", "8000")]
    [InlineData("5万4千6百", "54600")]
    [InlineData("10万万", "1000000000")]
    [InlineData("零", "0")]
    [InlineData("十", "10")]
    [InlineData("十五", "15")]
    [InlineData("二十", "20")]
    [InlineData("一百零一", "101")]
    [InlineData("一百二", "120")]
    [InlineData("三万五", "35000")]
    [InlineData("两千四百五", "2450")]
    [InlineData("一千零一", "1001")]
    [InlineData("一百零一万一千", "1011000")]
    [InlineData("五亿零六", "500000006")]
    [InlineData("四千万零六千", "40006000")]
    [InlineData("拾亿零六万零五百零六", "1000060506")]
    [InlineData("五兆六十二亿四万五千二", "5006200045200")]
    [InlineData("壹佰伍拾", "150")]
    [InlineData("肆佰陸拾", "460")]
    [InlineData("倆千两百贰拾二", "2222")]
    [InlineData("廿三", "23")]
    [InlineData("卅", "30")]
    [InlineData("千亿", "100000000000")]
    [InlineData("百三", "130")]
    [InlineData("负三十二", "-32")]
    [InlineData("-10000", "-10000")]
    [InlineData("十五点七", "15.7")]
    [InlineData("零点五", "0.5")]
    [InlineData("两千三点一", "2300.1")]
    [InlineData("四百亿点零五零", "40000000000.05")]
    [InlineData("二〇二五", "2025")]
    [InlineData("五五", "55")]
    [InlineData("一百 五 十 二", "152")]
    [InlineData("十余万", "100000")]
    public void Parses_exactly(string text, string expected)
    {
        Assert.True(NumeralParser.TryParse(text, out var value), text);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("万")]
    [InlineData("万万")]
    [InlineData("伍")]
    [InlineData("百")]
    [InlineData("二三十")]
    [InlineData("12345678901234567890123456789012")]
    public void Rejects(string text) => Assert.False(NumeralParser.TryParse(text, out _), text);

    [Fact]
    public void Scaled_values_are_exact_decimals()
    {
        Assert.True(NumeralParser.TryParse("14.09亿", out var value));
        Assert.Equal("1409000000", (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("一百五十二元", 0, 5)]
    [InlineData("14.09亿元", 0, 6)]
    [InlineData("1,529.7/1", 0, 7)]
    [InlineData("两百点两", 0, 2)]
    [InlineData("5157万千瓦", 0, 6)]
    [InlineData("7万 5千", 0, 5)]
    public void Scans_to_the_end_of_the_numeral(string text, int start, int end) => Assert.Equal(end, NumeralParser.ScanEnd(text, start));

    [Fact]
    public void Round_trips_random_decimals_written_in_Chinese() =>
        Gen.Select(Gen.Long[-999_999_999_999_999L, 999_999_999_999_999L], Gen.Int[0, 4])
            .Select((n, scale) => n / Pow10(scale))
            .Sample(value =>
            {
                var written = ChineseNumeralWriter.Write(value);
                Assert.True(NumeralParser.TryParse(written, out var parsed), written);
                Assert.Equal(value, parsed);
            }, iter: 2000);

    [Fact]
    public void Round_trips_random_decimals_written_in_Arabic_with_separators() =>
        Gen.Select(Gen.Long[0, 999_999_999_999L], Gen.Int[0, 3])
            .Select((n, scale) => n / Pow10(scale))
            .Sample(value =>
            {
                var written = value.ToString("#,0.###", CultureInfo.InvariantCulture);
                Assert.True(NumeralParser.TryParse(written, out var parsed), written);
                Assert.Equal(value, parsed);
            }, iter: 1000);

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++)
        {
            result *= 10;
        }

        return result;
    }
}
