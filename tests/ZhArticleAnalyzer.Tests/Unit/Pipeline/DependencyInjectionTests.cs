using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Unit.Pipeline;

public class DependencyInjectionTests
{
    [Fact]
    public void AddZhArticleAnalyzer_RegistersOneSharedAnalyzerWithOptions()
    {
        var services = new ServiceCollection();
        services.AddZhArticleAnalyzer(o => o.KeywordCount = 3);
        services.AddZhArticleAnalyzer();
        using var provider = services.BuildServiceProvider(validateScopes: true);
        var analyzer = provider.GetRequiredService<IArticleAnalyzer>();
        Assert.Same(analyzer, provider.GetRequiredService<IArticleAnalyzer>());
        Assert.Single(services, d => d.ServiceType == typeof(IArticleAnalyzer));
        var document = analyzer.Analyze("阿里云发布财报。云计算收入增长，利润提升，客户结构优化，市场份额扩大。");
        Assert.InRange(document.Keywords.Length, 1, 3);
    }

    [Fact]
    public void AddZhArticleAnalyzer_RejectsInvalidOptionsWithAllProblems()
    {
        var services = new ServiceCollection();
        services.AddZhArticleAnalyzer(o => o.MaxDegreeOfParallelism = 0).AddUserDictionary("/no/such/dictionary.txt");
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ZhArticleAnalyzerOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("MaxDegreeOfParallelism", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("/no/such/dictionary.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void AddZhArticleAnalyzer_RunsExtraStagesAndLetsTheSegmenterBeReplaced()
    {
        var services = new ServiceCollection();
        services.AddSingleton(SharedAnalyzer.Instance.Segmenter);
        services.AddZhArticleAnalyzer().AddStage<CountingStage>();
        using var provider = services.BuildServiceProvider();
        Assert.Same(SharedAnalyzer.Instance.Segmenter, provider.GetRequiredService<ISegmenter>());
        var document = provider.GetRequiredService<IArticleAnalyzer>().Analyze("营收增长。");
        Assert.Single(document.Warnings, w => w.Code == "TEST001");
    }

    [Fact]
    public void AddZhArticleAnalyzer_RejectsNullServices() =>
        Assert.Throws<ArgumentNullException>(() => ZhArticleAnalyzerServiceCollectionExtensions.AddZhArticleAnalyzer(null!));

    private sealed class CountingStage : IAnalysisStage
    {
        public string Name => "counting";

        public AnalysisLayers Requires => AnalysisLayers.Tokens;

        public AnalysisLayers Produces => AnalysisLayers.None;

        public void Run(AnalysisBuilder builder, CancellationToken cancellationToken) =>
            builder.AddWarning(new AnalysisWarning("TEST001", $"{builder.Tokens.Length} tokens"));
    }
}
