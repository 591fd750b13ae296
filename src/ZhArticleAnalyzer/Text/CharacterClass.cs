namespace ZhArticleAnalyzer.Text;

/// <summary>Classifies a token by the characters it is made of.</summary>
internal static class CharacterClass
{
    public enum Kind
    {
        /// <summary>Only Chinese characters.</summary>
        Han,

        /// <summary>ASCII letters with optional digits and joiners (AI, H20, c#).</summary>
        Latin,

        /// <summary>Digits with decimal points, separators and percent signs.</summary>
        Numeric,

        /// <summary>Punctuation, symbols, emoji, anything else.</summary>
        Other,
    }

    public static Kind Of(ReadOnlySpan<char> word)
    {
        bool letters = false, digits = false, han = false, other = false;
        foreach (var c in word)
        {
            if (char.IsAsciiLetter(c))
            {
                letters = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits = true;
            }
            else if (IsHan(c))
            {
                han = true;
            }
            else if (c is not ('.' or ',' or '%' or '-' or '+' or '_' or '&' or '#'))
            {
                other = true;
            }
        }

        if (other)
        {
            return Kind.Other;
        }

        if (han)
        {
            return letters || digits ? Kind.Other : Kind.Han;
        }

        if (letters)
        {
            return Kind.Latin;
        }

        return digits ? Kind.Numeric : Kind.Other;
    }

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
