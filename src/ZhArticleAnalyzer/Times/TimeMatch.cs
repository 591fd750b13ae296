namespace ZhArticleAnalyzer.Times;

/// <summary>What a time expression names, before its missing year (or its anchor) is resolved.</summary>
internal enum TimeShape
{
    /// <summary>Fully given: the value needs nothing more (2025-Q2, 2016/2019, P2Y).</summary>
    Complete,

    /// <summary>A quarter with no year (二季度, Q3).</summary>
    Quarter,

    /// <summary>A run of quarters with no year (Q1-Q3, Q1~Q4).</summary>
    QuarterRange,

    /// <summary>A half with no year (上半年).</summary>
    Half,

    /// <summary>The whole year, no year given (全年).</summary>
    WholeYear,

    /// <summary>A month with no year (6月).</summary>
    Month,

    /// <summary>A day with no year (6月12日).</summary>
    Day,

    /// <summary>Relative to the article's date (去年, 上月, 两年前).</summary>
    Relative,

    /// <summary>Cannot be resolved (同期, 当周).</summary>
    Unresolvable,
}

/// <summary>A time expression found by <see cref="TimeExtractor"/>, before resolution.</summary>
internal sealed record TimeMatch(int Start, int End, TimeShape Shape, string? Value)
{
    /// <summary>Quarter, half or month number, when the shape has one.</summary>
    public int Part { get; init; }

    /// <summary>The last quarter, for <see cref="TimeShape.QuarterRange"/>.</summary>
    public int LastPart { get; init; }

    /// <summary>Day of month, for <see cref="TimeShape.Day"/>.</summary>
    public int DayOfMonth { get; init; }

    /// <summary>For relative times: resolves against an anchor date.</summary>
    public Func<DateOnly, string?>? Resolve { get; init; }

    /// <summary>True when the text gave a year with a quarter, half, month or day: it sets the context year.</summary>
    public bool SetsContextYear { get; init; }

    /// <summary>The year given, for context.</summary>
    public int Year { get; init; }

    /// <summary>For a year written alone (2021年, 20年末): what it can date after it.</summary>
    public YearContext Context { get; init; }

    /// <summary>A single year written alone that can date the months and days after it.</summary>
    public bool IsPlainYear => Shape == TimeShape.Complete && Year > 0 && !SetsContextYear && Context != YearContext.None;
}

/// <summary>What a year written alone can date: nothing (a comparison base), months and days (a point), or also quarters (a period).</summary>
internal enum YearContext
{
    /// <summary>较19年, 2020年同期, 到2025年: dates nothing.</summary>
    None,

    /// <summary>2021年底, 21年初: dates the months and days near it.</summary>
    Point,

    /// <summary>2021年, 21年全年: also dates the quarters and halves after it.</summary>
    Period,
}
