using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>
/// Trains a linear-chain conditional random field over the same hashed character features as the
/// Markov model: per-label weights of every feature bucket and BIO label-pair scores, fitted to the
/// sentences' log-likelihood by AdaGrad, one sentence at a time in a seeded order, one thread.
/// ML.NET has no sequence trainer (its multiclass trainers score each character on its own), so
/// this loop is ours. The first sentences of the order are held out to pick the number of passes and
/// the temperature; with several runs, each reads the sentences in its own order and their weights are
/// averaged.
/// </summary>
internal sealed class CrfTrainer(CrfTrainerOptions options)
{
    private const int K = CrfLabels.Count;
    private const int Row = CrfLabels.Stride;
    private const int Lane = NerWeights.Lane;
    private const float Epsilon = 1e-6f;

    public CrfTrainingResult Train(EncodedCorpus corpus, CancellationToken cancellationToken)
    {
        var log = options.Log ?? (_ => { });
        var sentences = corpus.Sentences;
        var heldOut = sentences.AsSpan(0, Math.Min(options.HeldOutSentences, sentences.Length / 10)).ToArray();
        var training = sentences.AsSpan(heldOut.Length).ToArray();
        var dimension = corpus.Extractor.Dimension;
        var edges = options.EdgeFeatures ? EdgeContext.FromSentences(training, options.EdgeMinCount) : EdgeContext.None;
        // Runs differ only in the order they read the sentences; each starts from the same order, so
        // the result does not depend on how many run at once.
        var runs = new (double F1, int Epoch, float[] Weights, float[] Transitions)[options.Runs];
        Parallel.For(
            0,
            options.Runs,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken },
            run => runs[run] = TrainOne((EncodedSentence[])training.Clone(), heldOut, dimension, edges, options.Seed + (1000 * run), run, log, cancellationToken));
        var best = runs[0];
        if (options.Runs > 1)
        {
            // The runs' weights averaged weight by weight: the objective is convex, so the runs end near
            // one optimum and their average has less of each run's noise, at no cost when reading.
            var weights = (float[])best.Weights.Clone();
            var transitions = (float[])best.Transitions.Clone();
            foreach (var other in runs.Skip(1))
            {
                Add(weights, other.Weights);
                Add(transitions, other.Transitions);
            }

            Scale(weights, 1f / options.Runs);
            Scale(transitions, 1f / options.Runs);
            var f1 = heldOut.Length == 0 ? 0 : Evaluate(State.With(dimension, edges, weights, transitions), heldOut);
            log(heldOut.Length == 0
                ? string.Create(CultureInfo.InvariantCulture, $"  CRF: average of {options.Runs} runs")
                : string.Create(CultureInfo.InvariantCulture, $"  CRF: average of {options.Runs} runs, held-out F1 {f1:F4}"));
            best = (f1, best.Epoch, weights, transitions);
        }

