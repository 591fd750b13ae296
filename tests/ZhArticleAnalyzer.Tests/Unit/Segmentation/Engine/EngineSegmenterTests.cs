using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Segmentation.Engine;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Segmentation.Engine;

public sealed class EngineSegmenterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zhaa-engine-").FullName;

    private static ISegmenter Default { get; } = SegmenterFactory.Create(new ZhArticleAnalyzerOptions());

    private static string[] Words(ISegmenter segmenter, string text) => [.. segmenter.Segment(text).Select(t => text[t.Span.Start..t.Span.End])];

    [Fact]
    public void Default_IsTheEngine()
    {
        Assert.Equal(SegmenterKind.Engine, new ZhArticleAnalyzerOptions().Segmenter);
        Assert.Equal("engine", Default.Name);
        Assert.Equal("jieba.NET", SegmenterFactory.Create(new ZhArticleAnalyzerOptions { Segmenter = SegmenterKind.JiebaNet }).Name);
    }

    [Fact]
    public void Options_RejectAnUnknownSegmenter() =>
        Assert.Contains(new ZhArticleAnalyzerOptions { Segmenter = (SegmenterKind)7 }.Validate(), p => p.Contains("Segmenter", StringComparison.Ordinal));

    [Fact]
    public void Segment_CutsAndTagsLikeJieba()
    {
        const string text = "有限公司采用QXZ架构，收入增长12.5%";
        var tokens = Default.Segment(text).ToDictionary(t => text[t.Span.Start..t.Span.End], t => t.Pos);
        Assert.Equal("n", tokens["有限公司"]);
        Assert.Equal("eng", tokens["QXZ"]);
        Assert.Equal("m", tokens["12.5%"]);
        Assert.Equal("x", tokens["，"]);
        Assert.StartsWith("v", tokens["增长"], StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_KeepsCharactersOutsideTheBmpWhole()
    {
        const string text = "好消息😀𠀀来了\uD800孤";
        var words = Words(Default, text);
        Assert.Contains("😀", words);
        Assert.Contains("𠀀", words);
        Assert.Contains("\uD800", words);
        Assert.Equal(text, string.Concat(words));
    }

    [Fact]
    public void Segment_DropsWhitespaceAndCoversEverythingElse()
    {
        const string text = "  营收 \t增长\r\n\u3000利润  ";
        var tokens = Default.Segment(CharNormalizer.Normalize(text));
        Assert.Equal("营收增长利润", string.Concat(tokens.Select(t => text[t.Span.Start..t.Span.End])));
        Assert.All(tokens, t => Assert.DoesNotContain(text[t.Span.Start..t.Span.End], char.IsWhiteSpace));
    }

    [Fact]
    public void Segment_EmptyTextAndCancellation()
    {
        Assert.Empty(Default.Segment(string.Empty));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => Default.Segment("营收增长", cancelled.Token));
    }

    [Fact]
    public void WithoutHmm_UnknownCharactersStaySingle()
    {
        var segmenter = SegmenterFactory.Create(new ZhArticleAnalyzerOptions { UseHmm = false });
        Assert.Equal(["韩", "玉", "赏鉴"], Words(segmenter, "韩玉赏鉴"));
        Assert.Equal(["韩玉", "赏鉴"], Words(Default, "韩玉赏鉴"));
    }

    [Fact]
    public void UserDictionary_BelongsToOneAnalyzerOnly()
    {
        var path = Path.Combine(_folder, "user.txt");
        File.WriteAllLines(path, ["# test words", "柚子智算平台 nz", "橙光量子 5 nt"]);
        const string text = "柚子智算平台与橙光量子签约";
        var options = new ZhArticleAnalyzerOptions();
        options.UserDictionaryPaths.Add(path);
        var withWords = ArticleAnalyzer.CreateDefault(o => o.UserDictionaryPaths.Add(path));
        var tokens = withWords.Segmenter.Segment(text).ToDictionary(t => text[t.Span.Start..t.Span.End], t => t.Pos);
        Assert.Equal("nz", tokens["柚子智算平台"]);
        Assert.Equal("nt", tokens["橙光量子"]);

        // Another analyzer in the same process does not see them.
        Assert.DoesNotContain("柚子智算平台", Words(Default, text));
        Assert.DoesNotContain("橙光量子", Words(Default, text));
    }

    [Fact]
    public void Segment_GivesTheSameTokensOnManyThreads()
    {
        var texts = Enumerable.Range(0, 40).Select(i => $"第{i}季度，阿里巴巴集团营收增长{i}.5%，韩玉赏鉴😀ABC{i}").ToArray();
        var sequential = texts.Select(t => Default.Segment(t)).ToArray();
        var parallel = new System.Collections.Immutable.ImmutableArray<Token>[texts.Length];
        Parallel.For(0, texts.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i % texts.Length] = Default.Segment(texts[i % texts.Length]));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i].ToArray(), parallel[i].ToArray());
        }
    }

    [Fact]
    public void DataDirectory_GivesTheSameEngine()
    {
        var folder = JiebaDataFiles.Prepare(null);
        var fromFolder = SegmenterFactory.Create(new ZhArticleAnalyzerOptions { JiebaDataDirectory = folder });
        const string text = "工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作";
        Assert.Equal(Default.Segment(text).ToArray(), fromFolder.Segment(text).ToArray());
    }

    [Fact]
    public void Model_MatchesJiebasDictionary()
    {
        var model = EngineModelCache.Get(null);
        var dictionary = EngineDictionary.Plain(model);
        Assert.True(dictionary.Frequency("有限公司") > 0);
        Assert.Equal("n", model.TagNames[dictionary.Tag("有限公司")]);
        Assert.Equal(0, dictionary.Frequency("有限公"));
        Assert.Equal(256, model.Pos.StateCount);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
