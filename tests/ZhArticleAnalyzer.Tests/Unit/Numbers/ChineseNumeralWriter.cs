using System.Globalization;
using System.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Numbers;

/// <summary>Writes a decimal in standard Chinese numerals (一万零五亿, 三千零二点零五), for round-trip tests.</summary>
internal static class ChineseNumeralWriter
{
    private const string Digits = "零一二三四五六七八九";

    public static string Write(decimal value)
    {
        var builder = new StringBuilder();
        if (value < 0)
        {
            builder.Append('负');
            value = -value;
        }

        var integer = decimal.Truncate(value);
        builder.Append(WriteInteger(integer));
        var fraction = (value - integer).ToString(CultureInfo.InvariantCulture);
        if (value != integer)
        {
            builder.Append('点');
            foreach (var c in fraction[(fraction.IndexOf('.', StringComparison.Ordinal) + 1)..].TrimEnd('0'))
            {
                builder.Append(Digits[c - '0']);
            }
        }

        return builder.ToString();
    }

    private static string WriteInteger(decimal n)
    {
        if (n >= 100_000_000m)
        {
            var high = decimal.Truncate(n / 100_000_000m);
            var rest = n - (high * 100_000_000m);
            return WriteInteger(high) + "亿" + (rest == 0 ? string.Empty : (rest < 10_000_000m ? "零" : string.Empty) + WriteInteger(rest));
        }

        if (n >= 10_000m)
        {
            var high = decimal.Truncate(n / 10_000m);
            var rest = n - (high * 10_000m);
            return WriteGroup((int)high) + "万" + (rest == 0 ? string.Empty : (rest < 1000 ? "零" : string.Empty) + WriteGroup((int)rest));
        }

        return n == 0 ? "零" : WriteGroup((int)n);
    }

    private static string WriteGroup(int n)
    {
        var builder = new StringBuilder();
        var pendingZero = false;
        (int Unit, char Name)[] places = [(1000, '千'), (100, '百'), (10, '十'), (1, '\0')];
        foreach (var (unit, name) in places)
        {
            var digit = n / unit % 10;
            if (digit == 0)
            {
                pendingZero = builder.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                builder.Append('零');
                pendingZero = false;
            }

            builder.Append(Digits[digit]);
            if (name != '\0')
            {
                builder.Append(name);
            }
        }

        return builder.ToString();
    }
}
