using System.Collections.Frozen;
using ZhArticleAnalyzer.Segmentation;

namespace ZhArticleAnalyzer.Numbers;

/// <summary>A unit word after a number: what kind of quantity it makes and the unit to report.</summary>
internal sealed record UnitWord(string Surface, QuantityKind Kind, string? Unit, bool CountsItself);

/// <summary>A hedge word before or after a number.</summary>
internal sealed record HedgeWord(string Surface, bool Before, QuantityQualifier? Qualifier);

/// <summary>A currency name or symbol and its ISO 4217 code.</summary>
internal sealed record CurrencyWord(string Surface, string Code, bool Prefix);

/// <summary>
/// The language data of the number rules, read once from the embedded TSV files under
/// <c>dictionaries/numbers/</c>: currencies, measure words, hedges, idioms that are no numbers,
/// and the words that mark a bare 万/亿 amount as money.
/// </summary>
internal sealed class NumberLexicon
{
    private static readonly Lazy<NumberLexicon> Lazy = new(Load);

    private NumberLexicon(
        CurrencyWord[] currencies, UnitWord[] units, HedgeWord[] hedges, FrozenDictionary<char, string[]> notNumbers, string[] moneyCues)
    {
        Currencies = new WordIndex<CurrencyWord>(currencies, c => c.Surface);
        Units = new WordIndex<UnitWord>(units, u => u.Surface);
        Hedges = new WordIndex<HedgeWord>(hedges, h => h.Surface);
        NotNumbersByFirstChar = notNumbers;
        NotNumberFirstChars = System.Buffers.SearchValues.Create([.. notNumbers.Keys]);
        MoneyCues = moneyCues;
    }

    public static NumberLexicon Default => Lazy.Value;

    /// <summary>Currencies, longest first.</summary>
    public WordIndex<CurrencyWord> Currencies { get; }

    /// <summary>Measure words and unit words, longest first.</summary>
    public WordIndex<UnitWord> Units { get; }

    /// <summary>Hedge words, longest first.</summary>
    public WordIndex<HedgeWord> Hedges { get; }

    /// <summary>Idioms and set phrases holding numeral characters, by their first character.</summary>
    public FrozenDictionary<char, string[]> NotNumbersByFirstChar { get; }

    /// <summary>The first characters of <see cref="NotNumbersByFirstChar"/>, for a vectorised skip.</summary>
    public System.Buffers.SearchValues<char> NotNumberFirstChars { get; }

    /// <summary>Words that make a bare 万 amount money.</summary>
    public string[] MoneyCues { get; }

    private static NumberLexicon Load()
    {
        var currencies = Rows("numbers/currencies.tsv")
            .Select(r => new CurrencyWord(r[0], r[1], r.Length > 2 && r[2] == "prefix"))
            .OrderByDescending(c => c.Surface.Length).ToArray();
        var units = Rows("numbers/measure-words.tsv")
            .Select(r => new UnitWord(
                r[0],
                Enum.Parse<QuantityKind>(r[1]),
                r.Length > 2 && r[2].Length > 0 ? r[2] : null,
                r.Length > 3 && r[3] == "self"))
            .OrderByDescending(u => u.Surface.Length).ToArray();
        var hedges = Rows("numbers/hedges.tsv")
            .Select(r => new HedgeWord(r[0], r[1] == "before", r[2] == "none" ? null : Enum.Parse<QuantityQualifier>(r[2], ignoreCase: true)))
            .OrderByDescending(h => h.Surface.Length).ToArray();
        var notNumbers = Rows("numbers/not-numbers.tsv")
            .Select(r => r[0])
            .GroupBy(w => w[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray());
        var cues = Rows("numbers/money-cues.tsv").Select(r => r[0]).ToArray();
        return new NumberLexicon(currencies, units, hedges, notNumbers, cues);
    }

    private static IEnumerable<string[]> Rows(string name) =>
        EmbeddedData.ReadDataLines(name).Select(line => line.Split('\t')).Where(r => r[0].Length > 0);
}
