using System.Globalization;
using System.Text.Json;

namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// jieba's POS HMM (states such as <c>B-nr</c>): start, transition and emission log probabilities
/// and the table of states each character can take (char_state_tab.json), indexed by integers.
/// </summary>
internal sealed class PosHmmModel
{
    public PosHmmModel(
        string[] stateNames,
        double[] start,
        double[] transitions,
        int[] emitFirst,
        char[] emitChars,
        double[] emitProbs,
        int[] charFirst,
        ushort[] charStates)
    {
        StateNames = stateNames;
        Start = start;
        Transitions = transitions;
        EmitFirst = emitFirst;
        EmitChars = emitChars;
        EmitProbs = emitProbs;
        CharFirst = charFirst;
        CharStates = charStates;

        var count = stateNames.Length;
        Words = (count + 63) / 64;
        Successors = new ulong[count * Words];
        HasTransitions = new bool[count];
        Kinds = new char[count];
        Poses = new string[count];
        for (var from = 0; from < count; from++)
        {
            Kinds[from] = stateNames[from][0];
            Poses[from] = stateNames[from][(stateNames[from].IndexOf('-', StringComparison.Ordinal) + 1)..];
        }

        // jieba.NET compares state names with string.Compare(…, InvariantCulture) to break ties.
        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(order, (a, b) => string.Compare(stateNames[a], stateNames[b], StringComparison.InvariantCulture));
        Ranks = new int[count];
        for (var i = 0; i < count; i++)
        {
            var equalsPrevious = i > 0 && string.Compare(stateNames[order[i - 1]], stateNames[order[i]], StringComparison.InvariantCulture) == 0;
            Ranks[order[i]] = equalsPrevious ? Ranks[order[i - 1]] : i;
        }

        TransitionsTo = new double[count * count];
        for (var from = 0; from < count; from++)
        {
            for (var to = 0; to < count; to++)
            {
                TransitionsTo[(to * count) + from] = transitions[(from * count) + to];
            }
        }

        CharEmits = new double[charStates.Length];
        for (var c = 0; c + 1 < charFirst.Length; c++)
        {
            for (var k = charFirst[c]; k < charFirst[c + 1]; k++)
            {
                CharEmits[k] = Emit(charStates[k], (char)c);
            }
        }
    }

    public string[] StateNames { get; }

    public int StateCount => StateNames.Length;

    /// <summary>How many 64-bit words a state set takes.</summary>
    public int Words { get; }

    public double[] Start { get; }

    /// <summary>Transition log probabilities, <c>from * StateCount + to</c>; <see cref="double.MinValue"/> when absent (as in jieba.NET).</summary>
    public double[] Transitions { get; }

    /// <summary>The same, transposed (<c>to * StateCount + from</c>), so that the decoder reads one row per state.</summary>
    public double[] TransitionsTo { get; }

    /// <summary>For each state, the set of states it has a transition entry to.</summary>
    public ulong[] Successors { get; }

    /// <summary>Whether a state has any transition entry (jieba.NET drops states without).</summary>
    public bool[] HasTransitions { get; }

    public int[] EmitFirst { get; }

    public char[] EmitChars { get; }

    public double[] EmitProbs { get; }

    /// <summary>For each character, its states in char_state_tab: <c>CharStates[CharFirst[c] .. CharFirst[c + 1]]</c>.</summary>
    public int[] CharFirst { get; }

    public ushort[] CharStates { get; }

    /// <summary>The emission of <see cref="CharStates"/>[k] for its character.</summary>
    public double[] CharEmits { get; }

    /// <summary>B, M, E or S.</summary>
    public char[] Kinds { get; }

    /// <summary>The POS part of each state name (<c>nr</c> of <c>B-nr</c>).</summary>
    public string[] Poses { get; }

    /// <summary>The order of the state names under the invariant culture, for jieba.NET's tie-break.</summary>
    public int[] Ranks { get; }

    public double Emit(int state, char c)
    {
        var index = Array.BinarySearch(EmitChars, EmitFirst[state], EmitFirst[state + 1] - EmitFirst[state], c);
        return index >= 0 ? EmitProbs[index] : BmesModel.MinProb;
    }

    public static PosHmmModel Load(Stream startJson, Stream transitionsJson, Stream emissionsJson, Stream charStateJson)
    {
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Intern(string name)
        {
            if (!index.TryGetValue(name, out var id))
            {
                id = names.Count;
                index[name] = id;
                names.Add(name);
            }

            return id;
        }

        var startByName = new Dictionary<string, double>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(startJson))
        {
            foreach (var state in document.RootElement.EnumerateObject())
            {
                Intern(state.Name);
                startByName[state.Name] = state.Value.GetDouble();
            }
        }

