using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Numbers;

/// <summary>Numerals that belong to names and codes (H20, 5G, stock codes, web addresses) are no quantities.</summary>
internal sealed partial class QuantityExtractor
{
    /// <summary>Codes and names: H20, 5G, GPT-4, Qwen3, 1+6+N, stock codes 600519.SH, （688059）.</summary>
    private bool IsInsideCode(string text, RawAmount amount)
    {
        var before = amount.NumberStart - 1;
        if (before >= 0 && (char.IsAsciiLetter(text[before]) || text[before] is '_' or '#' or '@' or '&'))
        {
            // ROE3.65%, PB1.0/0.75倍: a metric name glued to its value; H20, Qwen3: a name.
            var listed = amount.End + 1 < text.Length && text[amount.End] == '/' && char.IsAsciiDigit(text[amount.End + 1]);
            return !listed && PeekUnit(text, amount.End, amount) is null;
        }

        if (before >= 1 && text[before] == '-' && char.IsAsciiLetter(text[before - 1]))
        {
            return true;
        }

        if (before >= 1 && text[before] is '.' && char.IsAsciiLetter(text[before - 1]))
        {
            return true;
        }

        var after = amount.End;
        if (after < text.Length && char.IsAsciiLetter(text[after]) && !amount.IsChinese && char.IsAsciiDigit(text[after - 1]))
        {
            var unitHere = lexicon.Units.MatchAt(text, after) ?? (object?)lexicon.Currencies.MatchAt(text, after);
            if (unitHere is null || (after + 2 < text.Length && char.IsAsciiLetter(text[after + 2]) && unitHere is UnitWord { Surface.Length: <= 2 }))
            {
                return unitHere is null;
            }
        }

        if (after + 1 < text.Length && text[after] == '+' && (char.IsAsciiDigit(text[after + 1]) || char.IsAsciiLetter(text[after + 1])))
        {
            return true;
        }

        if (before >= 0 && text[before] == '+' && before >= 1 && (char.IsAsciiDigit(text[before - 1]) || char.IsAsciiLetter(text[before - 1])))
        {
            return true;
        }

        if (IsInsideUrl(text, amount.NumberStart))
        {
            return true;
        }

        // Stock codes: six digits with an exchange suffix or alone in brackets.
        var length = amount.End - amount.NumberStart;
        if (length == 6 && !amount.IsChinese)
        {
            if (after + 1 < text.Length && text[after] == '.' && char.IsAsciiLetter(text[after + 1]))
            {
                return true;
            }

            if (before >= 0 && text[before] is '(' or '（' && after < text.Length && text[after] is ')' or '）' or ',' or '，')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number inside a web address (…?q=30%25…).</summary>
    private static bool IsInsideUrl(string text, int position)
    {
        var k = position;
        while (k > 0 && position - k < 300 && text[k - 1] > ' ' && text[k - 1] < 0x7F)
        {
            k--;
        }

        var run = text.AsSpan(k, position - k);
        return run.Contains("://", StringComparison.Ordinal) || run.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }
}
