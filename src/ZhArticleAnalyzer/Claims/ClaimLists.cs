using System.Collections.Immutable;
using ZhArticleAnalyzer.Numbers;

namespace ZhArticleAnalyzer.Claims;

/// <summary>Lists of values (1.25/1.39/1.52元, 59%、25%和8%) and the bracketed forecast revisions inside them.</summary>
internal static class ClaimLists
{
    /// <summary>
    /// A list of values of one metric (1.25/1.39/1.52元) shares what its first value states: the change word
    /// (下调EPS至0.76、0.89、1.03元) and, under a year interval (2023-2025年), one year per value; a list of
    /// two such runs (0.30/0.41/0.49元和0.36/0.48/0.57港币) restarts the years.
    /// </summary>
    internal static ImmutableArray<Claim> SpreadOverLists(ClaimContext context, ImmutableArray<Claim> claims)
    {
        var result = claims.ToBuilder();
        var i = 0;
        while (i < result.Count)
        {
            var run = 1;
            while (i + run < result.Count && result[i + run].PeriodTime == result[i].PeriodTime && result[i + run].Metric == result[i].Metric
                && IsListed(context, result[i + run - 1].Value, result[i + run].Value))
            {
                run++;
            }

            var head = result[i];
            for (var k = 1; k < run; k++)
            {
                var item = result[i + k];
                if (item.ChangeWord is null && head.ChangeWord is not null)
                {
                    item = item with { Change = head.Change, ChangeWord = head.ChangeWord, Type = head.Type };
                }
                else if (item.Change is null && head.Change is not null && context.Quantities[item.Value] is { Kind: QuantityKind.Percent or QuantityKind.PercentagePoint, Value: { } rate })
                {
                    // -40%/-40%/3%: in a list of signed rates an unsigned one is a rise.
                    item = item with { Change = rate > 0 ? ChangeDirection.Increase : rate < 0 ? ChangeDirection.Decrease : ChangeDirection.Stable, Type = head.Type };
                }

                result[i + k] = item;
            }

            if (run > 1 && head.PeriodTime is { } time && YearInterval(context.Times[time].Value) is { } years && run % (years.Last - years.First + 1) == 0)
            {
                var count = years.Last - years.First + 1;
                for (var k = 0; k < run; k++)
                {
                    result[i + k] = result[i + k] with { PeriodTime = null, PeriodText = (years.First + (k % count)).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                }
            }

            else if (run == 1 && head.PeriodTime is { } carried && context.Times[carried].Sentence != head.Sentence && YearInterval(context.Times[carried].Value) is not null)
            {
                // A forecast interval (2021-23年EPS为…) dates the lists that follow it, not a lone value of a later sentence (维持目标价8.95元).
                result[i] = head with { PeriodTime = null };
            }

            i += run;
        }

        return result.ToImmutable();
    }

    internal static bool IsListed(ClaimContext context, int first, int second) => IsListSeparator(ListGap(context, first, second));

    internal static (int First, int Last)? YearInterval(string? value)
    {
        if (value is not { Length: 9 } || value[4] != '/'
            || !int.TryParse(value.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(value.AsSpan(5, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var last)
            || last <= first)
        {
            return null;
        }

        return (first, last);
    }

    /// <summary>
    /// 0.76（-0.08）元, 17.76（-2.84）亿元: a signed amount in brackets right after an amount of the same kind
    /// says by how much a forecast was revised; it is not a figure of its own. A rate after a rate
    /// (6.69%（-1.26%）) is a change of the rate and stays a claim.
    /// </summary>
    internal static bool IsRevision(ClaimContext context, int index)
    {
        var quantity = context.Quantities[index];
        if (index == 0 || quantity.Kind is QuantityKind.Percent or QuantityKind.PercentagePoint || context.Text[quantity.Span.Start] is not ('+' or '-'))
        {
            return false;
        }

        var before = context.Quantities[index - 1];
        var opening = context.Text.AsSpan(before.Span.End, quantity.Span.Start - before.Span.End).Trim();
        var end = quantity.Span.End;
        while (end < context.Text.Length && char.IsWhiteSpace(context.Text[end]))
        {
            end++;
        }

        return before.Kind == quantity.Kind && opening is "(" or "（" && end < context.Text.Length && context.Text[end] is ')' or '）';
    }

    /// <summary>The text between two listed values, without a revision in brackets after the first (0.76（-0.08）、0.89).</summary>
    internal static ReadOnlySpan<char> ListGap(ClaimContext context, int first, int second)
    {
        var a = context.Quantities[first].Span;
        var b = context.Quantities[second].Span;
        if (b.Start < a.End)
        {
            return "?";
        }

        var gap = context.Text.AsSpan(a.End, b.Start - a.End).Trim();
        for (var i = first + 1; i < second; i++)
        {
            if (!IsRevision(context, i))
            {
                return "?";
            }
        }

        if (second > first + 1 && gap.Length > 0 && gap[0] is '(' or '（')
        {
            var close = gap.IndexOfAny(')', '）');
            gap = close < 0 ? gap : gap[(close + 1)..].Trim();
        }

        return gap;
    }

    internal static bool IsListSeparator(ReadOnlySpan<char> gap) => gap is "/" or "、" or "和" or "及" or "与" or "," or "";

    /// <summary>1.25/1.39/1.52元, 59%、25%和8%: only a list separator lies between this value and the one before it.</summary>
    internal static bool IsListContinuation(ClaimContext context, List<int> quantities, int index)
    {
        var position = quantities.IndexOf(index);
        if (position <= 0)
        {
            return false;
        }

        return IsListed(context, quantities[position - 1], index);
    }

    /// <summary>The last value of the list that <paramref name="index"/> belongs to (itself when it is not listed).</summary>
    internal static int ListTail(ClaimContext context, List<int> quantities, int index)
    {
        var position = quantities.IndexOf(index);
        while (position >= 0 && position + 1 < quantities.Count && IsListed(context, quantities[position], quantities[position + 1]))
        {
            position++;
        }

        return position >= 0 ? quantities[position] : index;
    }
}
