namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// jieba's segmentation over one <see cref="EngineDictionary"/>: blocks by jieba's block pattern,
/// a route through the prefix-dictionary DAG by dynamic programming, and the HMM for runs of
/// single characters that form no word. <see cref="Cut"/> reproduces jieba.NET's
/// <c>JiebaSegmenter.Cut(text, hmm: true)</c>; <see cref="CutWithPos"/> reproduces its
/// <c>PosSegmenter.Cut(text)</c>. Immutable and thread-safe: a call writes only the result list and
/// its own thread's <see cref="EngineScratch"/>.
/// </summary>
internal sealed class JiebaEngine
{
    private readonly EngineDictionary _dictionary;
    private readonly EngineModel _model;
    private readonly int[] _posStateTags;

    public JiebaEngine(EngineDictionary dictionary)
    {
        _dictionary = dictionary;
        _model = dictionary.Model;
        _posStateTags = _model.PosStateTags;
    }

    public EngineDictionary Dictionary => _dictionary;

    /// <summary>Cuts <paramref name="text"/> as jieba's <c>Cut</c> does; words of the DAG carry their tag, others <see cref="EngineToken.NoTag"/>.</summary>
    public void Cut(ReadOnlySpan<char> text, EngineTokenList tokens) => Run(text, tokens, CutMode.Hmm);

    /// <summary>Cuts <paramref name="text"/> as jieba's <c>Cut(text, hmm: false)</c> does.</summary>
    public void CutWithoutHmm(ReadOnlySpan<char> text, EngineTokenList tokens) => Run(text, tokens, CutMode.NoHmm);

    /// <summary>Cuts and tags <paramref name="text"/> as jieba's POS segmenter does; every token carries a tag.</summary>
    public void CutWithPos(ReadOnlySpan<char> text, EngineTokenList tokens) => Run(text, tokens, CutMode.Pos);

    /// <summary>The tag of the last word the POS HMM finds in <paramref name="word"/> (what the jieba.NET adapter uses for words it does not know).</summary>
    public int PosHmmTagOfLastWord(ReadOnlySpan<char> word)
    {
        var list = EngineScratch.Current.TagTokens;
        list.Clear();
        PosViterbi.CutCached(word, 0, word.Length, _model.Pos, _posStateTags, EngineScratch.Current, list);
        return list.Count > 0 ? list.Items[^1].Tag : _model.TagX;
    }

