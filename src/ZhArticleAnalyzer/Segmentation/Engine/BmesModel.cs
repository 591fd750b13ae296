using System.Text.Json;

namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// jieba's character HMM for unknown words (states B, M, E, S): the start probabilities that
/// jieba hard-codes, the transitions of prob_trans.json and the emissions of prob_emit.json,
/// held as dense tables so that a lookup is one array read.
/// </summary>
internal sealed class BmesModel
{
    public const int B = 0;
    public const int M = 1;
    public const int E = 2;
    public const int S = 3;
    public const int StateCount = 4;
    public const int Alphabet = char.MaxValue + 1;

    /// <summary>jieba's log probability for an unseen event.</summary>
    public const double MinProb = -3.14e100;

    private const string StateNames = "BMES";

    public BmesModel(double[] start, double[] transitions, double[] emissions)
    {
        Start = start;
        Transitions = transitions;
        Emissions = emissions;
    }

    /// <summary>Start log probabilities by state.</summary>
    public double[] Start { get; }

    /// <summary>Transition log probabilities, indexed <c>from * 4 + to</c>.</summary>
    public double[] Transitions { get; }

    /// <summary>Emission log probabilities, indexed <c>state * 65536 + char</c>.</summary>
    public double[] Emissions { get; }

    public static BmesModel Load(Stream transitionsJson, Stream emissionsJson)
    {
        // finalseg/prob_start.py; jieba.NET hard-codes the same figures.
        double[] start = [-0.26268660809250016, MinProb, MinProb, -1.4652633398537678];
        var transitions = new double[StateCount * StateCount];
        Array.Fill(transitions, MinProb);
        using (var document = JsonDocument.Parse(transitionsJson))
        {
            foreach (var from in document.RootElement.EnumerateObject())
            {
                foreach (var to in from.Value.EnumerateObject())
                {
                    transitions[State(from.Name) * StateCount + State(to.Name)] = to.Value.GetDouble();
                }
            }
        }

        var emissions = new double[StateCount * Alphabet];
        Array.Fill(emissions, MinProb);
        using (var document = JsonDocument.Parse(emissionsJson))
        {
            foreach (var state in document.RootElement.EnumerateObject())
            {
                var offset = State(state.Name) * Alphabet;
                foreach (var entry in state.Value.EnumerateObject())
                {
                    emissions[offset + SingleChar(entry.Name)] = entry.Value.GetDouble();
                }
            }
        }

        return new BmesModel(start, transitions, emissions);
    }

    internal static char SingleChar(string name) =>
        name.Length == 1 ? name[0] : throw new InvalidDataException($"expected one character as a key, got '{name}'.");

    private static int State(string name)
    {
        var index = name.Length == 1 ? StateNames.IndexOf(name[0], StringComparison.Ordinal) : -1;
        return index >= 0 ? index : throw new InvalidDataException($"unknown HMM state '{name}'.");
    }
}
