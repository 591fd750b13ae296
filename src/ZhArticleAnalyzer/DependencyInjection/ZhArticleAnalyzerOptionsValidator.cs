using Microsoft.Extensions.Options;

namespace ZhArticleAnalyzer.DependencyInjection;

/// <summary>Reports every problem of the options at once, at startup.</summary>
internal sealed class ZhArticleAnalyzerOptionsValidator : IValidateOptions<ZhArticleAnalyzerOptions>
{
    public ValidateOptionsResult Validate(string? name, ZhArticleAnalyzerOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
