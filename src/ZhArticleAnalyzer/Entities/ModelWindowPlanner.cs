using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Chooses the stretches of text the statistical model reads: around every token the segmenter tags as
/// a person, place or organisation (nr, ns, nt) that no gazetteer name explains, a few characters
/// either side, merged and kept inside their sentence. Reading only these keeps the model's cost a
/// fraction of the pipeline's.
/// </summary>
internal static class ModelWindowPlanner
{
    /// <param name="sentences">The article's sentences, in order.</param>
    /// <param name="tokens">The article's tokens, in order.</param>
    /// <param name="known">Per token: whether a gazetteer name covers exactly this token (the model is not asked about it).</param>
    /// <param name="context">Characters read either side of a token; 0 or less reads whole sentences.</param>
    public static List<ModelWindow> Plan(IReadOnlyList<Sentence> sentences, IReadOnlyList<Token> tokens, ReadOnlySpan<bool> known, int context)
    {
        var windows = new List<ModelWindow>();
        var t = 0;
        foreach (var sentence in sentences)
        {
            var s = sentence.Span;
            if (context <= 0)
            {
                windows.Add(new ModelWindow(s.Start, s.End, true, true));
                continue;
            }

            while (t < tokens.Count && tokens[t].Span.End <= s.Start)
            {
                t++;
            }

            var open = -1;
            var close = 0;
            for (; t < tokens.Count && tokens[t].Span.Start < s.End; t++)
            {
                var token = tokens[t];
                if (known[t] || !IsNameTag(token.Pos))
                {
                    continue;
                }

                var from = Math.Max(s.Start, token.Span.Start - context);
                var to = Math.Min(s.End, token.Span.End + context);
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

    private static bool IsNameTag(string pos) => pos is "nr" or "nrt" or "nrfg" or "ns" or "nt";
}