        var temperature = options.Temperature ?? (heldOut.Length == 0 ? 1f : FitTemperature(best.Weights, best.Transitions, heldOut, dimension, edges, log));
        var outsideBias = options.FitOutsideBias && heldOut.Length > 0 ? FitOutsideBias(best.Weights, best.Transitions, heldOut, dimension, edges, log) : 0f;
        Scale(best.Weights, 1 / temperature);
        Scale(best.Transitions, 1 / temperature);
        var kept = heldOut.Length == 0 ? "all sentences trained on" : string.Create(CultureInfo.InvariantCulture, $"held-out F1 {best.F1:F4}");
        log(string.Create(CultureInfo.InvariantCulture, $"  CRF: keeping pass {best.Epoch} ({kept}), scores divided by the temperature {temperature}"));
        return new CrfTrainingResult(ToModelWeights(best.Weights, dimension, outsideBias / temperature), ToTransitions(best.Transitions), edges.ToModel(best.Transitions), best.Epoch, heldOut.Length == 0 ? null : best.F1, temperature, outsideBias / temperature);
    }

    /// <summary>One training run: passes in the order <paramref name="seed"/> gives; the pass with the best held-out F1.</summary>
    private (double F1, int Epoch, float[] Weights, float[] Transitions) TrainOne(
        EncodedSentence[] training, EncodedSentence[] heldOut, int dimension, EdgeContext edges, int seed, int run, Action<string> log, CancellationToken cancellationToken)
    {
        var state = new State(dimension, edges);
        var best = (F1: -1.0, Epoch: 0, Weights: Array.Empty<float>(), Transitions: Array.Empty<float>());
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            new Random(seed + epoch).Shuffle(training);
            var logLikelihood = 0.0;
            foreach (var sentence in training)
            {
                cancellationToken.ThrowIfCancellationRequested();
                logLikelihood += Step(state, sentence, options.LearningRate, options.L2);
            }

            var model = options.Average ? state.Averaged() : state;
            var f1 = heldOut.Length == 0 ? 0 : Evaluate(model, heldOut);
            var heldOutText = heldOut.Length == 0 ? "no held-out sentences" : string.Create(CultureInfo.InvariantCulture, $"held-out F1 {f1:F4} ({heldOut.Length} sentences)");
            log(string.Create(CultureInfo.InvariantCulture, $"  CRF run {run + 1} pass {epoch}: training log-likelihood {logLikelihood:F0}, {heldOutText}, {clock.Elapsed.TotalSeconds:F1} s"));
            if (f1 > best.F1 || heldOut.Length == 0 || options.KeepLastPass)
            {
                best = (f1, epoch, (float[])model.Weights.Clone(), (float[])model.Transitions.Clone());
            }
        }

        return best;
    }

    private static void Add(float[] sum, float[] values)
    {
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += values[i];
        }
    }

    /// <summary>
    /// The temperature that makes the held-out sentences' labels most likely when every score is divided
    /// by it. Training fits the training sentences almost perfectly, so the raw field is overconfident
    /// (names it gives 0.8–0.9 were right 61 % of the time on MSRA test); dividing all scores by one
    /// number changes no decision, only the probabilities, which become the confidences callers threshold.
    /// </summary>
    private static float FitTemperature(float[] weights, float[] transitions, EncodedSentence[] heldOut, int dimension, EdgeContext edges, Action<string> log)
    {
        float[] candidates = [1f, 1.25f, 1.5f, 1.75f, 2f, 2.5f, 3f, 4f];
        var best = (Temperature: 1f, LogLikelihood: double.NegativeInfinity);
        foreach (var temperature in candidates)
        {
            var state = State.With(dimension, edges, weights, transitions);
            Scale(state.Transitions, 1 / temperature);
            var total = 0.0;
            foreach (var sentence in heldOut)
            {
                var emissions = state.Emissions(sentence, sentence.PerChar.Length);
                Scale(emissions, 1 / temperature);
                var gold = CrfLabels.FromBio(sentence.Source.Labels);
                var rows = state.Edges.Rows(sentence.Source.Text);
                total += Lattice.Compute(emissions, state.Transitions, emissions.Length / Row, rows, state.Edges).LogLikelihood(emissions, state.Transitions, gold);
            }

            log(string.Create(CultureInfo.InvariantCulture, $"  temperature {temperature}: held-out log-likelihood {total:F0}"));
            if (total > best.LogLikelihood)
            {
                best = (temperature, total);
            }
        }

        return best.Temperature;
    }

    private static void Scale(float[] values, float factor)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }

    /// <summary>
    /// One AdaGrad step on one sentence; returns its log-likelihood before the step. L2 is applied to
    /// the rows the sentence touches only (the usual sparse approximation).
    /// </summary>
    private static double Step(State state, EncodedSentence sentence, float rate, float l2)
    {
        state.Steps++;
        var n = sentence.PerChar.Length;
        var gold = CrfLabels.FromBio(sentence.Source.Labels);
        var emissions = state.Emissions(sentence, n);
        var edgeRows = state.Edges.Rows(sentence.Source.Text);
        var lattice = Lattice.Compute(emissions, state.Transitions, n, edgeRows, state.Edges);
        var logLikelihood = lattice.LogLikelihood(emissions, state.Transitions, gold);

        // Emission gradient of the negative log-likelihood: marginal − gold, shared by all the character's features.
        Span<float> g = stackalloc float[Row];
        var eta = Vector256.Create(rate);
        var decay = Vector256.Create(l2);
        Span<double> marginals = stackalloc double[K];
        for (var i = 0; i < n; i++)
        {
            g.Clear();
            lattice.Marginals(i, marginals);
            for (var y = 0; y < K; y++)
            {
                g[CrfLabels.Slot(y)] = (float)marginals[y] - (gold[i] == y ? 1f : 0f);
            }

            for (var half = 0; half < Row; half += Lane)
            {
                var loss = Vector256.Create<float>(g[half..]);
                foreach (var bucket in sentence.PerChar[i])
                {
                    var at = (bucket * Row) + half;
                    var w = Vector256.Create<float>(state.Weights.AsSpan(at, Lane));
                    var gradient = loss + (decay * w);
                    var sum = Vector256.Create<float>(state.SquaredSums.AsSpan(at, Lane)) + (gradient * gradient);
                    sum.CopyTo(state.SquaredSums.AsSpan(at, Lane));
                    var delta = -(eta * gradient / (Vector256.Sqrt(sum) + Vector256.Create(Epsilon)));
                    (w + delta).CopyTo(state.Weights.AsSpan(at, Lane));
                    state.Accumulate(at, delta);
                }
            }
        }

        // Transition gradient: expected pair counts − gold pair counts (start and end rows included).
        var tg = new double[EdgeContext.BaseLength];
        lattice.Marginals(0, marginals);
        for (var y = 0; y < K; y++)
        {
            tg[y] += marginals[y];
        }

        lattice.Marginals(n - 1, marginals);
        for (var y = 0; y < K; y++)
        {
            tg[EndIndex(y)] += marginals[y];
        }

        tg[gold[0]] -= 1;
        tg[EndIndex(gold[n - 1])] -= 1;
        Span<double> pairs = stackalloc double[K * K];
        for (var i = 1; i < n; i++)
        {
            lattice.PairMarginals(i, pairs);
            for (var p = 0; p < K; p++)
            {
                for (var y = 0; y < K; y++)
                {
                    tg[PairIndex(p, y)] += pairs[(p * K) + y];
                }
            }

            tg[PairIndex(gold[i - 1], gold[i])] -= 1;
            if (edgeRows.Length > 0)
            {
                pairs[(gold[i - 1] * K) + gold[i]] -= 1;
                foreach (var row in edgeRows[i])
                {
                    UpdateEdgeRow(state, state.Edges.Offset(row), pairs, rate, l2);
                }
            }
        }

        for (var t = 0; t < tg.Length; t++)
        {
            AdaGradStep(state, t, tg[t], rate, l2);
        }

        return logLikelihood;
    }

    /// <summary>AdaGrad on one edge row: the gradient is the pair marginals minus the gold pair, over the allowed pairs.</summary>
    private static void UpdateEdgeRow(State state, int offset, ReadOnlySpan<double> gradient, float rate, float l2)
    {
        foreach (var pair in EdgeContext.AllowedPairs)
        {
            AdaGradStep(state, offset + pair, gradient[pair], rate, l2);
        }
    }

    /// <summary>One AdaGrad step on entry <paramref name="t"/> of the transition array (pair scores and edge rows), with its L2 term and its share of the average.</summary>
    private static void AdaGradStep(State state, int t, double gradient, float rate, float l2)
    {
        var gt = (float)gradient + (l2 * state.Transitions[t]);
        state.TransitionSquaredSums[t] += gt * gt;
        var delta = -rate * gt / (MathF.Sqrt(state.TransitionSquaredSums[t]) + Epsilon);
        state.Transitions[t] += delta;
        state.TransitionAccumulated[t] += state.Steps * delta;
    }

    /// <summary>
    /// The amount taken off every character's outside score that gives the best F1 on the held-out
    /// sentences. Viterbi returns the likeliest labels, which is not the same as the most names right:
    /// the field finds fewer names than there are (recall below precision), and a smaller outside score
    /// trades a little precision for recall. One number, chosen on held-out sentences only.
    /// </summary>
    private static float FitOutsideBias(float[] weights, float[] transitions, EncodedSentence[] heldOut, int dimension, EdgeContext edges, Action<string> log)
    {
        float[] candidates = [0f, 0.25f, 0.5f, 0.75f, 1f, 1.5f, 2f];
        var state = State.With(dimension, edges, weights, transitions);
        var best = (Bias: 0f, F1: -1.0);
        foreach (var bias in candidates)
        {
            var f1 = Evaluate(state, heldOut, bias);
            log(string.Create(CultureInfo.InvariantCulture, $"  outside bias {bias}: held-out F1 {f1:F4}"));
            if (f1 > best.F1)
            {
                best = (bias, f1);
            }
        }

        return best.Bias;
    }

    private static double Evaluate(State state, EncodedSentence[] sentences, float outsideBias = 0f)
    {
        var scorer = new EntityScorer();
        var transitions = ToTransitions(state.Transitions);
        var edges = state.Edges.ToModel(state.Transitions);
        foreach (var sentence in sentences)
        {
            var n = sentence.PerChar.Length;
            var emissions = state.Emissions(sentence, n);
            for (var i = 0; i < n; i++)
            {
                emissions[(i * Row) + CrfLabels.Slot(CrfLabels.Outside)] -= outsideBias;
            }

            var labels = new int[n];
            var chars = sentence.Source.Text.Select(CharFeatureExtractor.NormalizeChar).ToArray();
            CrfDecoding.Decode(emissions, transitions, labels, new float[n], edges: edges, chars: chars);
            var gold = BioCorpus.Spans(sentence.Source.Labels).Select(s => (s.Start, s.End, s.Type.ToString(CultureInfo.InvariantCulture)));
            var predicted = BioCorpus.Spans(labels).Select(s => (s.Start, s.End, s.Type.ToString(CultureInfo.InvariantCulture)));
            scorer.Add(gold, predicted);
        }

        return scorer.Total.F1;
    }

    // Transition layout: K start scores, then K × K pair scores (previous-major), then K end scores.
    private static int PairIndex(int previous, int next) => ((previous + 1) * K) + next;

    private static int EndIndex(int label) => ((K + 1) * K) + label;

    private static NerTransitions ToTransitions(float[] flat) =>
        new(flat.AsSpan(0, (K + 1) * K), flat.AsSpan((K + 1) * K, K));

    /// <summary>The 16 floats of each bucket as the two lanes of 7 label weights a <see cref="NerWeights"/> row holds.</summary>
    private static NerWeights ToModelWeights(float[] rowWeights, int dimension, float outsideBias)
    {
        const int labels = Lane - 1;
        var lanes = new[] { new float[dimension * labels], new float[dimension * labels] };
        var biases = new[] { new float[labels], new float[labels] };
        var outside = CrfLabels.Slot(CrfLabels.Outside);
        biases[outside / Lane][outside % Lane] = 0f - outsideBias;   // not −0 when no bias was fitted: the same bytes as without the option
        for (var b = 0; b < dimension; b++)
        {
            for (var half = 0; half < 2; half++)
            {
                rowWeights.AsSpan((b * Row) + (half * Lane), labels).CopyTo(lanes[half].AsSpan(b * labels, labels));
            }
        }

        return NerWeights.FromDirections(dimension, [(lanes[0], biases[0]), (lanes[1], biases[1])]);
    }

    /// <summary>
    /// The weights and AdaGrad's sums. For averaging, every change Δ made at step t also adds t × Δ
    /// to an accumulator: the average of the weights over all steps T is then w − accumulator / T,
    /// with no pass over the whole table per step.
    /// </summary>
    private sealed class State(int dimension, EdgeContext edges)
    {
        private readonly int _dimension = dimension;

        public EdgeContext Edges { get; } = edges;

        public long Steps { get; set; }

        public float[] Weights { get; private init; } = new float[dimension * Row];

        public double[] Accumulated { get; } = new double[dimension * Row];

        public double[] TransitionAccumulated { get; } = new double[edges.TotalLength];

        public float[] SquaredSums { get; } = new float[dimension * Row];

        /// <summary>The label-pair scores, then the rows of the edge features (<see cref="EdgeContext"/>).</summary>
        public float[] Transitions { get; private init; } = new float[edges.TotalLength];

        public float[] TransitionSquaredSums { get; } = new float[edges.TotalLength];

        public void Accumulate(int at, Vector256<float> delta)
        {
            for (var y = 0; y < Lane; y++)
            {
                Accumulated[at + y] += Steps * (double)delta.GetElement(y);
            }
        }

        /// <summary>A state over copies of the given weights (for scoring only).</summary>
        public static State With(int dimension, EdgeContext edges, float[] weights, float[] transitions) =>
            new(dimension, edges) { Weights = (float[])weights.Clone(), Transitions = (float[])transitions.Clone() };

        /// <summary>A state whose weights are the averages over all steps so far (for scoring only).</summary>
        public State Averaged()
        {
            var weights = new float[Weights.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)(Weights[i] - (Accumulated[i] / Steps));
            }

            var transitions = new float[Transitions.Length];
            for (var i = 0; i < transitions.Length; i++)
            {
                transitions[i] = (float)(Transitions[i] - (TransitionAccumulated[i] / Steps));
            }

            return new State(_dimension, Edges) { Weights = weights, Transitions = transitions };
        }

        public float[] Emissions(EncodedSentence sentence, int n)
        {
            var emissions = new float[n * Row];
            for (var i = 0; i < n; i++)
            {
                var low = Vector256<float>.Zero;
                var high = Vector256<float>.Zero;
                foreach (var bucket in sentence.PerChar[i])
                {
                    low += Vector256.Create<float>(Weights.AsSpan(bucket * Row, Lane));
                    high += Vector256.Create<float>(Weights.AsSpan((bucket * Row) + Lane, Lane));
                }

                low.CopyTo(emissions.AsSpan(i * Row, Lane));
                high.CopyTo(emissions.AsSpan((i * Row) + Lane, Lane));
            }

            return emissions;
        }
    }

    /// <summary>Forward-backward in double precision with per-step scaling; disallowed BIO pairs get no mass.</summary>
    private sealed class Lattice
    {
        private readonly int _n;
        private readonly double[] _alpha;
        private readonly double[] _beta;
        private readonly double[] _local;   // exp(emission − row max)
        private readonly double[] _pair;    // exp(transition), 0 where BIO forbids the pair
        private readonly double[] _pairAt;  // with edge features: per position i ≥ 1, exp(transition + edge rows) of each pair
        private readonly float[] _edgeScores;  // per position, the edge rows' score of each pair
        private readonly double[] _scale;   // per step: the sum the forward vector was divided by

        private Lattice(int n, bool edges)
        {
            _n = n;
            _pairAt = edges ? new double[n * K * K] : [];
            _edgeScores = edges ? new float[n * K * K] : [];
            _alpha = new double[n * K];
            _beta = new double[n * K];
            _local = new double[n * K];
            _pair = new double[(K + 2) * K];
            _scale = new double[n];
        }

        public static Lattice Compute(float[] emissions, float[] transitions, int n, int[][] edgeRows, EdgeContext edges)
        {
            var l = new Lattice(n, edgeRows.Length > 0);
            for (var p = -1; p < K; p++)
            {
                for (var y = 0; y < K; y++)
                {
                    l._pair[PairIndex(p, y)] = CrfLabels.IsAllowed(p, y) ? Math.Exp(transitions[PairIndex(p, y)]) : 0;
                }
            }

            for (var y = 0; y < K; y++)
            {
                l._pair[EndIndex(y)] = CrfLabels.CanEnd(y) ? Math.Exp(transitions[EndIndex(y)]) : 0;
            }

            if (edgeRows.Length > 0)
            {
                for (var i = 1; i < n; i++)
                {
                    var scores = l._edgeScores.AsSpan(i * K * K, K * K);
                    foreach (var row in edgeRows[i])
                    {
                        var weights = transitions.AsSpan(edges.Offset(row), K * K);
                        for (var j = 0; j < K * K; j++)
                        {
                            scores[j] += weights[j];
                        }
                    }

                    for (var p = 0; p < K; p++)
                    {
                        for (var y = 0; y < K; y++)
                        {
                            l._pairAt[(i * K * K) + (p * K) + y] = CrfLabels.IsAllowed(p, y) ? Math.Exp(transitions[PairIndex(p, y)] + scores[(p * K) + y]) : 0;
                        }
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                var max = float.NegativeInfinity;
                for (var y = 0; y < K; y++)
                {
                    max = MathF.Max(max, emissions[(i * Row) + CrfLabels.Slot(y)]);
                }

                for (var y = 0; y < K; y++)
                {
                    l._local[(i * K) + y] = Math.Exp(emissions[(i * Row) + CrfLabels.Slot(y)] - max);
                }
            }

            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var y = 0; y < K; y++)
                {
                    var into = 0.0;
                    if (i == 0)
                    {
                        into = l._pair[PairIndex(-1, y)];
                    }
                    else
                    {
                        for (var p = 0; p < K; p++)
                        {
                            into += l._alpha[((i - 1) * K) + p] * l.Pair(i, p, y);
                        }
                    }

                    var a = into * l._local[(i * K) + y];
                    l._alpha[(i * K) + y] = a;
                    sum += a;
                }

                l._scale[i] = sum;
                for (var y = 0; y < K; y++)
                {
                    l._alpha[(i * K) + y] /= sum;
                }
            }

            for (var i = n - 1; i >= 0; i--)
            {
                var sum = 0.0;
                for (var p = 0; p < K; p++)
                {
                    var b = 0.0;
                    if (i == n - 1)
                    {
                        b = l._pair[EndIndex(p)];
                    }
                    else
                    {
                        for (var y = 0; y < K; y++)
                        {
                            b += l.Pair(i + 1, p, y) * l._local[((i + 1) * K) + y] * l._beta[((i + 1) * K) + y];
                        }
                    }

                    l._beta[(i * K) + p] = b;
                    sum += b;
                }

                for (var p = 0; p < K; p++)
                {
                    l._beta[(i * K) + p] /= sum;
                }
            }

            return l;
        }

        /// <summary>exp(score) of the pair (p at i − 1, y at i), with the position's edge rows when there are any.</summary>
        private double Pair(int i, int p, int y) => _pairAt.Length > 0 ? _pairAt[(i * K * K) + (p * K) + y] : _pair[PairIndex(p, y)];

        /// <summary>P(label i = y) for every y.</summary>
        public void Marginals(int i, Span<double> output)
        {
            var total = 0.0;
            for (var y = 0; y < K; y++)
            {
                output[y] = _alpha[(i * K) + y] * _beta[(i * K) + y];
                total += output[y];
            }

            for (var y = 0; y < K; y++)
            {
                output[y] /= total;
            }
        }

        /// <summary>P(label i−1 = p, label i = y) for every pair, previous-major.</summary>
        public void PairMarginals(int i, Span<double> output)
        {
            // Normalised over all pairs at this step: the scaled vectors do not carry the partition function.
            var total = 0.0;
            for (var p = 0; p < K; p++)
            {
                var a = _alpha[((i - 1) * K) + p];
                for (var y = 0; y < K; y++)
                {
                    var v = a * Pair(i, p, y) * _local[(i * K) + y] * _beta[(i * K) + y];
                    output[(p * K) + y] = v;
                    total += v;
                }
            }

            for (var j = 0; j < K * K; j++)
            {
                output[j] /= total;
            }
        }

        /// <summary>log P(gold | sentence) under the scores the lattice was computed from.</summary>
        public double LogLikelihood(float[] emissions, float[] transitions, int[] gold)
        {
            // log Z = Σ log(scale) + Σ row maxima + log Σ_y alpha[n−1][y] × exp(end[y]).
            var logZ = 0.0;
            var score = 0.0;
            for (var i = 0; i < _n; i++)
            {
                var max = float.NegativeInfinity;
                for (var y = 0; y < K; y++)
                {
                    max = MathF.Max(max, emissions[(i * Row) + CrfLabels.Slot(y)]);
                }

                logZ += Math.Log(_scale[i]) + max;
                score += emissions[(i * Row) + CrfLabels.Slot(gold[i])] + transitions[PairIndex(i == 0 ? -1 : gold[i - 1], gold[i])];
                if (i > 0 && _edgeScores.Length > 0)
                {
                    score += _edgeScores[(i * K * K) + (gold[i - 1] * K) + gold[i]];
                }
            }

            var last = 0.0;
            for (var y = 0; y < K; y++)
            {
                last += _alpha[((_n - 1) * K) + y] * _pair[EndIndex(y)];
            }

            logZ += Math.Log(last);
            score += transitions[EndIndex(gold[_n - 1])];
            return score - logZ;
        }
    }
}

