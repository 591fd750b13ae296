using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Tests.Infrastructure;

/// <summary>The invariants every document must keep, checked from the outside.</summary>
internal static class DocumentInvariants
{
    public static void AssertHold(AnalyzedDocument document)
    {
        var text = document.Text;
        var covered = new bool[text.Length];
        var previousEnd = 0;
        foreach (var token in document.Tokens)
        {
            Assert.True(token.Span.Start >= previousEnd, $"token {token.Span} overlaps or is out of order");
            Assert.False(token.Span.IsEmpty);
            Assert.False(string.IsNullOrEmpty(token.Pos));
            for (var i = token.Span.Start; i < token.Span.End; i++)
            {
                covered[i] = true;
            }

            AssertNotInsidePair(text, token.Span.Start);
            AssertNotInsidePair(text, token.Span.End);
            previousEnd = token.Span.End;
        }

        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(covered[i] || char.IsWhiteSpace(text[i]), $"character {i} (U+{(int)text[i]:X4}) is in no token");
        }

        previousEnd = 0;
        foreach (var sentence in document.Sentences)
        {
            Assert.True(sentence.Span.Start >= previousEnd);
            Assert.False(sentence.Span.IsEmpty);
            Assert.False(char.IsWhiteSpace(text[sentence.Span.Start]));
            Assert.False(char.IsWhiteSpace(text[sentence.Span.End - 1]));
            previousEnd = sentence.Span.End;
        }

        var inSentence = new bool[text.Length];
        foreach (var sentence in document.Sentences)
        {
            for (var i = sentence.Span.Start; i < sentence.Span.End; i++)
            {
                inSentence[i] = true;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(inSentence[i] || char.IsWhiteSpace(text[i]), $"character {i} is in no sentence");
        }
    }

    private static void AssertNotInsidePair(string text, int index) =>
        Assert.False(index > 0 && index < text.Length && char.IsHighSurrogate(text[index - 1]) && char.IsLowSurrogate(text[index]), $"a span boundary at {index} splits a surrogate pair");
}
