namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// jieba's Viterbi decoding of a run of Han characters into words with the B/M/E/S model, with
/// jieba.NET's order of operations and tie-breaks, so that equal scores resolve the same way.
/// </summary>
internal static class BmesViterbi
{
    public static void Cut(ReadOnlySpan<char> text, int start, int end, BmesModel model, EngineScratch scratch, EngineTokenList tokens)
    {
        const int A = BmesModel.Alphabet;
        var n = end - start;
        EngineScratch.Ensure(ref scratch.BmesBack, n * 4);
        var back = scratch.BmesBack;
        var emit = model.Emissions;
        var trans = model.Transitions;
        var tBM = trans[(BmesModel.B * 4) + BmesModel.M];
        var tBE = trans[(BmesModel.B * 4) + BmesModel.E];
        var tMM = trans[(BmesModel.M * 4) + BmesModel.M];
        var tME = trans[(BmesModel.M * 4) + BmesModel.E];
        var tEB = trans[(BmesModel.E * 4) + BmesModel.B];
        var tES = trans[(BmesModel.E * 4) + BmesModel.S];
        var tSB = trans[(BmesModel.S * 4) + BmesModel.B];
        var tSS = trans[(BmesModel.S * 4) + BmesModel.S];

        var c = text[start];
        var vB = model.Start[BmesModel.B] + emit[(BmesModel.B * A) + c];
        var vM = model.Start[BmesModel.M] + emit[(BmesModel.M * A) + c];
        var vE = model.Start[BmesModel.E] + emit[(BmesModel.E * A) + c];
        var vS = model.Start[BmesModel.S] + emit[(BmesModel.S * A) + c];
        for (var i = 1; i < n; i++)
        {
            c = text[start + i];
            var eB = emit[(BmesModel.B * A) + c];
            var eM = emit[(BmesModel.M * A) + c];
            var eE = emit[(BmesModel.E * A) + c];
            var eS = emit[(BmesModel.S * A) + c];
            var at = i * 4;

            // jieba.NET tries the previous states in the order of PrevStatus and keeps the later one on a tie.
            var x1 = vE + tEB + eB;
            var x2 = vS + tSB + eB;
            double nB;
            if (x1 <= x2)
            {
                nB = x2;
                back[at + BmesModel.B] = BmesModel.S;
            }
            else
            {
                nB = x1;
                back[at + BmesModel.B] = BmesModel.E;
            }

            x1 = vM + tMM + eM;
            x2 = vB + tBM + eM;
            double nM;
            if (x1 <= x2)
            {
                nM = x2;
                back[at + BmesModel.M] = BmesModel.B;
            }
            else
            {
                nM = x1;
                back[at + BmesModel.M] = BmesModel.M;
            }

            x1 = vB + tBE + eE;
            x2 = vM + tME + eE;
            double nE;
            if (x1 <= x2)
            {
                nE = x2;
                back[at + BmesModel.E] = BmesModel.M;
            }
            else
            {
                nE = x1;
                back[at + BmesModel.E] = BmesModel.B;
            }

            x1 = vS + tSS + eS;
            x2 = vE + tES + eS;
            double nS;
            if (x1 <= x2)
            {
                nS = x2;
                back[at + BmesModel.S] = BmesModel.E;
            }
            else
            {
                nS = x1;
                back[at + BmesModel.S] = BmesModel.S;
            }

            vB = nB;
            vM = nM;
            vE = nE;
            vS = nS;
        }

        // Walk the path back, writing each position's state over its back pointers.
        int state = vE < vS ? BmesModel.S : BmesModel.E;
        for (var i = n - 1; i >= 0; i--)
        {
            var previous = i > 0 ? back[(i * 4) + state] : 0;
            back[i * 4] = (byte)state;
            state = previous;
        }

        var begin = 0;
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            switch (back[i * 4])
            {
                case BmesModel.B:
                    begin = i;
                    break;
                case BmesModel.E:
                    tokens.Add(start + begin, i + 1 - begin, EngineToken.NoTag);
                    next = i + 1;
                    break;
                case BmesModel.S:
                    tokens.Add(start + i, 1, EngineToken.NoTag);
                    next = i + 1;
                    break;
            }
        }

        if (next < n)
        {
            tokens.Add(start + next, n - next, EngineToken.NoTag);
        }
    }
}
