using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ZhArticleAnalyzer.Claims;
using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Pipeline.Stages;
using ZhArticleAnalyzer.Segmentation;

namespace ZhArticleAnalyzer.Pipeline;

/// <summary>
/// Runs the analysis stages in order (sentences → segmentation → entities → keywords → times → quantities → claims →
/// any extra stages) and
/// freezes the result into an <see cref="AnalyzedDocument"/>. Thread-safe: the stages are
/// stateless and every call has its own <see cref="AnalysisBuilder"/>.
/// </summary>
public sealed class ArticleAnalyzer : IArticleAnalyzer
{
    private readonly ImmutableArray<IAnalysisStage> _stages;
    private readonly int _maxTextLength;
    private readonly int _parallelism;

    /// <summary>Builds an analyzer from options, a segmenter and extra stages that run after the built-in ones.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ZhArticleAnalyzerException">The options are invalid, or a stage needs a layer nothing produces.</exception>
    public ArticleAnalyzer(ZhArticleAnalyzerOptions options, ISegmenter segmenter, IEnumerable<IAnalysisStage>? extraStages = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(segmenter);
        ThrowIfInvalid(options);
        _maxTextLength = options.MaxTextLength;
        _parallelism = options.MaxDegreeOfParallelism;
        Segmenter = segmenter;
        Options = options;
        List<IAnalysisStage> builtIn = [new SentenceStage(), new SegmentationStage(segmenter)];
        if (options.RecognizeEntities)
        {
            builtIn.Add(new EntityStage(EntityRecognizer.CreateDefault()));
        }

        builtIn.AddRange([new KeywordStage(options.KeywordCount), new TimeStage(options.AnchorDate), new QuantityStage()]);
        if (options.RecognizeEntities && options.ExtractClaims)
        {
            // Claims name their subject by entity, so they need the entity stage.
            builtIn.Add(new ClaimStage());
        }
        _stages = [.. builtIn, .. extraStages ?? []];
        CheckRequirements(_stages);
    }

    /// <summary>The segmenter the pipeline uses.</summary>
    public ISegmenter Segmenter { get; }

    /// <summary>The options the analyzer was built with; treat them as read-only once the analyzer exists.</summary>
    public ZhArticleAnalyzerOptions Options { get; }

    /// <summary>The stages, in the order they run.</summary>
    public ImmutableArray<IAnalysisStage> Stages => _stages;

    /// <summary>
    /// Creates an analyzer with the segmenter the options name (by default the engine, with the
    /// embedded jieba data and the business dictionaries), for use without dependency injection.
    /// The first call in a process loads jieba's data (tens of milliseconds from the engine's binary
    /// cache; about a second for jieba.NET or on the very first run); later calls are cheap.
    /// </summary>
    /// <exception cref="ZhArticleAnalyzerException">The options are invalid or jieba's data cannot be loaded.</exception>
    public static ArticleAnalyzer CreateDefault(Action<ZhArticleAnalyzerOptions>? configure = null)
    {
        var options = new ZhArticleAnalyzerOptions();
        configure?.Invoke(options);
        ThrowIfInvalid(options);
        if (options.KeywordCount > 0)
        {
            // The idf table loads while the dictionary loads; the first article waits for it only if it is not ready.
            _ = Task.Run(() => Keywords.IdfTable.Instance);
        }

        return new ArticleAnalyzer(options, SegmenterFactory.Create(options));
    }

    /// <inheritdoc />
    public AnalyzedDocument Analyze(string text, ArticleInfo? info = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > _maxTextLength)
        {
            throw new ArgumentOutOfRangeException(nameof(text), text.Length, $"The text has {text.Length} characters; the limit (MaxTextLength) is {_maxTextLength}.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var builder = new AnalysisBuilder(text, info);
        WarnAboutSuspiciousCharacters(builder);
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.EnterStage(stage.Name);
            stage.Run(builder, cancellationToken);
        }

        return builder.Build();
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ArticleResult> AnalyzeManyAsync(
        IAsyncEnumerable<ArticleInput> inputs,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The channel holds the running and finished analyses in input order; its bound, with the
        // throttle, keeps at most a few articles per worker in memory.
        var window = Channel.CreateBounded<Task<ArticleResult>>(new BoundedChannelOptions(_parallelism * 2) { SingleReader = true, SingleWriter = true });
        var throttle = new SemaphoreSlim(_parallelism);
        var producer = Task.Run(() => ProduceAsync(inputs, window.Writer, throttle, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var analysis in window.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // The channel hands out finished analyses without looking at the token; a caller that
                // cancelled must not receive one more.
                var result = await analysis.ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                yield return result;
            }

            await producer.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(producer).ConfigureAwait(false);
        }
    }

    private async Task ProduceAsync(IAsyncEnumerable<ArticleInput> inputs, ChannelWriter<Task<ArticleResult>> writer, SemaphoreSlim throttle, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var input in inputs.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
                var analysis = Task.Run(
                    () =>
                    {
                        try
                        {
                            return AnalyzeOne(input, cancellationToken);
                        }
                        finally
                        {
                            throttle.Release();
                        }
                    },
                    CancellationToken.None);
                await writer.WriteAsync(analysis, cancellationToken).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception exception)
        {
            writer.Complete(exception);
        }
    }

    private ArticleResult AnalyzeOne(ArticleInput input, CancellationToken cancellationToken)
    {
        if (input.UnreadableReason is { } reason)
        {
            return ArticleResult.Failure(input.Id, ErrorCodes.InputUnreadable, reason);
        }

        try
        {
            return ArticleResult.Success(input.Id, Analyze(input.Text, input.Info ?? new ArticleInfo(input.Id), cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            return ArticleResult.Failure(input.Id, ErrorCodes.ArticleFailed, exception.Message);
        }
    }

    private static void WarnAboutSuspiciousCharacters(AnalysisBuilder builder)
    {
        var text = builder.Text;
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && !HasControlCharacters(text))
        {
            return;
        }

        var loneSurrogates = 0;
        var controls = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                loneSurrogates++;
            }
            else if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                controls++;
            }
        }

        if (loneSurrogates + controls > 0)
        {
            builder.AddWarning(new AnalysisWarning(
                ErrorCodes.SuspiciousCharacters,
                $"the text holds {loneSurrogates} lone surrogate(s) and {controls} control character(s); they were kept as one-character tokens."));
        }
    }

    private static bool HasControlCharacters(string text)
    {
        var span = text.AsSpan();
        int at;
        while ((at = span.IndexOfAnyInRange('\u0000', '\u001F')) >= 0)
        {
            if (span[at] is not ('\n' or '\r' or '\t'))
            {
                return true;
            }

            span = span[(at + 1)..];
        }

        return text.AsSpan().IndexOfAnyInRange('\u007F', '\u009F') >= 0;
    }

    private static void ThrowIfInvalid(ZhArticleAnalyzerOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ZhArticleAnalyzerException(ErrorCodes.InvalidOptions, "invalid options: " + string.Join(" ", problems));
        }
    }

    private static void CheckRequirements(ImmutableArray<IAnalysisStage> stages)
    {
        var available = AnalysisLayers.None;
        foreach (var stage in stages)
        {
            var missing = stage.Requires & ~available;
            if (missing != AnalysisLayers.None)
            {
                throw new ZhArticleAnalyzerException(
                    ErrorCodes.StageRequirementMissing,
                    $"stage '{stage.Name}' requires {missing}, which no earlier stage produces.");
            }

            available |= stage.Produces;
        }
    }
}
