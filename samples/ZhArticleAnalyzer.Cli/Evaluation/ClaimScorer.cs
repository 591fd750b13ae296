namespace ZhArticleAnalyzer.Cli.Evaluation;

/// <summary>What claim matching compares, taken from a gold or a predicted claim.</summary>
/// <param name="Value">The stated value, with its bounds and unit.</param>
/// <param name="Subjects">Every name of the subject (text and canonical name).</param>
/// <param name="Metric">The metric as written.</param>
/// <param name="Change">increase, decrease, stable or null.</param>
/// <param name="Period">The period's normalised value, else its text, else null.</param>
internal sealed record ClaimFacts(QuantityFacts Value, IReadOnlyList<string> Subjects, string Metric, string? Change, string? Period);

/// <summary>A quantity's value, bounds and unit.</summary>
internal sealed record QuantityFacts(decimal? Value, decimal? Min, decimal? Max, string? Unit);

/// <summary>
/// Claim P/R/F1 as issue 5 defines it: a claim matches when value and unit agree, the subject strings
/// contain one another, and the metrics share at least half of the shorter one's characters; the strict
/// score also requires the same period and change.
/// </summary>
internal sealed class ClaimScorer
{
    public Score Lenient { get; } = new();

    public Score Strict { get; } = new();

    public void Add(IReadOnlyList<ClaimFacts> gold, IReadOnlyList<ClaimFacts> predicted)
    {
        Lenient.Add(gold.Count, predicted.Count, CountMatches(gold, predicted, strict: false));
        Strict.Add(gold.Count, predicted.Count, CountMatches(gold, predicted, strict: true));
    }

    public static bool Matches(ClaimFacts gold, ClaimFacts predicted, bool strict) =>
        gold.Value == predicted.Value
        && gold.Subjects.Any(g => predicted.Subjects.Any(p => g.Contains(p, StringComparison.Ordinal) || p.Contains(g, StringComparison.Ordinal)))
        && MetricsAgree(gold.Metric, predicted.Metric)
        && (!strict || (gold.Period == predicted.Period && gold.Change == predicted.Change));

    public static bool MetricsAgree(string a, string b)
    {
        var shorter = a.Length <= b.Length ? a : b;
        var longer = ReferenceEquals(shorter, a) ? b : a;
        if (shorter.Length == 0)
        {
            return false;
        }

        var shared = shorter.Count(c => longer.Contains(c, StringComparison.Ordinal));
        return shared * 2 >= shorter.Length;
    }

    private static int CountMatches(IReadOnlyList<ClaimFacts> gold, IReadOnlyList<ClaimFacts> predicted, bool strict)
    {
        var used = new bool[predicted.Count];
        var matches = 0;
        foreach (var g in gold)
        {
            for (var i = 0; i < predicted.Count; i++)
            {
                if (!used[i] && Matches(g, predicted[i], strict))
                {
                    used[i] = true;
                    matches++;
                    break;
                }
            }
        }

        return matches;
    }

    /// <summary>Counts for precision, recall and F1.</summary>
    internal sealed class Score
    {
        public int Gold { get; private set; }

        public int Predicted { get; private set; }

        public int Correct { get; private set; }

        public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

        public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public void Add(int gold, int predicted, int correct)
        {
            Gold += gold;
            Predicted += predicted;
            Correct += correct;
        }
    }
}
