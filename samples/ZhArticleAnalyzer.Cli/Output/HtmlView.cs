using System.Globalization;
using System.Text;
using ZhArticleAnalyzer.Records;

namespace ZhArticleAnalyzer.Cli.Output;

/// <summary>
/// <c>analyze --format html</c>: one self-contained page per article (inline CSS, no scripts, no
/// external resources) that shows the text with entities, quantities and times highlighted by type,
/// the normalised value in each highlight's hover title, and the claims as a table below, in the
/// manner of spaCy's displaCy. Offsets are the record's UTF-16 offsets; all text is escaped.
/// </summary>
internal static class HtmlView
{
    private const string Style = """
        :root { color-scheme: light; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; background: #fff; }
        h1 { font-size: 1.5rem; margin-bottom: .25rem; }
        h2 { font-size: 1.2rem; margin-top: 2rem; }
        .meta { color: #57606a; font-size: .9rem; margin: 0 0 1rem; }
        .meta span + span::before { content: " · "; }
        .legend { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .4rem; font-size: .8rem; }
        .legend li { margin: 0; }
        .text { white-space: pre-wrap; line-height: 2.4; font-size: 1.05rem; border-top: 1px solid #d0d7de; padding-top: 1rem; }
        mark { padding: .15em .3em; border-radius: .35em; color: inherit; box-decoration-break: clone; -webkit-box-decoration-break: clone; cursor: help; }
        mark::after { content: attr(data-label); font-size: .6em; font-weight: bold; letter-spacing: .02em; margin-left: .35em; vertical-align: middle; opacity: .75; }
        mark mark { padding: 0 .15em; }
        mark:target { outline: 3px solid #cf222e; }
        .ent-organization { background: #7aecec; } .ent-person { background: #aa9cfc; } .ent-location { background: #ff9561; }
        .ent-product { background: #bfeeb7; } .ent-event { background: #ffeb80; } .ent-work { background: #f0d0ff; }
        .qty { background: #e4e7d2; } .qty-money { background: #9cc9cc; } .qty-percent, .qty-percentagepoint { background: #feca74; }
        .qty-count { background: #c8e6a0; } .qty-multiple, .qty-magnitude { background: #ffd3a8; }
        .time { background: #bfe1d9; }
        table.claims { border-collapse: collapse; width: 100%; font-size: .9rem; }
        table.claims th, table.claims td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        table.claims th { background: #f6f8fa; }
        table.claims tr:target { background: #fff8c5; }
        table.claims a { color: #0969da; text-decoration: none; }
        .norm { color: #57606a; font-size: .85em; }
        .none { color: #57606a; font-style: italic; }
        """;