/// <summary>What <see cref="CrfTrainer"/> made: the weights, transitions and edge features (if trained) of the kept pass (divided by the temperature), its F1 on the held-out sentences (none when all were trained on), the temperature, and the outside bias the weights hold (already divided by the temperature).</summary>
internal sealed record CrfTrainingResult(NerWeights Weights, NerTransitions Transitions, NerEdges? Edges, int Pass, double? HeldOutF1, float Temperature, float OutsideBias);

/// <summary>Settings of <see cref="CrfTrainer"/>.</summary>
internal sealed record CrfTrainerOptions
{
    public int Seed { get; init; } = 1;

    public int Epochs { get; init; } = 10;

    public float LearningRate { get; init; } = 0.1f;

    /// <summary>L2 weight added to the gradient of every row a sentence touches.</summary>
    public float L2 { get; init; }

    /// <summary>Score and ship the weights averaged over all steps rather than the last ones.</summary>
    public bool Average { get; init; } = true;

    /// <summary>Training runs (each reading the sentences in another seeded order) whose weights are averaged.</summary>
    public int Runs { get; init; } = 1;

    /// <summary>Runs trained at once (the result is the same for any number).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Sentences (from the start of the seeded order) kept out of training to pick the pass; at most a tenth of the data.</summary>
    public int HeldOutSentences { get; init; } = 2000;

    /// <summary>
    /// Keep every run's last pass instead of its best on the held-out sentences, so that a pass count
    /// chosen on held-out data can be compared fairly and then reused when training on all sentences.
    /// </summary>
    public bool KeepLastPass { get; init; }

    /// <summary>Lower every character's outside score by the amount (of 0–2) that gives the best held-out F1 (<see cref="CrfTrainingResult.OutsideBias"/>).</summary>
    public bool FitOutsideBias { get; init; }

    /// <summary>Divide the scores by this instead of fitting the temperature on the held-out sentences (which a run without them cannot do).</summary>
    public float? Temperature { get; init; }

    /// <summary>Label-pair scores that depend on the characters at the pair (<see cref="EdgeContext"/>).</summary>
    public bool EdgeFeatures { get; init; }

    /// <summary>Characters seen fewer times than this in the training sentences share one edge row.</summary>
    public int EdgeMinCount { get; init; } = 3;

    public Action<string>? Log { get; init; }
}
