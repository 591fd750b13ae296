namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Which rows of <see cref="NerEdges"/> the label pair between two characters reads: one for the
/// second character, one for the first, and with <see cref="BigramBits"/> one hashed row for the two
/// together. Characters (normalised, <see cref="CharFeatureExtractor.NormalizeChar"/>) outside the kept set share row 0 of their kind.
/// </summary>
internal sealed class NerEdgeRows
{
    private readonly ushort[] _index = new ushort[char.MaxValue + 1];   // 1 + the character's rank among the kept ones, 0 when not kept

    public NerEdgeRows(IReadOnlyList<char> characters, int bigramBits)
    {
        if (characters.Count >= ushort.MaxValue || bigramBits is < 0 or > 20)
        {
            throw new ArgumentException("too many edge characters or pair rows.");
        }

        Characters = characters;
        BigramBits = bigramBits;
        for (var i = 0; i < characters.Count; i++)
        {
            _index[characters[i]] = (ushort)(i + 1);
        }
    }

    /// <summary>The kept characters in row order.</summary>
    public IReadOnlyList<char> Characters { get; }

    /// <summary>log2 of the hashed character-pair rows (0: none).</summary>
    public int BigramBits { get; }

    /// <summary>Rows read per position.</summary>
    public int PerPosition => BigramBits == 0 ? 2 : 3;

    public int Count => (2 * (Characters.Count + 1)) + (BigramBits == 0 ? 0 : 1 << BigramBits);

    /// <summary>The rows of the pair (<paramref name="previous"/>, <paramref name="current"/>), both normalised, into <paramref name="rows"/> (<see cref="PerPosition"/> of them).</summary>
    public void RowsAt(char previous, char current, Span<int> rows)
    {
        var characterRows = Characters.Count + 1;
        rows[0] = _index[current];
        rows[1] = characterRows + _index[previous];
        if (BigramBits > 0)
        {
            var h = ((uint)previous * 0x9E3779B1u) ^ ((uint)current * 0x85EBCA77u);
            h ^= h >> 15;
            h *= 0x2C1B3C6Du;
            h ^= h >> 12;
            rows[2] = (2 * characterRows) + (int)(h & ((1u << BigramBits) - 1));
        }
    }
}
