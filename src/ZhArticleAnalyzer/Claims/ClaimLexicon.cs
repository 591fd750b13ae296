using System.Numerics;
using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Segmentation;

namespace ZhArticleAnalyzer.Claims;

/// <summary>The words claim extraction reads: change verbs, metric terms and cue words, from dictionaries/.</summary>
internal sealed class ClaimLexicon
{
    private static readonly Lazy<ClaimLexicon> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private ClaimLexicon(TermSet<ChangeDirection> verbs, TermSet<bool> metrics, TermSet<CueRole> cues, TermSet<PeriodCueRole> periodCues, string? implicitSubject)
    {
        Verbs = verbs;
        Metrics = metrics;
        Cues = cues;
        PeriodCues = periodCues;
        ImplicitSubject = implicitSubject;
    }

    public static ClaimLexicon Instance => Shared.Value;

    public TermSet<ChangeDirection> Verbs { get; }

    public TermSet<bool> Metrics { get; }

    public TermSet<CueRole> Cues { get; }

    public TermSet<PeriodCueRole> PeriodCues { get; }

    /// <summary>The subject of a text that names none (公司: a research note's covered company).</summary>
    public string? ImplicitSubject { get; }

    private static ClaimLexicon Load()
    {
        var verbs = new Dictionary<string, ChangeDirection>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.ReadDataLines("claims/change-verbs.tsv"))
        {
            var columns = line.Split('\t');
            verbs[columns[0]] = Enum.Parse<ChangeDirection>(columns[1], ignoreCase: true);
        }

        var metrics = EmbeddedData.ReadDataLines("terms/metrics.tsv").Select(l => l.Split('\t')[0]).ToDictionary(t => t, _ => true, StringComparer.Ordinal);
        var cues = new Dictionary<string, CueRole>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.ReadDataLines("claims/cues.tsv"))
        {
            var columns = line.Split('\t');
            cues[columns[0]] = Enum.Parse<CueRole>(columns[1], ignoreCase: true);
        }

        var periodCues = new Dictionary<string, PeriodCueRole>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.ReadDataLines("claims/period-cues.tsv"))
        {
            var columns = line.Split('\t');
            periodCues[columns[0]] = Enum.Parse<PeriodCueRole>(columns[1], ignoreCase: true);
        }

        var implicitSubject = cues.Where(c => c.Value == CueRole.Implicit).Select(c => c.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        return new ClaimLexicon(new TermSet<ChangeDirection>(verbs), new TermSet<bool>(metrics), new TermSet<CueRole>(cues), new TermSet<PeriodCueRole>(periodCues), implicitSubject);
    }
}

/// <summary>What a cue word tells about a claim.</summary>
internal enum CueRole
{
    Plan,
    Comparison,
    Share,
    From,
    To,
    Pronoun,
    Basis,
    Implicit,
    Growth,
    Fall,
    Oblique,
    Demonstrative,
    Word,
    Segment,
    Announce,
    Span,
    Achieve,
    Conversion,
}

/// <summary>What a word next to a time tells about it (dictionaries/claims/period-cues.tsv).</summary>
internal enum PeriodCueRole
{
    Shift,
    Base,
    Event,
    Delivery,
    Local,
}

/// <summary>
/// A set of terms with values, matched on spans: longest term starting at a position, or the term that
/// ends nearest before one. The claim rules ask about the same positions again and again, so a lookup is
/// a walk down a character trie (most positions stop at its first table read), not a hash per length.
/// </summary>
internal sealed class TermSet<T>
{
    private readonly FrozenCharTrie<T> _terms;

    public TermSet(IDictionary<string, T> terms)
    {
        _terms = new FrozenCharTrie<T>(terms.Select(t => (t.Key, t.Value)));
        MaxLength = _terms.MaxLength;
        if (MaxLength >= 32)
        {
            throw new ArgumentException("terms of 32 characters or more do not fit the length masks", nameof(terms));
        }
    }

    public int MaxLength { get; }

    public bool TryGet(ReadOnlySpan<char> term, out T value) => _terms.TryGet(term, out value);

    /// <summary>The longest term starting at <paramref name="start"/> and ending at or before <paramref name="limit"/>.</summary>
    public (int Length, T Value)? LongestAt(ReadOnlySpan<char> text, int start, int limit)
    {
        if (start < 0 || start >= text.Length)
        {
            return null;
        }

        var lengths = _terms.LengthsAt(text, start, limit);
        if (lengths == 0)
        {
            return null;
        }

        var length = 31 - BitOperations.LeadingZeroCount(lengths);
        _terms.TryGet(text.Slice(start, length), out var value);
        return (length, value);
    }

    /// <summary>The term that ends nearest to <paramref name="end"/> inside [<paramref name="start"/>, <paramref name="end"/>), longest first.</summary>
    public (int Start, int Length, T Value)? LastBefore(ReadOnlySpan<char> text, int start, int end)
    {
        start = Math.Max(0, start);
        end = Math.Min(text.Length, end);
        var bestStart = -1;
        var bestEnd = -1;

        // A term that ends at e starts at or after e − MaxLength: below that no start can beat the best.
        for (var position = end - 1; position >= start && position >= bestEnd - MaxLength; position--)
        {
            var lengths = _terms.LengthsAt(text, position, end);
            if (lengths == 0)
            {
                continue;
            }

            var termEnd = position + 31 - BitOperations.LeadingZeroCount(lengths);
            if (termEnd >= bestEnd)
            {
                // The same end from an earlier start is a longer term.
                bestEnd = termEnd;
                bestStart = position;
            }
        }

        if (bestStart < 0)
        {
            return null;
        }

        var length = bestEnd - bestStart;
        _terms.TryGet(text.Slice(bestStart, length), out var value);
        return (bestStart, length, value);
    }
}