    private void Run(ReadOnlySpan<char> text, EngineTokenList tokens, CutMode mode)
    {
        var scratch = EngineScratch.Current;
        var pos = mode == CutMode.Pos;
        var nonBlockTag = pos ? _model.TagX : EngineToken.NoTag;
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (JiebaChars.IsBlockChar(c))
            {
                var end = i + 1;
                while (end < n && JiebaChars.IsBlockChar(text[end]))
                {
                    end++;
                }

                CutBlock(text, i, end, tokens, scratch, mode);
                i = end;
            }
            else if (char.IsWhiteSpace(c))
            {
                var length = c == '\r' && i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
                tokens.Add(i, length, EngineToken.Whitespace);
                i += length;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]))
            {
                // jieba.NET cuts a pair into halves; a character outside the BMP stays whole here.
                tokens.Add(i, 2, nonBlockTag);
                i += 2;
            }
            else
            {
                tokens.Add(i, 1, nonBlockTag);
                i++;
            }
        }
    }

    private void CutBlock(ReadOnlySpan<char> text, int start, int end, EngineTokenList tokens, EngineScratch scratch, CutMode mode)
    {
        var pos = mode == CutMode.Pos;
        var n = end - start;
        EngineScratch.Ensure(ref scratch.RouteWeights, n + 1);
        EngineScratch.Ensure(ref scratch.RouteEnds, n + 1);
        EngineScratch.Ensure(ref scratch.RouteTags, n + 1);
        var weights = scratch.RouteWeights;
        var ends = scratch.RouteEnds;
        var tags = scratch.RouteTags;
        var words = _model.Words;
        var logFrequencies = _model.LogFrequencies;
        var frequencies = words.Values;
        var wordTags = words.Tags;
        var added = _dictionary.Added;
        var hasAdded = !added.IsEmpty;
        var logTotal = _dictionary.LogTotal;
        var unknownWeight = 0.0 - logTotal;

        // Backward pass over the DAG: route[i] = best of log(freq(text[i..j])) - log(total) + route[j + 1].
        weights[n] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            var best = double.MinValue;
            var bestEnd = -1;
            var bestTag = -1;
            var node = words.Root(text[start + i]);
            var addedNode = hasAdded ? added.Root(text[start + i]) : -1;
            var j = i;
            while (node >= 0 || addedNode >= 0)
            {
                int frequency;
                double logFrequency;
                int tag;
                if (addedNode >= 0 && added.Values[addedNode] >= 0)
                {
                    frequency = added.Values[addedNode];
                    logFrequency = _dictionary.AddedLogFrequencies[addedNode];
                    tag = _dictionary.TagAt(node, addedNode);
                }
                else if (node >= 0)
                {
                    frequency = frequencies[node];
                    logFrequency = logFrequencies[node];
                    tag = addedNode >= 0 && added.Tags[addedNode] >= 0 ? added.Tags[addedNode] : wordTags[node];
                }
                else
                {
                    frequency = 0;
                    logFrequency = 0;
                    tag = -1;
                }

                if (frequency > 0)
                {
                    var weight = logFrequency - logTotal + weights[j + 1];
                    if (best < weight)
                    {
                        best = weight;
                        bestEnd = j + 1;
                        bestTag = tag;
                    }
                }

                if (++j >= n)
                {
                    break;
                }

                var next = text[start + j];
                node = node >= 0 ? words.Child(node, next) : -1;
                addedNode = addedNode >= 0 ? added.Child(addedNode, next) : -1;
            }

            if (bestEnd < 0)
            {
                best = unknownWeight + weights[i + 1];
                bestEnd = i + 1;
                bestTag = -1;
            }

            weights[i] = best;
            ends[i] = bestEnd;
            tags[i] = bestTag;
        }

        if (mode == CutMode.NoHmm)
        {
            NoHmmJoin.Emit(text, start, n, ends, tags, tokens);
            return;
        }

        // Forward: words of two or more characters as they are, runs of single characters to the HMM.
        var bufferStart = -1;
        for (var x = 0; x < n;)
        {
            var y = ends[x];
            if (y - x == 1)
            {
                if (bufferStart < 0)
                {
                    bufferStart = x;
                }
            }
            else
            {
                if (bufferStart >= 0)
                {
                    FlushBuffer(text, start + bufferStart, start + x, tokens, scratch, pos);
                    bufferStart = -1;
                }

                tokens.Add(start + x, y - x, pos && tags[x] < 0 ? _model.TagX : tags[x]);
            }

            x = y;
        }

        if (bufferStart >= 0)
        {
            FlushBuffer(text, start + bufferStart, end, tokens, scratch, pos);
        }
    }

    private void FlushBuffer(ReadOnlySpan<char> text, int start, int end, EngineTokenList tokens, EngineScratch scratch, bool pos)
    {
        if (end - start == 1)
        {
            var tag = _dictionary.Tag(text.Slice(start, 1));
            tokens.Add(start, 1, pos && tag < 0 ? _model.TagX : tag);
            return;
        }

        if (_dictionary.Frequency(text[start..end]) > 0)
        {
            // jieba cuts a run that is itself a word into characters (and its POS segmenter tags them x).
            for (var i = start; i < end; i++)
            {
                tokens.Add(i, 1, pos ? _model.TagX : EngineToken.NoTag);
            }

            return;
        }

        if (pos)
        {
            CutDetail(text, start, end, tokens, scratch);
        }
        else
        {
            CutUnknown(text, start, end, tokens, scratch);
        }
    }

    /// <summary>jieba's <c>finalseg.cut</c>: Han runs to the B/M/E/S HMM, the rest by <c>[a-zA-Z0-9]+(?:\.\d+)?%?</c>.</summary>
    private void CutUnknown(ReadOnlySpan<char> text, int start, int end, EngineTokenList tokens, EngineScratch scratch)
    {
        var i = start;
        while (i < end)
        {
            if (JiebaChars.IsHan(text[i]))
            {
                var runEnd = JiebaChars.HanRunEnd(text, i, end);
                BmesViterbi.Cut(text, i, runEnd, _model.Bmes, scratch, tokens);
                i = runEnd;
                continue;
            }

            var pieceStart = i;
            while (i < end && !JiebaChars.IsHan(text[i]))
            {
                if (char.IsAsciiLetterOrDigit(text[i]))
                {
                    if (i > pieceStart)
                    {
                        tokens.Add(pieceStart, i - pieceStart, EngineToken.NoTag);
                    }

                    var q = i + 1;
                    while (q < end && char.IsAsciiLetterOrDigit(text[q]))
                    {
                        q++;
                    }

                    if (q + 1 < end && text[q] == '.' && char.IsAsciiDigit(text[q + 1]))
                    {
                        q += 2;
                        while (q < end && char.IsAsciiDigit(text[q]))
                        {
                            q++;
                        }
                    }

                    if (q < end && text[q] == '%')
                    {
                        q++;
                    }

                    tokens.Add(i, q - i, EngineToken.NoTag);
                    i = q;
                    pieceStart = i;
                }
                else
                {
                    i++;
                }
            }

            if (i > pieceStart)
            {
                tokens.Add(pieceStart, i - pieceStart, EngineToken.NoTag);
            }
        }
    }

    /// <summary>jieba's POS <c>__cut_detail</c>: Han runs to the POS HMM, the rest by <c>[\.0-9]+|[a-zA-Z0-9]+</c>, tagged m, eng or x.</summary>
    private void CutDetail(ReadOnlySpan<char> text, int start, int end, EngineTokenList tokens, EngineScratch scratch)
    {
        var i = start;
        while (i < end)
        {
            if (JiebaChars.IsHan(text[i]))
            {
                var runEnd = JiebaChars.HanRunEnd(text, i, end);
                PosViterbi.CutCached(text, i, runEnd, _model.Pos, _posStateTags, scratch, tokens);
                i = runEnd;
                continue;
            }

            var pieceStart = i;
            while (i < end && !JiebaChars.IsHan(text[i]))
            {
                var c = text[i];
                if (JiebaChars.IsNumberChar(c) || char.IsAsciiLetter(c))
                {
                    if (i > pieceStart)
                    {
                        AddDetailPiece(text, pieceStart, i, tokens);
                    }

                    var q = i + 1;
                    if (JiebaChars.IsNumberChar(c))
                    {
                        while (q < end && JiebaChars.IsNumberChar(text[q]))
                        {
                            q++;
                        }
                    }
                    else
                    {
                        while (q < end && char.IsAsciiLetterOrDigit(text[q]))
                        {
                            q++;
                        }
                    }

                    AddDetailPiece(text, i, q, tokens);
                    i = q;
                    pieceStart = i;
                }
                else
                {
                    i++;
                }
            }

            if (i > pieceStart)
            {
                AddDetailPiece(text, pieceStart, i, tokens);
            }
        }
    }

    /// <summary>jieba.NET tags a piece m when it holds a digit or a dot, eng when it holds a letter, x otherwise.</summary>
    private void AddDetailPiece(ReadOnlySpan<char> text, int start, int end, EngineTokenList tokens)
    {
        var piece = text[start..end];
        var tag = _model.TagX;
        foreach (var c in piece)
        {
            if (JiebaChars.IsNumberChar(c))
            {
                tag = _model.TagM;
                break;
            }

            if (char.IsAsciiLetter(c))
            {
                tag = _model.TagEng;
            }
        }

        tokens.Add(start, end - start, tag);
    }

    private enum CutMode
    {
        Hmm,
        NoHmm,
        Pos,
    }
}
