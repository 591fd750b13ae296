using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ZhArticleAnalyzer;
using ZhArticleAnalyzer.DependencyInjection;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Segmentation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ZhArticleAnalyzer with a service collection.</summary>
public static class ZhArticleAnalyzerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IArticleAnalyzer"/> and <see cref="ISegmenter"/> as singletons (a consumer may
    /// <c>Replace</c> either), with options validated on start. Calling it twice is harmless.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IZhArticleAnalyzerBuilder AddZhArticleAnalyzer(this IServiceCollection services, Action<ZhArticleAnalyzerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ZhArticleAnalyzerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZhArticleAnalyzerOptions>, ZhArticleAnalyzerOptionsValidator>());
        services.TryAddSingleton<ISegmenter>(provider => SegmenterFactory.Create(provider.GetRequiredService<IOptions<ZhArticleAnalyzerOptions>>().Value));
        services.TryAddSingleton<IArticleAnalyzer>(provider => new ArticleAnalyzer(
            provider.GetRequiredService<IOptions<ZhArticleAnalyzerOptions>>().Value,
            provider.GetRequiredService<ISegmenter>(),
            provider.GetServices<IAnalysisStage>()));
        return new ZhArticleAnalyzerBuilder(services);
    }
}
