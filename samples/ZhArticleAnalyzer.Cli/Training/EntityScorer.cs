namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>Entity-level exact-match micro precision, recall and F1 (span and type must match), per type and overall.</summary>
internal sealed class EntityScorer
{
    private readonly SortedDictionary<string, Counts> _byType = new(StringComparer.Ordinal);

    public void Add(IEnumerable<(int Start, int End, string Type)> gold, IEnumerable<(int Start, int End, string Type)> predicted)
    {
        var goldSet = gold.ToHashSet();
        var predictedSet = predicted.ToHashSet();
        foreach (var g in goldSet)
        {
            var c = Get(g.Type);
            if (predictedSet.Contains(g))
            {
                c.TruePositives++;
            }
            else
            {
                c.FalseNegatives++;
            }
        }

        foreach (var p in predictedSet.Where(p => !goldSet.Contains(p)))
        {
            Get(p.Type).FalsePositives++;
        }
    }

    public IReadOnlyDictionary<string, Counts> ByType => _byType;

    public Counts Total
    {
        get
        {
            var total = new Counts();
            foreach (var c in _byType.Values)
            {
                total.TruePositives += c.TruePositives;
                total.FalsePositives += c.FalsePositives;
                total.FalseNegatives += c.FalseNegatives;
            }

            return total;
        }
    }

    private Counts Get(string type)
    {
        if (!_byType.TryGetValue(type, out var c))
        {
            c = new Counts();
            _byType.Add(type, c);
        }

        return c;
    }

    public sealed class Counts
    {
        public int TruePositives { get; set; }

        public int FalsePositives { get; set; }

        public int FalseNegatives { get; set; }

        public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }
}
