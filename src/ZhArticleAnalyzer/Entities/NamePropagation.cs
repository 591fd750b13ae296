using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// A name the rules or the model found once holds wherever the article repeats it: 东利机械(301298)
/// makes the later bare 东利机械 an organisation too, where a place inside it (东利) would otherwise win.
/// Gazetteer names need no help (the gazetteer matches every occurrence). A repeat counts only where the
/// segmentation has a token boundary on both sides of it, so 东利机械厂 stays out.
/// </summary>
internal static class NamePropagation
{
    /// <summary>Shorter names are too often ordinary words elsewhere in the article.</summary>
    private const int MinLength = 3;

    private const int MinPersonLength = 2;

    /// <summary>Adds the repeats of the <paramref name="chosen"/> names to <paramref name="repeats"/>.</summary>
    public static void Repeats(string normalized, ReadOnlySpan<Token> tokens, IReadOnlyList<EntityCandidate> chosen, List<EntityCandidate> repeats)
    {
        HashSet<string>? names = null;
        bool[]? boundaries = null;
        foreach (var mention in chosen)
        {
            if (!CanRepeat(mention))
            {
                continue;
            }

            var name = normalized.Substring(mention.Span.Start, mention.Span.Length);
            if (!(names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
            {
                continue;
            }

            boundaries ??= TokenBoundaries(normalized.Length, tokens);
            for (var at = normalized.IndexOf(name, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                if (at != mention.Span.Start && boundaries[at] && boundaries[at + name.Length])
                {
                    repeats.Add(mention with { Span = new TextSpan(at, at + name.Length) });
                }
            }
        }
    }

    private static bool CanRepeat(EntityCandidate mention) =>
        mention.Source is EntitySource.Pattern or EntitySource.Model
        && mention.Type switch
        {
            EntityType.Organization or EntityType.Product => mention.Span.Length >= MinLength,
            EntityType.Person => mention.Span.Length >= MinPersonLength,
            _ => false,
        };

    /// <summary>Per thread, reused across calls: see <see cref="TokenBoundaries"/>.</summary>
    [ThreadStatic]
    private static bool[]? t_boundaries;

    /// <summary>Positions where a token starts or ends (the text's ends included): a per-thread buffer, valid until the next call.</summary>
    private static bool[] TokenBoundaries(int length, ReadOnlySpan<Token> tokens)
    {
        var boundaries = t_boundaries is { } b && b.Length > length ? b : t_boundaries = new bool[Math.Max(length + 1, 4096)];
        boundaries.AsSpan(0, length + 1).Clear();
        boundaries[0] = true;
        boundaries[length] = true;
        foreach (var token in tokens)
        {
            boundaries[token.Span.Start] = true;
            boundaries[token.Span.End] = true;
        }

        return boundaries;
    }
}
