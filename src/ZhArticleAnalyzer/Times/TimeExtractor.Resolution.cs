using System.Collections.Frozen;
using System.Globalization;
using ZhArticleAnalyzer.Numbers;

namespace ZhArticleAnalyzer.Times;

/// <summary>Fills the year a quarter, month or day leaves out, from the article's context or the anchor date.</summary>
internal static partial class TimeExtractor
{
    /// <summary>Fills the missing years: quarters from the article's first dated period, months and days from their own or the previous sentence.</summary>
    private static List<TimeExpression> Resolve(List<TimeMatch> matches, Func<int, int> sentenceOf, DateOnly? anchor)
    {
        var documentYear = matches.FirstOrDefault(m => m.SetsContextYear)?.Year;
        var dated = matches.Where(m => m.SetsContextYear).Select(m => (m.Start, Sentence: sentenceOf(m.Start), m.Year)).ToArray();
        var result = new List<TimeExpression>(matches.Count);
        foreach (var match in matches)
        {
            var sentence = sentenceOf(match.Start);
            var value = match.Shape switch
            {
                TimeShape.Complete => match.Value,
                TimeShape.Quarter => (documentYear ?? anchor?.Year) is { } yq ? $"{yq}-Q{match.Part}" : null,
                TimeShape.Half => (documentYear ?? anchor?.Year) is { } yh ? $"{yh}-H{match.Part}" : null,
                TimeShape.WholeYear => (documentYear ?? anchor?.Year)?.ToString(CultureInfo.InvariantCulture),
                TimeShape.Month => (NearbyYear(dated, match.Start, sentence) ?? anchor?.Year) is { } ym ? $"{ym}-{match.Part:D2}" : null,
                TimeShape.Day => (NearbyYear(dated, match.Start, sentence) ?? anchor?.Year) is { } yd ? $"{yd}-{match.Part:D2}-{match.DayOfMonth:D2}" : null,
                TimeShape.Relative => anchor is { } a && match.Resolve is { } resolve ? resolve(a) : null,
                _ => null,
            };
            result.Add(new TimeExpression(new Text.TextSpan(match.Start, match.End), sentence, value));
        }

        return result;
    }

    /// <summary>The year of the nearest dated period in the same sentence, else the last one of the previous sentence.</summary>
    private static int? NearbyYear((int Start, int Sentence, int Year)[] dated, int start, int sentence)
    {
        // Binary search for the first dated period after start; look at it and the one before.
        int lo = 0, hi = dated.Length;
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

        if (lo < dated.Length && dated[lo].Sentence == sentence)
        {
            return dated[lo].Year;
        }

        return lo > 0 && dated[lo - 1].Sentence == sentence - 1 ? dated[lo - 1].Year : null;
    }
}
