namespace ZhArticleAnalyzer.Pipeline;

/// <summary>
/// One step of the pipeline. A stage reads the layers it requires from the builder and adds the
/// layers it produces. Stages are singletons shared by concurrent calls: keep no per-call state in fields.
/// </summary>
public interface IAnalysisStage
{
    /// <summary>A short name used in error messages.</summary>
    string Name { get; }

    /// <summary>The layers that must exist before this stage runs.</summary>
    AnalysisLayers Requires { get; }

    /// <summary>The layers this stage adds.</summary>
    AnalysisLayers Produces { get; }

    /// <summary>Adds this stage's layers to the builder.</summary>
    void Run(AnalysisBuilder builder, CancellationToken cancellationToken);
}
