using JiebaNet.Segmenter.PosSeg;
using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Segmentation.Engine;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Equality;

/// <summary>The engine against jieba.NET on inputs chosen to reach every branch of jieba's splitting rules.</summary>
public class EngineEdgeCaseEqualityTests
{
    public static TheoryData<string> Inputs => new()
    {
        "a",
        "。",
        "营收增长12.5%，净利润3.2亿元",
        "AT&T与C++、c#、Wi-Fi_6和H20芯片",
        "张三·李四在2025年第3季度",
        "v1.2.3版本，3.14.15，.5与5.",
        "abc中文123def%%+#",
        "ａｂｃ１２３％（全角）",
        "第一行\r\n第二行\n\n\t第三行\u3000第四行 \u00A0第五行",
        "鿕鿖鿿㐀豈〇○",
        "好消息😀𠀀来了👍🏽",
        "孤\uD800独\uDC00半",
        "控制\u0001字符\u200B零宽",
        "深圳市腾讯计算机系统有限公司董事会主席兼首席执行官马化腾",
        "工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作",
        "南京市长江大桥欢迎您ABCDEF和1234567890以及gogogo",
        "他来到了网易杭研大厦，我来到北京清华大学，乒乓球拍卖完了",
        "结婚的和尚未结婚的，永和服装饰品有限公司",
        "曦羲犇骉龘靐齉爩",
        "一一一一一一一一一一一一一一一一一一一一",
        "魑魅魍魉饕餮梼杌混沌穷奇",
        "...---___###&&&%%%",
        "x1y2z3.4.5%6",
        "中文。English words here. 数字 42 和 3.0",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void CutAndPos_EqualJiebaNetExceptWholeSurrogatePairs(string text)
    {
        EngineOracle.WithSameDictionary((runtime, engine, _) =>
        {
            var joined = 0;
            foreach (var hmm in new[] { true, false })
            {
                var expected = EngineOracle.JoinSurrogateHalves(text, EngineOracle.JiebaCut(runtime, text, hmm), t => t, (a, b) => (a.Start, b.End), ref joined);
                Assert.Equal(expected, EngineOracle.EngineCut(engine, text, hmm));
            }

            var pos = new PosSegmenter(runtime.Segmenter);
            var expectedPos = EngineOracle.JoinSurrogateHalves(text, EngineOracle.JiebaPos(pos, text), t => (t.Start, t.End), (a, b) => (a.Start, b.End, a.Pos), ref joined);
            Assert.Equal(expectedPos, EngineOracle.EnginePos(engine, text));
            return 0;
        });
    }

    [Fact]
    public void SurrogatePairs_AreTheOnlyDifference()
    {
        const string text = "好消息😀𠀀来了";
        EngineOracle.WithSameDictionary((runtime, engine, _) =>
        {
            var jieba = EngineOracle.JiebaCut(runtime, text).Select(s => text[s.Start..s.End]).ToList();
            var ours = EngineOracle.EngineCut(engine, text).Select(s => text[s.Start..s.End]).ToList();
            Assert.Contains("\uD83D", jieba);
            Assert.Contains("😀", ours);
            Assert.Contains("𠀀", ours);
            return 0;
        });
    }
}
