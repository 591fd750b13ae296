using CsCheck;
using ZhArticleAnalyzer.Records;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Properties;

public class AnalyzerPropertyTests
{
    /// <summary>Characters chosen to hit every awkward path: CJK, ASCII, full-width, emoji halves, controls, whitespace, quotes.</summary>
    private static readonly char[] Special =
    [
        '。', '，', '！', '？', '；', '…', '“', '”', '《', '》', '（', '）', '%', '％', '.', '．', ':', '：', '\n', '\r', '\t', ' ', '\u3000',
        '\u0001', '\u200B', '\uD83D', '\uDE00', '\uD840', '\uDC00', '亿', '万', '元', '摘', '要', '来', '源',
    ];

    private static readonly Gen<string> MessyText = Gen.OneOf(
            Gen.Char['\u4E00', '\u9FA5'],
            Gen.Char['a', 'z'],
            Gen.Char['0', '9'],
            Gen.Char['\uFF10', '\uFF19'],
            Gen.Int[0, Special.Length - 1].Select(i => Special[i]))
        .Array[0, 120]
        .Select(chars => new string(chars));

    [Fact]
    public void Analyze_NeverThrowsAndKeepsInvariantsOnMessyText() =>
        MessyText.Sample(text =>
        {
            var document = SharedAnalyzer.Instance.Analyze(text);
            DocumentInvariants.AssertHold(document);
            var record = ArticleRecordMapper.ToRecord(document);
            Assert.All(record.Tokens!, t => Assert.Equal(t.Text, text.Substring(t.Start, t.End - t.Start)));
        }, iter: 400);

    [Fact]
    public void Analyze_IsDeterministic() =>
        MessyText.Sample(text =>
        {
            var first = ArticleRecordJson.Serialize(ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze(text)));
            var second = ArticleRecordJson.Serialize(ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze(text)));
            Assert.Equal(first, second);
        }, iter: 150);
}
