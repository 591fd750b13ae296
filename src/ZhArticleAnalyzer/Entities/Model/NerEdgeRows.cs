namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Which rows of <see cref="NerEdges"/> the label pair between two characters reads: one for the
/// second character and one for the first. Characters (normalised, <see cref="CharFeatureExtractor.NormalizeChar"/>)
/// outside the kept set share row 0 of their kind.
/// </summary>
internal sealed class NerEdgeRows
{
    private readonly ushort[] _index = new ushort[char.MaxValue + 1];   // 1 + the character's rank among the kept ones, 0 when not kept

    public NerEdgeRows(IReadOnlyList<char> characters)
    {
        if (characters.Count >= ushort.MaxValue)
        {
            throw new ArgumentException("too many edge characters.", nameof(characters));
        }

        Characters = characters;
        for (var i = 0; i < characters.Count; i++)
        {
            _index[characters[i]] = (ushort)(i + 1);
        }
    }

    /// <summary>The kept characters in row order.</summary>
    public IReadOnlyList<char> Characters { get; }

    public int Count => 2 * (Characters.Count + 1);

    /// <summary>The rows of the pair (<paramref name="previous"/>, <paramref name="current"/>), both normalised.</summary>
    public (int Current, int Previous) RowsAt(char previous, char current) =>
        (_index[current], Characters.Count + 1 + _index[previous]);
}
