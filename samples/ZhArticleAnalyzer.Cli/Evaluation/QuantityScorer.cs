using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Cli.Evaluation;

/// <summary>Precision, recall and F1 of one layer: exact key matches (span + value [+ unit]).</summary>
internal sealed record PrfScore(int Gold, int System, int Correct)
{
    public double Precision => System == 0 ? (Gold == 0 ? 1 : 0) : (double)Correct / System;

    public double Recall => Gold == 0 ? 1 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PrfScore operator +(PrfScore a, PrfScore b) => new(a.Gold + b.Gold, a.System + b.System, a.Correct + b.Correct);

    public static PrfScore Of(IReadOnlyList<string> gold, IReadOnlyList<string> system)
    {
        var remaining = gold.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var correct = 0;
        foreach (var key in system)
        {
            if (remaining.TryGetValue(key, out var n) && n > 0)
            {
                remaining[key] = n - 1;
                correct++;
            }
        }

        return new PrfScore(gold.Count, system.Count, correct);
    }
}

/// <summary>The quantity and time scores of one dev-set article, with the keys that did not match.</summary>
internal sealed record ArticleScore(string Id, PrfScore Quantities, PrfScore Times, IReadOnlyList<string> Missed, IReadOnlyList<string> Spurious);

/// <summary>Scores the analyzer's quantities (span + value + unit) and times (span + value) against the dev set.</summary>
internal static class QuantityScorer
{
    public static ArticleScore Score(IArticleAnalyzer analyzer, DevSetArticle article)
    {
        var document = analyzer.Analyze(article.Text, new ArticleInfo(article.Id));
        var quantities = document.Quantities
            .Select(q => DevSetArticle.QuantityKey(q.Span.Start, q.Span.End, q.Value, q.Min, q.Max, q.Unit)).ToList();
        var times = document.Times.Select(t => DevSetArticle.TimeKey(t.Span.Start, t.Span.End, t.Value)).ToList();
        var missed = article.QuantityKeys.Except(quantities).Select(k => "missed Q " + Describe(article.Text, k))
            .Concat(article.TimeKeys.Except(times).Select(k => "missed T " + Describe(article.Text, k))).ToList();
        var spurious = quantities.Except(article.QuantityKeys).Select(k => "extra  Q " + Describe(article.Text, k))
            .Concat(times.Except(article.TimeKeys).Select(k => "extra  T " + Describe(article.Text, k))).ToList();
        return new ArticleScore(article.Id, PrfScore.Of(article.QuantityKeys, quantities), PrfScore.Of(article.TimeKeys, times), missed, spurious);
    }

    private static string Describe(string text, string key)
    {
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        if (dash > 0 && space > dash && int.TryParse(key.AsSpan(0, dash), out var start) && int.TryParse(key.AsSpan(dash + 1, space - dash - 1), out var end) && end <= text.Length)
        {
            return $"{key}  「{text[start..end]}」";
        }

        return key;
    }
}
