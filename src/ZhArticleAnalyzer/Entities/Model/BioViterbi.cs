namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Finds the best valid BIO label sequence (no I- after O or after another type) from per-character
/// log-probabilities plus label-transition scores.
/// </summary>
internal static class BioViterbi
{
    /// <param name="logProbs">n × <see cref="NerLabels.Count"/> log-probabilities, row-major.</param>
    /// <param name="transitions">Count × Count scores added for previous → next.</param>
    /// <param name="labels">Receives the n labels.</param>
    public static void Decode(ReadOnlySpan<float> logProbs, ReadOnlySpan<float> transitions, Span<int> labels)
    {
        const int k = NerLabels.Count;
        var n = labels.Length;
        if (n == 0)
        {
            return;
        }

        var score = new float[n * k];
        var back = new int[n * k];
        for (var y = 0; y < k; y++)
        {
            score[y] = NerLabels.IsAllowed(-1, y) ? logProbs[y] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var y = 0; y < k; y++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var x = 0; x < k; x++)
                {
                    if (!NerLabels.IsAllowed(x, y))
                    {
                        continue;
                    }

                    var s = score[((i - 1) * k) + x] + transitions[(x * k) + y];
                    if (s > best)
                    {
                        best = s;
                        arg = x;
                    }
                }

                score[(i * k) + y] = best + logProbs[(i * k) + y];
                back[(i * k) + y] = arg;
            }
        }

        var last = 0;
        for (var y = 1; y < k; y++)
        {
            if (score[((n - 1) * k) + y] > score[((n - 1) * k) + last])
            {
                last = y;
            }
        }

        labels[n - 1] = last;
        for (var i = n - 1; i > 0; i--)
        {
            labels[i - 1] = back[(i * k) + labels[i]];
        }
    }
}
