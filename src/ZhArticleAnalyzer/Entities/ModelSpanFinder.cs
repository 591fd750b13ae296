using System.Runtime.InteropServices;
using ZhArticleAnalyzer.Entities.Model;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Asks the statistical model about the tokens the segmenter tags as a person, place or organisation
/// (nr, ns, nt) that are neither exactly a gazetteer name nor one of the <see cref="OrdinaryWords"/>,
/// reading a few characters around each, and keeps the spans it is sure of that are not one of those words. With <see cref="EntityRecognizerSettings.OneDecisionPerName"/> the model reads
/// only the first mention of each such word in the article; later mentions take that decision (the
/// word itself as a name, or nothing) and are read again only when the first reading found a longer or
/// partial span around the word.
/// </summary>
internal sealed class ModelSpanFinder(NerModel model, EntityRecognizerSettings settings, OrdinaryWords ordinaryWords)
{
    /// <summary>Endings of the Chinese forms of international drug names: see <see cref="NamesADrug"/>.</summary>
    private static readonly string[] DrugStems = ["替尼", "单抗", "洛芬", "沙星", "他汀", "西林", "霉素", "普利", "沙坦", "拉唑", "替丁"];

    /// <summary>Per thread, reused across calls: see <see cref="SettledCharacters"/>.</summary>
    [ThreadStatic]
    private static bool[]? t_settled;

    /// <summary>Adds the model's spans to <paramref name="result"/>; <paramref name="gazetteerMatches"/> (ordered by start) exempt the tokens they cover exactly.</summary>
    public void Find(
        string normalized,
        ReadOnlySpan<Sentence> sentences,
        ReadOnlySpan<Token> tokens,
        IReadOnlyList<EntityCandidate> gazetteerMatches,
        List<EntityCandidate> result,
        CancellationToken cancellationToken)
    {
        var asked = new List<int>();
        var g = 0;
        var settled = SettledCharacters(normalized.Length, result);
        for (var t = 0; t < tokens.Length; t++)
        {
            var span = tokens[t].Span;
            if (!IsNameTag(tokens[t].Pos) || !settled.AsSpan(span.Start, span.Length).Contains(false)
                || ordinaryWords.Contains(normalized.AsSpan(span.Start, span.Length)))
            {
                continue;
            }

            while (g < gazetteerMatches.Count && gazetteerMatches[g].Span.Start < span.Start)
            {
                g++;
            }

            if (g == gazetteerMatches.Count || gazetteerMatches[g].Span != span)
            {
                asked.Add(t);
            }
        }

        if (!settings.OneDecisionPerName)
        {
            Read(normalized, sentences, tokens, asked, result, null, cancellationToken);
            return;
        }

        // First mentions: the model reads these.
        var firstMention = new Dictionary<string, int>(StringComparer.Ordinal);
        var byText = firstMention.GetAlternateLookup<ReadOnlySpan<char>>();
        var firsts = new List<int>();
        var repeats = new List<(int Token, int First)>();
        foreach (var t in asked)
        {
            var word = normalized.AsSpan(tokens[t].Span.Start, tokens[t].Span.Length);
            if (byText.TryGetValue(word, out var first))
            {
                repeats.Add((t, first));
            }
            else
            {
                byText[word] = t;
                firsts.Add(t);
            }
        }

        var found = result.Count;
        var readings = new List<TextSpan>();
        Read(normalized, sentences, tokens, firsts, result, readings, cancellationToken);

        // Later mentions take the first one's decision when it was clear.
        var again = new List<int>();
        foreach (var (t, first) in repeats)
        {
            switch (Decision(tokens[first].Span, result, found, readings, out var name))
            {
                case FirstReading.Name when !Gazetteer.CutsLatinWord(normalized, tokens[t].Span.Start, tokens[t].Span.End):
                    result.Add(name with { Span = tokens[t].Span });
                    break;
                case FirstReading.Unclear:
                    again.Add(t);
                    break;
            }
        }

        if (again.Count > 0)
        {
            Read(normalized, sentences, tokens, again, result, null, cancellationToken);
        }
    }

