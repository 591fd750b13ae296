using Microsoft.Extensions.DependencyInjection;

namespace ZhArticleAnalyzer.DependencyInjection;

/// <summary>Returned by <c>AddZhArticleAnalyzer</c> to add stages and dictionaries.</summary>
public interface IZhArticleAnalyzerBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }

    /// <summary>Adds a stage that runs after the built-in ones, as a singleton.</summary>
    IZhArticleAnalyzerBuilder AddStage<TStage>() where TStage : class, Pipeline.IAnalysisStage;

    /// <summary>Adds a user dictionary (jieba format) to the options.</summary>
    IZhArticleAnalyzerBuilder AddUserDictionary(string path);
}