        var transitionList = new List<(string From, string To, double P)>();
        var fromWithEntries = new HashSet<string>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(transitionsJson))
        {
            foreach (var from in document.RootElement.EnumerateObject())
            {
                Intern(from.Name);
                foreach (var to in from.Value.EnumerateObject())
                {
                    Intern(to.Name);
                    transitionList.Add((from.Name, to.Name, to.Value.GetDouble()));
                    fromWithEntries.Add(from.Name);
                }
            }
        }

        var emitByState = new Dictionary<int, SortedDictionary<char, double>>();
        using (var document = JsonDocument.Parse(emissionsJson))
        {
            foreach (var state in document.RootElement.EnumerateObject())
            {
                var sorted = new SortedDictionary<char, double>();
                foreach (var entry in state.Value.EnumerateObject())
                {
                    sorted[BmesModel.SingleChar(entry.Name)] = entry.Value.GetDouble();
                }

                emitByState[Intern(state.Name)] = sorted;
            }
        }

        var statesByChar = new SortedDictionary<char, List<int>>();
        using (var document = JsonDocument.Parse(charStateJson))
        {
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                var list = new List<int>();
                foreach (var state in entry.Value.EnumerateArray())
                {
                    var id = Intern(state.GetString() ?? throw new InvalidDataException("null state in char_state_tab.json."));
                    if (!list.Contains(id))
                    {
                        list.Add(id);
                    }
                }

                statesByChar[BmesModel.SingleChar(entry.Name)] = list;
            }
        }

        var count = names.Count;
        var start = new double[count];
        for (var i = 0; i < count; i++)
        {
            start[i] = startByName.TryGetValue(names[i], out var p) ? p : BmesModel.MinProb;
        }

        var transitions = new double[count * count];
        Array.Fill(transitions, double.MinValue);
        var explicitPairs = new bool[count * count];
        foreach (var (from, to, p) in transitionList)
        {
            transitions[index[from] * count + index[to]] = p;
            explicitPairs[index[from] * count + index[to]] = true;
        }

        var emitFirst = new int[count + 1];
        var emitChars = new List<char>();
        var emitProbs = new List<double>();
        for (var i = 0; i < count; i++)
        {
            emitFirst[i] = emitChars.Count;
            if (emitByState.TryGetValue(i, out var sorted))
            {
                foreach (var (c, p) in sorted)
                {
                    emitChars.Add(c);
                    emitProbs.Add(p);
                }
            }
        }

        emitFirst[count] = emitChars.Count;
        var charFirst = new int[char.MaxValue + 2];
        var charStates = new List<ushort>();
        var next = 0;
        foreach (var (c, list) in statesByChar)
        {
            for (; next <= c; next++)
            {
                charFirst[next] = charStates.Count;
            }

            charStates.AddRange(list.Select(s => (ushort)s));
        }

        for (; next < charFirst.Length; next++)
        {
            charFirst[next] = charStates.Count;
        }

        var model = new PosHmmModel([.. names], start, transitions, emitFirst, [.. emitChars], [.. emitProbs], charFirst, [.. charStates]);
        model.SetExplicitTransitions(explicitPairs);
        return model;
    }

    /// <summary>Records which transitions have an entry in pos_prob_trans.json (a stored value may equal <see cref="double.MinValue"/> only by accident).</summary>
    internal void SetExplicitTransitions(bool[] explicitPairs)
    {
        var count = StateCount;
        Array.Clear(Successors);
        for (var from = 0; from < count; from++)
        {
            var any = false;
            for (var to = 0; to < count; to++)
            {
                if (explicitPairs[from * count + to])
                {
                    Successors[from * Words + (to >> 6)] |= 1UL << (to & 63);
                    any = true;
                }
            }

            HasTransitions[from] = any;
        }
    }

    /// <summary>The explicit transition pairs, for the binary cache.</summary>
    internal bool[] ExplicitTransitions()
    {
        var count = StateCount;
        var pairs = new bool[count * count];
        for (var from = 0; from < count; from++)
        {
            for (var to = 0; to < count; to++)
            {
                pairs[from * count + to] = (Successors[from * Words + (to >> 6)] & (1UL << (to & 63))) != 0;
            }
        }

        return pairs;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StateCount} POS HMM states");
}
