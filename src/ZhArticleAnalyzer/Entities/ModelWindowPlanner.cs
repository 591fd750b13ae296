using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Chooses the stretches of text the statistical model reads: a few characters either side of the
/// tokens it is asked about, merged when they (nearly) touch and kept inside their sentence.
/// </summary>
internal static class ModelWindowPlanner
{
    /// <param name="sentences">The article's sentences, in order.</param>
    /// <param name="tokens">The article's tokens, in order.</param>
    /// <param name="ask">Indices of the tokens the model is asked about, ascending.</param>
    /// <param name="before">Characters read before a token; 0 or less (with <paramref name="after"/>) reads the whole sentence.</param>
    /// <param name="after">Characters read after a token.</param>
    public static List<ModelWindow> Plan(ReadOnlySpan<Sentence> sentences, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> ask, int before, int after)
    {
        var windows = new List<ModelWindow>();
        var s = 0;
        var open = -1;
        var close = 0;
        var openIn = default(TextSpan);
        foreach (var t in ask)
        {
            var token = tokens[t].Span;
            while (s < sentences.Length && sentences[s].Span.End <= token.Start)
            {
                s++;
            }

            if (s == sentences.Length)
            {
                break;
            }

            var sentence = sentences[s].Span;
            if (token.End <= sentence.Start)
            {
                continue; // between sentences
            }

            var wholeSentence = before <= 0 && after <= 0;
            var from = wholeSentence ? sentence.Start : Math.Max(sentence.Start, token.Start - before);
            var to = wholeSentence ? sentence.End : Math.Min(sentence.End, token.End + after);
            if (open >= 0 && openIn == sentence && from <= close + 2)
            {
                close = Math.Max(close, to);
                continue;
            }

            if (open >= 0)
            {
                windows.Add(Window(open, close, openIn));
            }

            open = from;
            close = to;
            openIn = sentence;
        }

        if (open >= 0)
        {
            windows.Add(Window(open, close, openIn));
        }

        return windows;
    }

    private static ModelWindow Window(int start, int end, TextSpan sentence) => new(start, end, start == sentence.Start, end == sentence.End);
}