    /// <summary>
    /// The characters that a gazetteer or pattern name other than a place covers: a model span there
    /// always loses to that name (only a model organisation that starts with a gazetteer place may
    /// outrank it), so tokens inside them need no reading. A per-thread buffer, valid until the next call.
    /// </summary>
    private static bool[] SettledCharacters(int length, List<EntityCandidate> candidates)
    {
        var settled = t_settled is { } s && s.Length >= length ? s : t_settled = new bool[Math.Max(length, 4096)];
        settled.AsSpan(0, length).Clear();
        foreach (var c in candidates)
        {
            if (c.Source is EntitySource.Gazetteer or EntitySource.Pattern && c.Type != EntityType.Location)
            {
                settled.AsSpan(c.Span.Start, c.Span.Length).Fill(true);
            }
        }

        return settled;
    }

    /// <summary>
    /// What the model made of a first mention: no span at all touching it (not even one it was unsure of),
    /// exactly the word as a name it is sure of, or something else.
    /// </summary>
    private static FirstReading Decision(TextSpan word, List<EntityCandidate> kept, int from, List<TextSpan> readings, out EntityCandidate name)
    {
        name = default;
        var touching = 0;
        foreach (var reading in readings)
        {
            touching += reading.Overlaps(word) ? 1 : 0;
        }

        if (touching == 0)
        {
            return FirstReading.Nothing;
        }

        for (var i = from; i < kept.Count && touching == 1; i++)
        {
            if (kept[i].Span == word)
            {
                name = kept[i];
                return FirstReading.Name;
            }
        }

        return FirstReading.Unclear;
    }

    private void Read(
        string normalized,
        ReadOnlySpan<Sentence> sentences,
        ReadOnlySpan<Token> tokens,
        List<int> ask,
        List<EntityCandidate> result,
        List<TextSpan>? readings,
        CancellationToken cancellationToken)
    {
        foreach (var window in ModelWindowPlanner.Plan(sentences, tokens, CollectionsMarshal.AsSpan(ask), settings.WindowBefore, settings.WindowAfter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var span in model.Predict(normalized.AsSpan(window.Start, window.Length)))
            {
                var start = window.Start + span.Start;
                var end = window.Start + span.End;
                readings?.Add(new TextSpan(start, end));

                // A span that touches a cut the window made (not a sentence edge) may be truncated.
                if ((span.Start == 0 && !window.StartsSentence) || (span.End == window.Length && !window.EndsSentence))
                {
                    continue;
                }

                // A window read for one token may reach an ordinary word it was not asked about (纽糖、郑糖: 郑糖 is sugar futures).
                if (span.Confidence >= settings.ModelThreshold && end - start >= 2 && !Gazetteer.CutsLatinWord(normalized, start, end)
                    && !IsOneCommonWord(start, end, tokens) && !ordinaryWords.Contains(normalized.AsSpan(start, end - start))
                    && !(span.Type == EntityType.Person && (NamesAnOrganism(normalized.AsSpan(end)) || NamesADrug(normalized.AsSpan(start, end - start)))))
                {
                    result.Add(new EntityCandidate(new TextSpan(start, end), span.Type, null, span.Confidence, EntitySource.Model));
                }
            }
        }
    }

    /// <summary>A person's name right before 菌, 病毒 or 毒株 names a germ (李斯特菌, 奥密克戎毒株), not the person.</summary>
    private static bool NamesAnOrganism(ReadOnlySpan<char> after) =>
        after.StartsWith("菌", StringComparison.Ordinal) || after.StartsWith("病毒", StringComparison.Ordinal) || after.StartsWith("毒株", StringComparison.Ordinal);

    /// <summary>
    /// A "person" ending in a drug-name stem is a drug (恩沙替尼 -tinib, 布洛芬 -profen, 阿达木单抗 -mab, 阿托伐他汀 -statin):
    /// Chinese transliterations of the international drug names end in these, given names never do.
    /// </summary>
    private static bool NamesADrug(ReadOnlySpan<char> name) => EntityPatterns.EndsWithAny(name, DrugStems);

    private static bool IsNameTag(string pos) => pos.Length >= 2 && pos[0] == 'n' && pos is "nr" or "nrt" or "nrfg" or "ns" or "nt";

    /// <summary>A model span inside one ordinary segmenter word (公司 in 公司公告, n) is no name.</summary>
    private static bool IsOneCommonWord(int start, int end, ReadOnlySpan<Token> tokens)
    {
        var t = TokenLocator.Covering(tokens, start);
        return t >= 0 && tokens[t].Span.Start <= start && tokens[t].Span.End >= end && !EntityPatterns.IsNamePart(tokens[t].Pos) && tokens[t].Pos is not ("x" or "m");
    }

    private enum FirstReading
    {
        Nothing,
        Name,
        Unclear,
    }
}
