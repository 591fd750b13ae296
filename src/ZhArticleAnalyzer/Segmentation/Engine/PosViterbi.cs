using System.Numerics;

namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// jieba's Viterbi decoding of a run of Han characters into tagged words with the POS HMM. The
/// candidate states of a character are those of char_state_tab that the previous states can reach
/// (all reachable ones when none is, all states when nothing is reachable); ties between equal
/// scores go to the state name that sorts last, as in jieba.NET.
/// </summary>
internal static class PosViterbi
{
    private const int CacheLimit = 20_000;

    /// <summary>
    /// <see cref="Cut"/> through a per-thread memo of the runs already decoded: names and terms
    /// missing from the dictionary recur through an article, and decoding is a pure function of the
    /// run and the model.
    /// </summary>
    public static void CutCached(ReadOnlySpan<char> text, int start, int end, PosHmmModel model, int[] stateTags, EngineScratch scratch, EngineTokenList tokens)
    {
        if (!ReferenceEquals(scratch.PosCacheModel, model) || scratch.PosCache.Count >= CacheLimit)
        {
            scratch.PosCache.Clear();
            scratch.PosCacheModel = model;
        }

        var lookup = scratch.PosCache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text[start..end], out var known))
        {
            for (var i = 0; i < known.Length; i += 3)
            {
                tokens.Add(start + known[i], known[i + 1], known[i + 2]);
            }

            return;
        }

        var before = tokens.Count;
        Cut(text, start, end, model, stateTags, scratch, tokens);
        var found = tokens.Items[before..];
        var packed = new int[found.Length * 3];
        for (var i = 0; i < found.Length; i++)
        {
            packed[i * 3] = found[i].Start - start;
            packed[(i * 3) + 1] = found[i].Length;
            packed[(i * 3) + 2] = found[i].Tag;
        }

        scratch.PosCache[text[start..end].ToString()] = packed;
    }

    public static void Cut(ReadOnlySpan<char> text, int start, int end, PosHmmModel model, int[] stateTags, EngineScratch scratch, EngineTokenList tokens)
    {
        var n = end - start;
        if (n <= 0)
        {
            return;
        }

        var count = model.StateCount;
        var words = model.Words;
        EngineScratch.Ensure(ref scratch.PosFirst, n + 1);
        EngineScratch.Ensure(ref scratch.PosRoute, n);
        EngineScratch.Ensure(ref scratch.PosMask, words);
        var first = scratch.PosFirst;
        var mask = scratch.PosMask;
        var used = 0;

        // Position 0: the character's states, or all states.
        var c = text[start];
        first[0] = 0;
        var tabFirst = model.CharFirst[c];
        var tabEnd = model.CharFirst[c + 1];
        if (tabEnd > tabFirst)
        {
            for (var k = tabFirst; k < tabEnd; k++)
            {
                Push(scratch, ref used, model.CharStates[k], model.Start[model.CharStates[k]] + model.CharEmits[k], -1);
            }
        }
        else
        {
            for (var s = 0; s < count; s++)
            {
                Push(scratch, ref used, s, model.Start[s] + model.Emit(s, c), -1);
            }
        }

        for (var i = 1; i < n; i++)
        {
            first[i] = used;
            var previousFirst = first[i - 1];
            var previousEnd = used;
            mask.AsSpan(0, words).Clear();
            var any = false;
            var candidates = 0;
            EngineScratch.Ensure(ref scratch.PrevIndex, previousEnd - previousFirst);
            EngineScratch.Ensure(ref scratch.PrevState, previousEnd - previousFirst);
            EngineScratch.Ensure(ref scratch.PrevProb, previousEnd - previousFirst);
            EngineScratch.Ensure(ref scratch.PrevRank, previousEnd - previousFirst);
            for (var k = previousFirst; k < previousEnd; k++)
            {
                var s = scratch.PosStates[k];
                if (model.HasTransitions[s])
                {
                    any = true;
                    for (var w = 0; w < words; w++)
                    {
                        mask[w] |= model.Successors[(s * words) + w];
                    }

                    // The states that can lead anywhere, in a compact list for the inner loop.
                    scratch.PrevIndex[candidates] = k;
                    scratch.PrevState[candidates] = s;
                    scratch.PrevProb[candidates] = scratch.PosProbs[k];
                    scratch.PrevRank[candidates] = model.Ranks[s];
                    candidates++;
                }
            }

            c = text[start + i];
            tabFirst = model.CharFirst[c];
            tabEnd = model.CharFirst[c + 1];
            var matched = false;
            if (tabEnd > tabFirst)
            {
                for (var k = tabFirst; k < tabEnd; k++)
                {
                    int y = model.CharStates[k];
                    if ((mask[y >> 6] & (1UL << (y & 63))) != 0)
                    {
                        matched = true;
                        Step(model, scratch, ref used, candidates, y, model.CharEmits[k]);
                    }
                }
            }
            else
            {
                // No table entry: jieba.NET intersects the reachable states with all states.
                for (var w = 0; w < words; w++)
                {
                    var bits = mask[w];
                    while (bits != 0)
                    {
                        var y = (w << 6) + BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                        matched = true;
                        Step(model, scratch, ref used, candidates, y, model.Emit(y, c));
                    }
                }
            }

            if (!matched)
            {
                if (any)
                {
                    for (var w = 0; w < words; w++)
                    {
                        var bits = mask[w];
                        while (bits != 0)
                        {
                            var y = (w << 6) + BitOperations.TrailingZeroCount(bits);
                            bits &= bits - 1;
                            Step(model, scratch, ref used, candidates, y, model.Emit(y, c));
                        }
                    }
                }
                else
                {
                    for (var y = 0; y < count; y++)
                    {
                        Step(model, scratch, ref used, candidates, y, model.Emit(y, c));
                    }
                }
            }
        }

        first[n] = used;

        // The best final state, then back along the stored pointers.
        var bestProb = double.MinValue;
        var best = -1;
        var bestRank = -1;
        for (var k = first[n - 1]; k < used; k++)
        {
            var p = scratch.PosProbs[k];
            var rank = model.Ranks[scratch.PosStates[k]];
            if (bestProb < p || (bestProb == p && bestRank < rank))
            {
                bestProb = p;
                best = k;
                bestRank = rank;
            }
        }

        if (best < 0)
        {
            best = first[n - 1];
        }

        var route = scratch.PosRoute;
        for (var i = n - 1; i >= 0; i--)
        {
            route[i] = scratch.PosStates[best];
            var back = scratch.PosBack[best];
            best = back >= 0 ? back : first[Math.Max(i - 1, 0)];
        }

        var begin = 0;
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            var state = route[i];
            switch (model.Kinds[state])
            {
                case 'B':
                    begin = i;
                    break;
                case 'E':
                    tokens.Add(start + begin, i + 1 - begin, stateTags[state]);
                    next = i + 1;
                    break;
                case 'S':
                    tokens.Add(start + i, 1, stateTags[state]);
                    next = i + 1;
                    break;
            }
        }

        if (next < n)
        {
            tokens.Add(start + next, n - next, stateTags[route[next]]);
        }
    }

    private static void Step(PosHmmModel model, EngineScratch scratch, ref int used, int candidates, int y, double emit)
    {
        var prob = double.MinValue;
        var best = -1;
        var bestRank = -1;
        var row = model.TransitionsTo.AsSpan(y * model.StateCount, model.StateCount);
        var states = scratch.PrevState;
        var probs = scratch.PrevProb;
        var ranks = scratch.PrevRank;
        for (var j = 0; j < candidates; j++)
        {
            // jieba.NET's sum, in its order: v[i - 1][y0] + trans[y0][y] + emit.
            var x = probs[j] + row[states[j]] + emit;
            if (prob < x || (prob == x && bestRank < ranks[j]))
            {
                prob = x;
                best = j;
                bestRank = ranks[j];
            }
        }

        Push(scratch, ref used, y, prob, best >= 0 ? scratch.PrevIndex[best] : -1);
    }

    private static void Push(EngineScratch scratch, ref int used, int state, double prob, int back)
    {
        if (used == scratch.PosStates.Length)
        {
            var size = used * 2;
            Array.Resize(ref scratch.PosStates, size);
            Array.Resize(ref scratch.PosProbs, size);
            Array.Resize(ref scratch.PosBack, size);
        }

        scratch.PosStates[used] = state;
        scratch.PosProbs[used] = prob;
        scratch.PosBack[used] = back;
        used++;
    }
}
