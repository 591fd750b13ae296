using CsCheck;
using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

/// <summary>The random field's decoding against brute force: every label sequence of a short sentence enumerated.</summary>
public class CrfDecodingTests
{
    private const int K = CrfLabels.Count;

    [Fact]
    public void Decode_FindsTheBestSequenceAndItsMarginals()
    {
        Gen.Float[-3f, 3f].Array[(((K + 1) * K) + K) + (4 * K)].Sample(values =>
        {
            var transitions = new NerTransitions(values.AsSpan(0, (K + 1) * K), values.AsSpan((K + 1) * K, K));
            var emission = values.AsSpan(((K + 1) * K) + K, 4 * K);
            var (_, sequences) = BruteForce(emission, transitions, 4);
            var scores = new float[4 * CrfLabels.Stride];
            for (var i = 0; i < 4; i++)
            {
                for (var y = 0; y < K; y++)
                {
                    scores[(i * CrfLabels.Stride) + CrfLabels.Slot(y)] = emission[(i * K) + y];
                }
            }

            var labels = new int[4];
            var probs = new float[4];
            CrfDecoding.Decode(scores, transitions, labels, probs);

            AssertMatchesBruteForce(sequences, labels, probs);
        }, iter: 200);
    }

    [Fact]
    public void Decode_WithEdges_AddsTheCharactersPairScores()
    {
        // Two kept characters (甲, 乙) and every other one in the shared row: the edge rows of the pair
        // at each position are added to the global pair scores, in Viterbi and in forward-backward alike.
        var rows = new NerEdgeRows(['甲', '乙']);
        const string Text = "甲乙丙甲";
        Gen.Float[-3f, 3f].Array[(((K + 1) * K) + K) + (4 * K) + (rows.Count * K * K)].Sample(values =>
        {
            var transitions = new NerTransitions(values.AsSpan(0, (K + 1) * K), values.AsSpan((K + 1) * K, K));
            var emission = values.AsSpan(((K + 1) * K) + K, 4 * K);
            var edgeScores = values.AsSpan(((K + 1) * K) + K + (4 * K));
            var edges = new NerEdges(rows, edgeScores);
            var edgeArray = edgeScores.ToArray();
            double PairScore(int i, int previous, int next)
            {
                var (current, before) = rows.RowsAt(Text[i - 1], Text[i]);
                return edgeArray[(((current * K) + previous) * K) + next] + edgeArray[(((before * K) + previous) * K) + next];
            }

            var (_, sequences) = BruteForce(emission, transitions, 4, PairScore);
            var scores = new float[4 * CrfLabels.Stride];
            for (var i = 0; i < 4; i++)
            {
                for (var y = 0; y < K; y++)
                {
                    scores[(i * CrfLabels.Stride) + CrfLabels.Slot(y)] = emission[(i * K) + y];
                }
            }

            var labels = new int[4];
            var probs = new float[4];
            CrfDecoding.Decode(scores, transitions, labels, probs, edges: edges, chars: Text);
            AssertMatchesBruteForce(sequences, labels, probs);
        }, iter: 200);
    }

    [Fact]
    public void Decode_WithEdgesButNoCharacters_Throws()
    {
        var rows = new NerEdgeRows(['甲']);
        var edges = new NerEdges(rows, new float[rows.Count * K * K]);
        var transitions = new NerTransitions(new float[(K + 1) * K], new float[K]);
        Assert.Throws<ArgumentException>(() => CrfDecoding.Decode(new float[3 * CrfLabels.Stride], transitions, new int[3], new float[3], edges: edges, chars: "甲"));
    }

