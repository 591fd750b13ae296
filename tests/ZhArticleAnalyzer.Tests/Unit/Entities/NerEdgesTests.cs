using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

/// <summary>The edge features' table: rows per character, forbidden pairs, and the file round trip.</summary>
public class NerEdgesTests
{
    private const int K = CrfLabels.Count;

    [Fact]
    public void RowsAt_GivesEachKeptCharacterItsRowsAndTheRestTheSharedOnes()
    {
        var rows = new NerEdgeRows(['甲', '乙']);
        Assert.Equal(6, rows.Count);
        Assert.Equal((2, 3 + 1), rows.RowsAt('甲', '乙'));
        Assert.Equal((0, 3 + 2), rows.RowsAt('乙', '丙'));
        Assert.Equal((1, 3), rows.RowsAt('丁', '甲'));
    }

    [Fact]
    public void WriteThenRead_KeepsAllowedPairsToHalfPrecisionAndForbiddenOnesAtZero()
    {
        var rows = new NerEdgeRows(['甲', '乙', '丙']);
        var random = new Random(5);
        float[] scores = [.. Enumerable.Range(0, rows.Count * K * K).Select(_ => (float)((random.NextDouble() * 6) - 3))];
        var edges = new NerEdges(rows, scores);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            edges.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var copy = NerEdges.Read(reader);
        Assert.Equal(rows.Characters, copy.Rows.Characters);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var p = 0; p < K; p++)
            {
                for (var y = 0; y < K; y++)
                {
                    var expected = CrfLabels.IsAllowed(p, y) ? scores[(((r * K) + p) * K) + y] : 0f;
                    Assert.Equal(expected, edges.Scores(r)[p].Get(CrfLabels.Slot(y)));
                    Assert.Equal(expected, copy.Scores(r)[p].Get(CrfLabels.Slot(y)), 0.002f);
                }
            }
        }
    }
}