    /// <summary>Renders the page of one article.</summary>
    /// <param name="text">The text the record was made from (its offsets point into it).</param>
    /// <param name="record">The record.</param>
    public static string Render(string text, ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(record);
        var entities = record.Entities ?? [];
        var quantities = record.Quantities ?? [];
        var times = record.Times ?? [];
        var claims = record.Claims ?? [];
        var html = new StringBuilder(text.Length * 4 + 8192);
        var heading = record.Title ?? record.Id;

        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"ZhArticleAnalyzer zharticle analyze --format html\">\n")
            .Append("<title>").Append(Escape(heading)).Append(" · ZhArticleAnalyzer</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>").Append(Escape(heading)).Append("</h1>\n<p class=\"meta\">")
            .Append("<span>id ").Append(Escape(record.Id)).Append("</span>");
        if (record.Source is { } source)
        {
            html.Append("<span>来源 ").Append(Escape(source)).Append("</span>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<span>{record.Length} characters (UTF-16)</span>")
            .Append(CultureInfo.InvariantCulture, $"<span>{entities.Count} entities</span><span>{quantities.Count} quantities</span><span>{times.Count} times</span><span>{claims.Count} claims</span></p>\n");

        html.Append("<ul class=\"legend\" aria-label=\"legend\">");
        foreach (var type in entities.Select(e => e.Type).Distinct().Order(StringComparer.Ordinal))
        {
            html.Append("<li><mark class=\"ent ").Append(Class("ent", type)).Append("\">").Append(Escape(type)).Append("</mark></li>");
        }

        foreach (var kind in quantities.Select(q => q.Kind).Distinct().Order(StringComparer.Ordinal))
        {
            html.Append("<li><mark class=\"qty ").Append(Class("qty", kind)).Append("\">").Append(Escape(kind)).Append("</mark></li>");
        }

        if (times.Count > 0)
        {
            html.Append("<li><mark class=\"time\">Time</mark></li>");
        }

        html.Append("</ul>\n</header>\n<main>\n");
        html.Append(CultureInfo.InvariantCulture, $"<article id=\"text\" class=\"text\" data-length=\"{text.Length}\">");
        AppendMarkedText(html, text, Mentions(record));
        html.Append("</article>\n");

        AppendClaims(html, text, record);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A highlighted span: its record id, offsets, CSS classes, label and hover title.</summary>
    internal sealed record Mention(string Id, int Start, int End, string Classes, string Label, string Title);

    /// <summary>Every entity, quantity and time as a highlight, ordered by start, longer first.</summary>
    internal static List<Mention> Mentions(ArticleRecord record)
    {
        var mentions = new List<Mention>();
        foreach (var e in record.Entities ?? [])
        {
            mentions.Add(new Mention(e.Id, e.Start, e.End, "ent " + Class("ent", e.Type), EntityLabel(e.Type), $"{e.Type} · {e.Canonical}"));
        }

        foreach (var q in record.Quantities ?? [])
        {
            mentions.Add(new Mention(q.Id, q.Start, q.End, "qty " + Class("qty", q.Kind), q.Kind.ToUpperInvariant(), q.Kind + " · " + QuantityValue(q)));
        }

        foreach (var t in record.Times ?? [])
        {
            mentions.Add(new Mention(t.Id, t.Start, t.End, "time", "TIME", "Time · " + (t.Value ?? "no normalised value")));
        }

        mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return mentions;
    }

    /// <summary>The normalised value of a quantity as its hover shows it: value or min–max, unit, counted thing, hedges.</summary>
    internal static string QuantityValue(QuantityRecord q)
    {
        var value = q.Value is { } v ? Number(v)
            : q.Min is not null || q.Max is not null ? $"{(q.Min is { } min ? Number(min) : "?")}–{(q.Max is { } max ? Number(max) : "?")}"
            : "no value";
        if (q.Value is not null && (q.Min is not null || q.Max is not null))
        {
            value += $" ({(q.Min is { } low ? Number(low) : "?")}–{(q.Max is { } high ? Number(high) : "?")})";
        }

        var parts = new List<string> { q.Unit is null ? value : value + " " + q.Unit };
        if (q.Counted is { } counted)
        {
            parts.Add(counted);
        }

        if (q.Qualifier is { } qualifier)
        {
            parts.Add(qualifier);
        }
        else if (q.Approximate == true)
        {
            parts.Add("approximate");
        }

        return string.Join(" · ", parts);
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string EntityLabel(string type) => type switch
    {
        "Organization" => "ORG",
        "Person" => "PER",
        "Location" => "LOC",
        _ => type.ToUpperInvariant(),
    };

    private static string Class(string prefix, string type) => prefix + "-" + new string([.. type.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    /// <summary>
    /// Writes the text with the highlights. A highlight inside another is nested; one that only
    /// partly overlaps an earlier one cannot be nested in HTML and is left out (the record still has it).
    /// </summary>
    private static void AppendMarkedText(StringBuilder html, string text, List<Mention> mentions)
    {
        var index = 0;
        AppendRange(html, text, mentions, ref index, 0, text.Length);
    }

    private static void AppendRange(StringBuilder html, string text, List<Mention> mentions, ref int index, int start, int end)
    {
        var position = start;
        while (index < mentions.Count && mentions[index].Start < end)
        {
            var mention = mentions[index];
            index++;
            if (mention.Start < position || mention.End > end || mention.Start < 0 || mention.End > text.Length || mention.End <= mention.Start)
            {
                continue;
            }

            AppendEscaped(html, text, position, mention.Start);
            html.Append("<mark id=\"").Append(Escape(mention.Id)).Append("\" class=\"").Append(mention.Classes)
                .Append("\" data-label=\"").Append(Escape(mention.Label)).Append("\" title=\"").Append(Escape(mention.Title)).Append("\">");
            AppendRange(html, text, mentions, ref index, mention.Start, mention.End);
            html.Append("</mark>");
            position = mention.End;
        }

        AppendEscaped(html, text, position, end);
    }

    private static void AppendClaims(StringBuilder html, string text, ArticleRecord record)
    {
        var claims = record.Claims ?? [];
        var entities = (record.Entities ?? []).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var quantities = (record.Quantities ?? []).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var times = (record.Times ?? []).ToDictionary(t => t.Id, StringComparer.Ordinal);

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"claims\">\n<h2>Claims ({claims.Count})</h2>\n");
        if (record.Claims is null)
        {
            html.Append("<p class=\"none\">The pipeline has no claim stage.</p>\n</section>\n");
            return;
        }

        html.Append("<table class=\"claims\">\n<thead><tr><th>id</th><th>subject</th><th>metric</th><th>value</th><th>previous</th><th>change</th><th>period</th><th>type</th><th>clause</th></tr></thead>\n<tbody>\n");
        foreach (var c in claims)
        {
            html.Append("<tr id=\"").Append(Escape(c.Id)).Append("\"><td>").Append(Escape(c.Id)).Append("</td><td>");
            if (c.Subject is { } subject && entities.TryGetValue(subject, out var entity))
            {
                Link(html, entity.Id, entity.Text);
            }
            else
            {
                html.Append(Escape(c.Subject ?? string.Empty));
            }

            html.Append("</td><td>").Append(Escape(c.Metric)).Append("</td><td>");
            QuantityCell(html, quantities, c.Value);
            html.Append("</td><td>");
            if (c.Previous is { } previous)
            {
                QuantityCell(html, quantities, previous);
            }

            html.Append("</td><td>").Append(Escape(c.Change ?? string.Empty));
            if (c.ChangeWord is { } word)
            {
                html.Append(" <span class=\"norm\">").Append(Escape(word)).Append("</span>");
            }

            html.Append("</td><td>");
            if (c.Period is { } period && times.TryGetValue(period, out var time))
            {
                Link(html, time.Id, time.Text);
                html.Append(" <span class=\"norm\">").Append(Escape(time.Value ?? string.Empty)).Append("</span>");
            }
            else
            {
                html.Append(Escape(c.Period ?? string.Empty));
            }

            html.Append("</td><td>").Append(Escape(c.ClaimType)).Append("</td><td>");
            if (c.Start >= 0 && c.End <= text.Length && c.Start <= c.End)
            {
                AppendEscaped(html, text, c.Start, c.End);
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void QuantityCell(StringBuilder html, Dictionary<string, QuantityRecord> quantities, string id)
    {
        if (quantities.TryGetValue(id, out var quantity))
        {
            Link(html, quantity.Id, quantity.Text);
            html.Append(" <span class=\"norm\">").Append(Escape(QuantityValue(quantity))).Append("</span>");
        }
        else
        {
            html.Append(Escape(id));
        }
    }

    private static void Link(StringBuilder html, string id, string label) =>
        html.Append("<a href=\"#").Append(Escape(id)).Append("\">").Append(Escape(label)).Append("</a>");

    /// <summary>Escapes text for an element or a double-quoted attribute.</summary>
    internal static string Escape(string value)
    {
        var html = new StringBuilder(value.Length + 16);
        AppendEscaped(html, value, 0, value.Length);
        return html.ToString();
    }

    /// <summary>
    /// Escapes <c>&amp; &lt; &gt; " '</c>; control characters other than tab and line breaks, and lone
    /// surrogates, which HTML cannot carry, become U+FFFD (one for one, so the text keeps its length).
    /// </summary>
    private static void AppendEscaped(StringBuilder html, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\t' or '\n' or '\r': html.Append(c); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
                    {
                        html.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c) || char.IsControl(c))
                    {
                        html.Append('\uFFFD');
                    }
                    else
                    {
                        html.Append(c);
                    }

                    break;
            }
        }
    }
}
