using System.Collections.Frozen;
using System.Runtime.CompilerServices;
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
/// A set of terms with values, matched on spans: longest term ending at, or starting at, a position. On a
/// document's text the lengths of the terms that start at each position are worked out once and kept with the
/// text, because the claim rules ask about the same positions again and again.
/// </summary>
internal sealed class TermSet<T>
{
    private const uint Known = 1;

    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _terms;
    private readonly ConditionalWeakTable<string, uint[]> _lengths = [];

    [ThreadStatic]
    private static LastText? _last;

    public TermSet(IDictionary<string, T> terms)
    {
        var frozen = terms.ToFrozenDictionary(StringComparer.Ordinal);
        _terms = frozen.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxLength = terms.Count == 0 ? 0 : terms.Keys.Max(k => k.Length);
        if (MaxLength >= 32)
        {
            throw new ArgumentException("terms of 32 characters or more do not fit the length masks", nameof(terms));
        }
    }

    public int MaxLength { get; }

    public bool TryGet(ReadOnlySpan<char> term, out T value) => _terms.TryGetValue(term, out value!);

    /// <summary>The longest term starting at <paramref name="start"/> and ending at or before <paramref name="limit"/>.</summary>
    public (int Length, T Value)? LongestAt(ReadOnlySpan<char> text, int start, int limit)
    {
        for (var length = Math.Min(MaxLength, limit - start); length > 0; length--)
        {
            if (_terms.TryGetValue(text.Slice(start, length), out var value))
            {
                return (length, value);
            }
        }

        return null;
    }

    /// <inheritdoc cref="LongestAt(ReadOnlySpan{char}, int, int)"/>
    public (int Length, T Value)? LongestAt(string text, int start, int limit)
    {
        if (start < 0 || start >= text.Length)
        {
            return null;
        }

        var lengths = LengthsAt(text, Masks(text), start);
        for (var length = Math.Min(MaxLength, limit - start); length > 0; length--)
        {
            if ((lengths & (1u << length)) != 0 && _terms.TryGetValue(text.AsSpan(start, length), out var value))
            {
                return (length, value);
            }
        }

        return null;
    }

    /// <summary>The term that ends nearest to <paramref name="end"/> inside [<paramref name="start"/>, <paramref name="end"/>), longest first.</summary>
    public (int Start, int Length, T Value)? LastBefore(ReadOnlySpan<char> text, int start, int end)
    {
        for (var termEnd = end; termEnd > start; termEnd--)
        {
            for (var length = Math.Min(MaxLength, termEnd - start); length > 0; length--)
            {
                if (_terms.TryGetValue(text.Slice(termEnd - length, length), out var value))
                {
                    return (termEnd - length, length, value);
                }
            }
        }

        return null;
    }

    /// <inheritdoc cref="LastBefore(ReadOnlySpan{char}, int, int)"/>
    public (int Start, int Length, T Value)? LastBefore(string text, int start, int end)
    {
        start = Math.Max(0, start);
        end = Math.Min(text.Length, end);
        var masks = Masks(text);
        for (var termEnd = end; termEnd > start; termEnd--)
        {
            for (var length = Math.Min(MaxLength, termEnd - start); length > 0; length--)
            {
                if ((LengthsAt(text, masks, termEnd - length) & (1u << length)) != 0 && _terms.TryGetValue(text.AsSpan(termEnd - length, length), out var value))
                {
                    return (termEnd - length, length, value);
                }
            }
        }

        return null;
    }

    private uint[] Masks(string text)
    {
        // The rules ask about one text many times in a row: remember its masks without the weak table's lookup.
        if (_last is { } last && ReferenceEquals(last.Owner, this) && ReferenceEquals(last.Text, text))
        {
            return last.Masks;
        }

        var masks = _lengths.GetValue(text, t => new uint[t.Length]);
        _last = new LastText(this, text, masks);
        return masks;
    }

    /// <summary>Bit k set: a term of length k starts at <paramref name="position"/>; bit 0 marks the position as worked out.</summary>
    private uint LengthsAt(string text, uint[] masks, int position)
    {
        var lengths = masks[position];
        if (lengths == 0)
        {
            lengths = Known;
            for (var length = Math.Min(MaxLength, text.Length - position); length > 0; length--)
            {
                if (_terms.TryGetValue(text.AsSpan(position, length), out _))
                {
                    lengths |= 1u << length;
                }
            }

            masks[position] = lengths;
        }

        return lengths;
    }

    private sealed record LastText(TermSet<T> Owner, string Text, uint[] Masks);
}
