using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Chooses the stretches of text the statistical model reads: a few characters either side of the
/// tokens it is asked about, merged when they (nearly) touch and kept inside their sentence.
/// </summary>
internal static class ModelWindowPlanner
{
    /// <param name="sentences">The article's sentences, in order.</param>
    /// <param name="tokens">The article's tokens, in order.</param>
    /// <param name="ask">Per token: whether the model is asked about it.</param>
    /// <param name="context">Characters read either side of a token; 0 or less reads the whole sentence.</param>
    public static List<ModelWindow> Plan(ReadOnlySpan<Sentence> sentences, ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> ask, int context)
    {
        var windows = new List<ModelWindow>();
        var t = 0;
        foreach (var sentence in sentences)
        {
            var s = sentence.Span;
            while (t < tokens.Length && tokens[t].Span.End <= s.Start)
            {
                t++;
            }

            var open = -1;
            var close = 0;
            for (; t < tokens.Length && tokens[t].Span.Start < s.End; t++)
            {
                if (!ask[t])
                {
                    continue;
                }

                var from = context <= 0 ? s.Start : Math.Max(s.Start, tokens[t].Span.Start - context);
                var to = context <= 0 ? s.End : Math.Min(s.End, tokens[t].Span.End + context);
                if (open >= 0 && from <= close + 2)
                {
                    close = Math.Max(close, to);
                    continue;
                }

                if (open >= 0)
                {
                    windows.Add(new ModelWindow(open, close, open == s.Start, close == s.End));
                }

                open = from;
                close = to;
            }

            if (open >= 0)
            {
                windows.Add(new ModelWindow(open, close, open == s.Start, close == s.End));
            }
        }

        return windows;
    }
}
