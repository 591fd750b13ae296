using System.Globalization;

namespace ZhArticleAnalyzer.Times;

/// <summary>Fills the year a quarter, month or day leaves out, from the article's context or the anchor date.</summary>
internal static partial class TimeExtractor
{
    /// <summary>
    /// Fills the missing years. Quarters and halves take the article's first dated period when it comes before them
    /// (a comparison base such as 相比2018Q4 or 2020Q3同期 does not count), else the first year written alone before
    /// them (2022年业绩大增；Q4盈利下降), else the first dated period after them.
    /// Months and days take the nearest year of their own or the previous sentence (a year written alone
    /// only from before them, and from the previous sentence only when it opens it: 2021年，…。1月份，…),
    /// and once resolved they carry that year on (2020年3月30日…；5月28日…；9月29日…), to the next sentence and,
    /// for the same or a later month, further (see <see cref="YearOfEarlierMonth"/>).
    /// </summary>
    private static List<TimeExpression> Resolve(string text, List<TimeMatch> matches, Func<int, int> sentenceOf, DateOnly? anchor)
    {
        var firstDated = matches.FirstOrDefault(m => m.SetsContextYear);
        var firstPlainYear = matches.FirstOrDefault(m => m.IsPlainYear && m.Context == YearContext.Period);
        var dated = matches.Where(m => m.SetsContextYear || m.IsPlainYear)
            .Select(m => new DatedPeriod(m.Start, sentenceOf(m.Start), m.Year, BackwardOnly: !m.SetsContextYear, ReachesNextSentence: m.SetsContextYear || OpensSentence(text, m.Start, sentenceOf)))
            .ToList();
        var result = new List<TimeExpression>(matches.Count);
        foreach (var match in matches)
        {
            var sentence = sentenceOf(match.Start);
            var periodYear = firstDated is { } d && d.Start < match.Start ? d.Year
                : firstPlainYear is { } plain && plain.Start < match.Start ? plain.Year
                : firstDated?.Year ?? anchor?.Year;
            var value = match.Shape switch
            {
                TimeShape.Complete => match.Value,
                TimeShape.Quarter => periodYear is { } yq ? $"{yq}-Q{match.Part}" : null,
                TimeShape.QuarterRange => periodYear is { } yr ? $"{yr}-Q{match.Part}/{yr}-Q{match.LastPart}" : null,
                TimeShape.Half => periodYear is { } yh ? $"{yh}-H{match.Part}" : null,
                TimeShape.WholeYear => periodYear?.ToString(CultureInfo.InvariantCulture),
                TimeShape.Month => DayOrMonth(match, dated, sentence, anchor),
                TimeShape.Day => DayOrMonth(match, dated, sentence, anchor),
                TimeShape.Relative => anchor is { } a && match.Resolve is { } resolve ? resolve(a) : null,
                _ => null,
            };
            result.Add(new TimeExpression(new Text.TextSpan(match.Start, match.End), sentence, value));
        }

        return result;
    }

    private static string? DayOrMonth(TimeMatch match, List<DatedPeriod> dated, int sentence, DateOnly? anchor)
    {
        var year = NearbyYear(dated, match.Start, sentence) ?? YearOfEarlierMonth(dated, match);
        if (year is { } y)
        {
            // A resolved month or day dates its sentence for the next one.
            var at = dated.FindIndex(d => d.Start > match.Start);
            dated.Insert(at < 0 ? dated.Count : at, new DatedPeriod(match.Start, sentence, y, BackwardOnly: true, ReachesNextSentence: true, Month: match.Part));
        }

        if ((year ?? anchor?.Year) is not { } resolved)
        {
            return null;
        }

        return match.Shape == TimeShape.Day ? $"{resolved}-{match.Part:D2}-{match.DayOfMonth:D2}" : $"{resolved}-{match.Part:D2}";
    }

    /// <summary>The year of the nearest dated period in the same sentence, else the last one of the previous sentence.</summary>
    private static int? NearbyYear(List<DatedPeriod> dated, int start, int sentence)
    {
        // Binary search for the first dated period after start; look at it and the one before.
        int lo = 0, hi = dated.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (dated[mid].Start <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo > 0 && dated[lo - 1].Sentence == sentence)
        {
            return dated[lo - 1].Year;
        }

        // A year written alone after the date is often a forecast (1月17日发布研报，预计2021年…): only dated periods look back.
        for (var next = lo; next < dated.Count && dated[next].Sentence == sentence; next++)
        {
            if (!dated[next].BackwardOnly)
            {
                return dated[next].Year;
            }
        }

        return lo > 0 && dated[lo - 1].Sentence == sentence - 1 && dated[lo - 1].ReachesNextSentence ? dated[lo - 1].Year : null;
    }

    /// <summary>
    /// 1月份…(2021)；…一月份…；2月份…: far from any year, a month or day is in the year of the last month the
    /// article resolved before it when it is that month or a later one (the calendar runs forward); an
    /// earlier month may be a flashback or the next year, so it is left alone.
    /// </summary>
    private static int? YearOfEarlierMonth(List<DatedPeriod> dated, TimeMatch match)
    {
        for (var i = dated.Count - 1; i >= 0; i--)
        {
            if (dated[i].Start < match.Start && dated[i].Month > 0)
            {
                return dated[i].Month <= match.Part ? dated[i].Year : null;
            }
        }

        return null;
    }

    /// <summary>Only spaces and bullets stand between the sentence's start and the position.</summary>
    private static bool OpensSentence(string text, int start, Func<int, int> sentenceOf)
    {
        var sentence = sentenceOf(start);
        var k = start - 1;
        while (k >= 0 && sentenceOf(k) == sentence)
        {
            if (!char.IsWhiteSpace(text[k]) && text[k] is not ('■' or '●' or '◆' or '•' or '　'))
            {
                return false;
            }

            k--;
        }

        return true;
    }

    /// <summary>A period whose year is known, as context for the ones that leave it out; <c>Month</c> is the month of a resolved month or day, else 0.</summary>
    private readonly record struct DatedPeriod(int Start, int Sentence, int Year, bool BackwardOnly, bool ReachesNextSentence, int Month = 0);
}
