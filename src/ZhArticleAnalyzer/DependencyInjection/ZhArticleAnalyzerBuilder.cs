using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.DependencyInjection;

internal sealed class ZhArticleAnalyzerBuilder(IServiceCollection services) : IZhArticleAnalyzerBuilder
{
    public IServiceCollection Services { get; } = services;

    public IZhArticleAnalyzerBuilder AddStage<TStage>() where TStage : class, IAnalysisStage
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalysisStage, TStage>());
        return this;
    }

    public IZhArticleAnalyzerBuilder AddUserDictionary(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Services.Configure<ZhArticleAnalyzerOptions>(o => o.UserDictionaryPaths.Add(path));
        return this;
    }
}
