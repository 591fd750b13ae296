using System.Text.Json;
using ZhArticleAnalyzer.Cli.Training;
using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Cli.Evaluation;

/// <summary>Scores the entities of the analyzer against the annotated dev-set articles.</summary>
internal static class DevSetEvaluation
{
    /// <param name="errorsPath">When set, the missed (FN) and extra (FP) mentions with type and canonical name are written there.</param>
    public static (EntityScorer Typed, EntityScorer Untyped, double CanonicalAccuracy) Score(IArticleAnalyzer analyzer, string folder, string? errorsPath = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var typed = new EntityScorer();
        var untyped = new EntityScorer();
        int matched = 0, canonicalRight = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var text = json.RootElement.GetProperty("text").GetString() ?? string.Empty;
            var gold = json.RootElement.GetProperty("entities").EnumerateArray()
                .Select(e => (Start: e.GetProperty("start").GetInt32(), End: e.GetProperty("end").GetInt32(), Type: e.GetProperty("type").GetString() ?? string.Empty, Canonical: e.GetProperty("canonical").GetString() ?? string.Empty))
                .ToList();
            var predicted = analyzer.Analyze(text, null, cancellationToken).Entities;
            typed.Add(gold.Select(g => (g.Start, g.End, g.Type)), predicted.Select(p => (p.Span.Start, p.Span.End, p.Type.ToString())));
            untyped.Add(gold.Select(g => (g.Start, g.End, "Any")), predicted.Select(p => (p.Span.Start, p.Span.End, "Any")));
            if (errorsPath is not null)
            {
                var g2 = gold.Select(g => (g.Start, g.End, g.Type, g.Canonical)).ToHashSet();
                var p2 = predicted.Select(p => (p.Span.Start, p.Span.End, p.Type.ToString(), p.Canonical)).ToHashSet();
                errors.AddRange(g2.Except(p2).Select(x => $"{Path.GetFileName(file)} FN {text[x.Start..x.End]} {x.Item3} {x.Item4} @{x.Start}")
                    .Concat(p2.Except(g2).Select(x => $"{Path.GetFileName(file)} FP {text[x.Start..x.Item2]} {x.Item3} {x.Item4} @{x.Start}")));
            }

            foreach (var g in gold)
            {
                var hit = predicted.FirstOrDefault(p => p.Span.Start == g.Start && p.Span.End == g.End);
                if (hit is not null)
                {
                    matched++;
                    canonicalRight += hit.Canonical == g.Canonical ? 1 : 0;
                }
            }
        }

        if (errorsPath is not null)
        {
            File.WriteAllLines(errorsPath, errors);
        }

        return (typed, untyped, matched == 0 ? 0 : (double)canonicalRight / matched);
    }
}
