using System.Text.RegularExpressions;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>The product-model rules of <see cref="EntityPatterns"/>: Latin model names by a product cue, model numbers and model codes after a maker.</summary>
internal static partial class EntityPatterns
{
    /// <summary>
    /// Model names next to gazetteer names: a Latin product name followed by a model number or variant (iPhone 12, iQOO Neo5,
    /// iPhone 11 Pro; not 天猫 618) names that model, and the longer name wins over the gazetteer's; a model code written right after a
    /// maker (小鹏P5, 奥迪A4L, 沃尔沃XC60) is a product of its own (the maker stays an organisation), and one right after a
    /// product series is part of it (问界M7), unless it is a period code (伊利Q3) or a gazetteer name itself (英伟达H20).
    /// Adds them to <paramref name="result"/>.
    /// </summary>
    public static void ProductModels(string normalized, List<EntityCandidate> gazetteerMatches, List<EntityCandidate> result)
    {
        for (var i = 0; i < gazetteerMatches.Count; i++)
        {
            var m = gazetteerMatches[i];
            var end = m.Span.End;
            if (end + 1 >= normalized.Length)
            {
                continue;
            }

            if (m.Type == EntityType.Product && normalized[end] is ' ' or '\u00A0' && char.IsAsciiLetterOrDigit(normalized[end - 1]) && ModelSuffixLength(normalized, end) is > 0 and var length)
            {
                result.Add(new EntityCandidate(new TextSpan(m.Span.Start, end + length), EntityType.Product, null, 0.8, EntitySource.Pattern));
            }
            else if (m.Type == EntityType.Product && !char.IsAsciiLetterOrDigit(normalized[end - 1]) && char.IsAsciiLetterUpper(normalized[end])
                     && ModelCodeLength(normalized, end) is > 0 and var seriesCodeLength && !IsPeriodCode(normalized.AsSpan(end, seriesCodeLength))
                     && !(i + 1 < gazetteerMatches.Count && gazetteerMatches[i + 1].Span.Start == end))
            {
                // A model code right after a product series names that model (问界M7, 腾势D9): one product, not the series alone.
                var codeEnd = end + seriesCodeLength;
                codeEnd += codeEnd < normalized.Length && normalized[codeEnd] is ' ' or '\u00A0' ? ModelSuffixLength(normalized, codeEnd) : 0;
                result.Add(new EntityCandidate(new TextSpan(m.Span.Start, codeEnd), EntityType.Product, null, 0.8, EntitySource.Pattern));
            }
            else if (m.Type == EntityType.Organization && char.IsAsciiLetterUpper(normalized[end]) && ModelCodeLength(normalized, end) is > 0 and var codeLength
                     && !IsPeriodCode(normalized.AsSpan(end, codeLength)) && !(i + 1 < gazetteerMatches.Count && gazetteerMatches[i + 1].Span.Start == end))
            {
                var codeEnd = end + codeLength;
                codeEnd += codeEnd < normalized.Length && normalized[codeEnd] is ' ' or '\u00A0' ? ModelSuffixLength(normalized, codeEnd) : 0;
                result.Add(new EntityCandidate(new TextSpan(end, codeEnd), EntityType.Product, null, 0.75, EntitySource.Pattern));
            }
        }
    }

    /// <summary>The length of a model code (P5, A4L, XC60, ES8) that starts at <paramref name="at"/>, else 0; a rank (TOP1, NO1) is none.</summary>
    private static int ModelCodeLength(string normalized, int at)
    {
        var rest = normalized.AsSpan(at);
        if (rest.StartsWith("TOP", StringComparison.Ordinal) || rest.StartsWith("NO", StringComparison.Ordinal))
        {
            return 0;
        }

        foreach (var m in ModelCodeRegex().EnumerateMatches(rest))
        {
            return m.Length;
        }

        return 0;
    }

    /// <summary>
    /// A model name has a digit or at least three characters (ES6, AVP; not AI in AI芯片) and is no category (LED产品,
    /// MCU芯片, SUV车型), a period code (Q3) nor an organisation the gazetteer knows (ASML). Its model number or variant after a space is
    /// part of it (Model 3, BEIJING X5).
    /// </summary>
    private static void AddModelName(string normalized, TextSpan span, IReadOnlyList<EntityCandidate>? gazetteerMatches, List<EntityCandidate> result)
    {
        var name = normalized.AsSpan(span.Start, span.Length);
        if ((name.Length < 3 && !name.ContainsAnyInRange('0', '9')) || GenericLatinTerms.Contains(name) || IsPeriodCode(name) || IsGazetteerOrganization(span, gazetteerMatches))
        {
            return;
        }

        var end = span.End < normalized.Length && normalized[span.End] is ' ' or '\u00A0' ? span.End + ModelSuffixLength(normalized, span.End) : span.End;
        result.Add(new EntityCandidate(new TextSpan(span.Start, end), EntityType.Product, null, 0.7, EntitySource.Pattern));
    }

    private static bool IsGazetteerOrganization(TextSpan span, IReadOnlyList<EntityCandidate>? gazetteerMatches)
    {
        if (gazetteerMatches is null)
        {
            return false;
        }

        foreach (var m in gazetteerMatches)
        {
            if (m.Span == span && m.Type == EntityType.Organization)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The length of the model number or variant that starts at <paramref name="at"/> with a space (" 12", " Neo5 Pro", " Y"), else 0.</summary>
    private static int ModelSuffixLength(string normalized, int at)
    {
        foreach (var m in ModelSuffixRegex().EnumerateMatches(normalized.AsSpan(at)))
        {
            return m.Length;
        }

        return 0;
    }

    /// <summary>
    /// After a space (or a no-break space): up to three parts, each a number with letters around it (12, X5, Neo5, 11), a capital letter
    /// alone (Model Y), a series word before a number (Fold 3, Note 20), a drive code (宋PLUS DM-i, 秦PLUS EV) or a variant word;
    /// not a year or an amount (iPhone 2022年, 12亿).
    /// </summary>
    [GeneratedRegex("\\G(?:[ \u00A0](?:[A-Z]{0,3}[0-9]{1,4}[A-Za-z]{0,3}|[A-Z][a-z]{1,5}[0-9]{1,3}|[A-Z][a-z]{1,5}(?=[ \u00A0][0-9])|[A-Z]|[A-Z]{1,3}-[A-Za-z]{1,2}|EV|PHEV|EREV|DM|Pro|Max|Plus|Ultra|Mini|mini|SE|Air)(?![A-Za-z0-9.年月日季万亿元%])){1,3}")]
    private static partial Regex ModelSuffixRegex();

    [GeneratedRegex("\\G[A-Z]{1,3}[0-9]{1,3}[A-Za-z]?(?![A-Za-z0-9.年月日季万亿元%])")]
    private static partial Regex ModelCodeRegex();
}