    [Fact]
    public void Decode_NamesOnly_GivesTheSameLabelsAndNameProbabilities()
    {
        Gen.Float[-3f, 3f].Array[(((K + 1) * K) + K) + (6 * CrfLabels.Stride)].Sample(values =>
        {
            var transitions = new NerTransitions(values.AsSpan(0, (K + 1) * K), values.AsSpan((K + 1) * K, K));
            var scores = values.AsSpan(((K + 1) * K) + K);
            var (labels, probs) = (new int[6], new float[6]);
            var (namesLabels, namesProbs) = (new int[6], new float[6]);
            CrfDecoding.Decode(scores, transitions, labels, probs);
            CrfDecoding.Decode(scores, transitions, namesLabels, namesProbs, namesOnly: true);
            Assert.Equal(labels, namesLabels);
            for (var i = 0; i < 6; i++)
            {
                if (labels[i] != NerLabels.Outside)
                {
                    Assert.Equal(probs[i], namesProbs[i]);
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Decode_NeverBreaksBioes()
    {
        // Every character prefers I-ORG, which alone could not start a sentence nor follow O.
        var scores = new float[3 * CrfLabels.Stride];
        for (var i = 0; i < 3; i++)
        {
            scores[(i * CrfLabels.Stride) + CrfLabels.Slot(CrfLabels.Inside(2))] = 10f;
        }

        var labels = new int[3];
        CrfDecoding.Decode(scores, new NerTransitions(new float[(K + 1) * K], new float[K]), labels, new float[3]);
        Assert.Equal([NerLabels.Begin(2), NerLabels.Inside(2), NerLabels.Inside(2)], labels);
    }

    [Fact]
    public void FromBio_MarksFirstInsideLastAndSingle()
    {
        int[] bio = [NerLabels.Begin(0), NerLabels.Inside(0), NerLabels.Inside(0), NerLabels.Begin(0), NerLabels.Outside, NerLabels.Inside(1), NerLabels.Begin(2), NerLabels.Inside(2)];
        Assert.Equal(
            [CrfLabels.Begin(0), CrfLabels.Inside(0), CrfLabels.End(0), CrfLabels.Single(0), CrfLabels.Outside, CrfLabels.Single(1), CrfLabels.Begin(2), CrfLabels.End(2)],
            CrfLabels.FromBio(bio));
    }

    [Theory]
    [InlineData(-1, 2, false)]    // start → I-PER
    [InlineData(-1, 4, true)]     // start → S-PER
    [InlineData(1, 3, true)]      // B-PER → E-PER
    [InlineData(1, 0, false)]     // B-PER → O
    [InlineData(3, 5, true)]      // E-PER → B-LOC
    [InlineData(2, 7, false)]     // I-PER → E-LOC
    public void IsAllowed_FollowsBioes(int previous, int next, bool expected) =>
        Assert.Equal(expected, CrfLabels.IsAllowed(previous, next));

    [Fact]
    public void Slots_CoverEveryLabelOnce()
    {
        var slots = Enumerable.Range(0, K).Select(CrfLabels.Slot).ToList();
        Assert.Equal(K, slots.Distinct().Count());
        Assert.All(slots, s => Assert.True(s % NerWeights.Lane < NerWeights.Lane - 1, "a label in the lane's scale byte"));
        Assert.All(Enumerable.Range(0, K), y => Assert.Equal(y, SlotVector.Label(CrfLabels.Slot(y))));
    }

    /// <summary>
    /// The decoder works in floats, the brute force in doubles: near-ties (a few in a thousand random
    /// fields) may go either way, so the decoded labels must score as well as the best within float
    /// rounding, and the probabilities are checked for the labels decoded.
    /// </summary>
    private static void AssertMatchesBruteForce(List<(int[] Labels, double Score, double P)> sequences, int[] labels, float[] probs)
    {
        var decoded = CrfLabels.FromBio(labels);
        var decodedScore = sequences.Single(s => s.Labels.SequenceEqual(decoded)).Score;
        var best = sequences.MaxBy(s => s.Score);
        Assert.True(decodedScore >= best.Score - 1e-4, $"decoded {string.Join(",", decoded)} scores {decodedScore}, best {string.Join(",", best.Labels)}");
        for (var i = 0; i < labels.Length; i++)
        {
            // O: the character's marginal; in a name: the probability of the name's labels as a whole.
            var (start, end) = (i, i);
            if (decoded[i] != CrfLabels.Outside)
            {
                while (start > 0 && !CrfLabels.IsClosed(decoded[start - 1]))
                {
                    start--;
                }

                while (!CrfLabels.IsClosed(decoded[end]))
                {
                    end++;
                }
            }

            var expected = sequences.Where(s => s.Labels.AsSpan(start, end - start + 1).SequenceEqual(decoded.AsSpan(start, end - start + 1))).Sum(s => s.P);
            Assert.Equal(expected, probs[i], 1e-3);
        }
    }

    /// <summary>The best sequence, and every valid sequence with its probability.</summary>
    private static (int[] Best, List<(int[] Labels, double Score, double P)> Sequences) BruteForce(ReadOnlySpan<float> emission, NerTransitions transitions, int n, Func<int, int, int, double>? pairScore = null)
    {
        var sequences = new List<(int[] Labels, double Score)>();
        var current = new int[n];
        var e = emission.ToArray();
        Enumerate(0, 0);
        var best = sequences.MaxBy(s => s.Score).Labels;
        var max = sequences.Max(s => s.Score);
        var z = sequences.Sum(s => Math.Exp(s.Score - max));
        return (best, [.. sequences.Select(s => (s.Labels, s.Score, Math.Exp(s.Score - max) / z))]);

        void Enumerate(int i, double score)
        {
            if (i == n)
            {
                if (CrfLabels.CanEnd(current[n - 1]))
                {
                    sequences.Add(((int[])current.Clone(), score + transitions.EndScore(current[n - 1])));
                }

                return;
            }

            for (var y = 0; y < K; y++)
            {
                var previous = i == 0 ? -1 : current[i - 1];
                if (CrfLabels.IsAllowed(previous, y))
                {
                    current[i] = y;
                    var edge = i > 0 && pairScore is not null ? pairScore(i, previous, y) : 0;
                    Enumerate(i + 1, score + transitions.Score(previous, y) + edge + e[(i * K) + y]);
                }
            }
        }
    }
}
