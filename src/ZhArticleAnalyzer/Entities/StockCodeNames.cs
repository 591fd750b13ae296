using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// A listed company's short name is written before its stock code: 东利机械(301298), 贵州茅台(600519.SH),
/// 腾讯控股(00700.HK), 亚玛顿(股票代码:002623). Short names are three or four characters (TCL科技 five), so
/// the name is the nearest such run before the bracket that starts where a token starts (上市公司东利机械 →
/// 东利机械, 公司亚玛顿 → 亚玛顿).
/// </summary>
internal static class StockCodeNames
{
    /// <summary>Name lengths tried, most likely first.</summary>
    private static readonly int[] NameLengths = [4, 3, 5, 6];

    public static void Find(string normalized, ReadOnlySpan<Token> tokens, List<EntityCandidate> result)
    {
        for (var open = normalized.IndexOf('('); open >= 0; open = normalized.IndexOf('(', open + 1))
        {
            if (open < 3 || !IsStockCode(normalized.AsSpan(open + 1)))
            {
                continue;
            }

            var run = 0;
            while (run < 6 && open - run - 1 >= 0 && IsNameChar(normalized[open - run - 1]))
            {
                run++;
            }

            foreach (var length in NameLengths)
            {
                var start = open - length;
                // 12日周大生(002867): a name does not start with the character that ends a number.
                if (length <= run && TokenLocator.Covering(tokens, start) is var at && at >= 0 && tokens[at].Span.Start == start && HasCjk(normalized.AsSpan(start, length))
                    && !(start > 0 && char.IsAsciiDigit(normalized[start - 1])))
                {
                    result.Add(new EntityCandidate(new TextSpan(start, open), EntityType.Organization, null, 0.9, EntitySource.Pattern));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Whether the text after an opening bracket is a stock code and the closing bracket: six digits (mainland
    /// markets) with an optional exchange suffix or a ",股吧" tag, or four or five digits with .HK (a bare
    /// four-digit number in brackets is mostly a year: 报告(2021)).
    /// </summary>
    internal static bool IsStockCode(ReadOnlySpan<char> afterOpen)
    {
        foreach (var label in (ReadOnlySpan<string>)["股票代码:", "证券代码:", "代码:"])
        {
            if (afterOpen.StartsWith(label, StringComparison.Ordinal))
            {
                afterOpen = afterOpen[label.Length..];
                break;
            }
        }

        var digits = 0;
        while (digits < afterOpen.Length && char.IsAsciiDigit(afterOpen[digits]))
        {
            digits++;
        }

        var rest = afterOpen[digits..];
        if (digits is 4 or 5)
        {
            return rest.StartsWith(".HK)", StringComparison.Ordinal);
        }

        if (digits != 6)
        {
            return false;
        }

        if (rest.Length >= 3 && rest[0] == '.' && char.IsAsciiLetterUpper(rest[1]) && char.IsAsciiLetterUpper(rest[2]))
        {
            rest = rest[3..];
        }
        else if (rest.StartsWith(",股吧", StringComparison.Ordinal))
        {
            rest = rest[3..];
        }

        return rest.Length > 0 && rest[0] == ')';
    }

    private static bool IsNameChar(char c) => CharacterClass.IsHan(c) || char.IsAsciiLetter(c);

    private static bool HasCjk(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (CharacterClass.IsHan(c))
            {
                return true;
            }
        }

        return false;
    }
}
