using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>
/// The edge features (<see cref="NerEdges"/>) while training: which rows each position of a sentence
/// reads, and where those rows sit in the trainer's transition array, after the global label-pair
/// scores (<see cref="BaseLength"/>). The kept characters are those seen at least a minimum number of
/// times in the training sentences.
/// </summary>
internal sealed class EdgeContext
{
    private const int K = CrfLabels.Count;

    private EdgeContext(NerEdgeRows? rows) => EdgeRows = rows;

    /// <summary>Start row, K pair rows and the end row of the global label-pair scores.</summary>
    public static int BaseLength => (K + 2) * K;

    /// <summary>The pairs BIOES allows (previous-major indices into a row of K × K).</summary>
    public static int[] AllowedPairs { get; } =
        [.. Enumerable.Range(0, K * K).Where(j => CrfLabels.IsAllowed(j / K, j % K))];

    public static EdgeContext None { get; } = new(null);

    public NerEdgeRows? EdgeRows { get; }

    public int RowCount => EdgeRows?.Count ?? 0;

    public int TotalLength => BaseLength + (RowCount * K * K);

    public static EdgeContext FromSentences(IEnumerable<EncodedSentence> sentences, int minCount)
    {
        var counts = new int[char.MaxValue + 1];
        foreach (var sentence in sentences)
        {
            foreach (var c in sentence.Source.Text)
            {
                counts[CharFeatureExtractor.NormalizeChar(c)]++;
            }
        }

        var kept = Enumerable.Range(0, counts.Length).Where(c => counts[c] >= minCount).Select(c => (char)c).ToArray();
        return new EdgeContext(new NerEdgeRows(kept));
    }

    /// <summary>Start of a row in the transition array.</summary>
    public int Offset(int row) => BaseLength + (row * K * K);

    /// <summary>Per position, the edge rows of the pair ending there (none at position 0); empty without edge features.</summary>
    public int[][] Rows(string text)
    {
        if (EdgeRows is null)
        {
            return [];
        }

        var rows = new int[text.Length][];
        rows[0] = [];
        for (var i = 1; i < text.Length; i++)
        {
            var (current, previous) = EdgeRows.RowsAt(CharFeatureExtractor.NormalizeChar(text[i - 1]), CharFeatureExtractor.NormalizeChar(text[i]));
            rows[i] = [current, previous];
        }

        return rows;
    }

    /// <summary>The edges the product reads, from the edge part of a transition array; null without edge features.</summary>
    public NerEdges? ToModel(float[] transitions) =>
        EdgeRows is null ? null : new NerEdges(EdgeRows, transitions.AsSpan(BaseLength, RowCount * K * K));
}
