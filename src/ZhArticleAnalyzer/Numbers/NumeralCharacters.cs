namespace ZhArticleAnalyzer.Numbers;

/// <summary>
/// What each numeral character means: Chinese digits (simplified, traditional and the financial
/// capitals), the small units 十百千 and the scales 万亿兆. Text is read after
/// <see cref="Text.CharNormalizer"/>, so full-width digits are already ASCII.
/// </summary>
internal static class NumeralCharacters
{
    private const byte Numeral = 1;
    private const byte Unit = 2;

    /// <summary>One byte of flags per UTF-16 code unit: a single array load on the hot path.</summary>
    private static readonly byte[] Flags = BuildFlags();

    /// <summary>Every character a Chinese numeral may contain.</summary>
    public static string ChineseNumeralChars => "零〇一壹幺二两兩倆俩贰貳弍三叁參叄弎四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億兆廿卅卌";
    /// <summary>The value of a Chinese digit (零〇一二两…九, 壹贰…玖), else -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' or '幺' => 1,
        '二' or '两' or '兩' or '倆' or '俩' or '贰' or '貳' or '弍' => 2,
        '三' or '叁' or '參' or '叄' or '弎' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' or '陸' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    /// <summary>A digit that may follow 点 in a decimal part (两 may not: 两百点两 is 200 and 2).</summary>
    public static bool IsDecimalDigit(char c) => char.IsAsciiDigit(c) || (DigitValue(c) >= 0 && c is not ('两' or '兩' or '倆' or '俩'));

    /// <summary>十 = 10, 百 = 100, 千 = 1000 (and 拾佰仟), else 0.</summary>
    public static int SmallUnitValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        _ => 0,
    };

    /// <summary>万 = 10⁴, 亿 = 10⁸, 兆 = 10¹² (and 萬億), else 0.</summary>
    public static decimal ScaleValue(char c) => c switch
    {
        '万' or '萬' => 10_000m,
        '亿' or '億' => 100_000_000m,
        '兆' => 1_000_000_000_000m,
        _ => 0m,
    };

    /// <summary>廿 = 20, 卅 = 30, 卌 = 40, else 0.</summary>
    public static int TensValue(char c) => c switch
    {
        '廿' => 20,
        '卅' => 30,
        '卌' => 40,
        _ => 0,
    };

    public static bool IsUnit(char c) => (Flags[c] & Unit) != 0;

    /// <summary>Any Chinese numeral character: digit, unit, scale, 廿卅.</summary>
    public static bool IsChineseNumeral(char c) => (Flags[c] & Numeral) != 0;

    private static byte[] BuildFlags()
    {
        var flags = new byte[char.MaxValue + 1];
        foreach (var c in ChineseNumeralChars)
        {
            flags[c] = Numeral;
            if (SmallUnitValue(c) > 0 || ScaleValue(c) > 0)
            {
                flags[c] |= Unit;
            }
        }

        return flags;
    }

    /// <summary>The financial capitals (壹贰叁肆伍陆柒捌玖拾佰仟), which alone are usually parts of words.</summary>
    public static bool IsFinancialOnly(char c) => "壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟".Contains(c, StringComparison.Ordinal);

    public static bool IsPoint(char c) => c is '点' or '點';

    public static bool IsNegativeWord(char c) => c is '负' or '負';

    /// <summary>余/多/几 inside a numeral before a unit (十余万, 一千多万, 二十几万).</summary>
    public static bool IsVagueInfix(char c) => c is '余' or '多' or '几' or '幾' or '餘';
}
