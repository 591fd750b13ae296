using System.Text;

namespace ZhArticleAnalyzer.Cli.Input;

/// <summary>
/// Turns bytes into text: a BOM decides (UTF-8, UTF-16 LE/BE); without one, strict UTF-8 is tried,
/// then strict GB18030 (which covers GBK and GB2312). NUL bytes without a UTF-16 BOM mean a binary file.
/// </summary>
internal static class TextDecoder
{
    public static string Decode(byte[] bytes, string name, string? forcedEncoding = null)
    {
        if (forcedEncoding is not null)
        {
            var encoding = Strict(ResolveEncoding(forcedEncoding));
            return DecodeOrThrow(bytes, encoding, name, $"is not valid {forcedEncoding}");
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeOrThrow(bytes.AsSpan(3).ToArray(), Strict(new UTF8Encoding(false)), name, "has a UTF-8 BOM but is not valid UTF-8");
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeOrThrow(bytes.AsSpan(2).ToArray(), Strict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false)), name, "has a UTF-16 BOM but is not valid UTF-16");
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeOrThrow(bytes.AsSpan(2).ToArray(), Strict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false)), name, "has a UTF-16 BOM but is not valid UTF-16");
        }

        if (bytes.AsSpan().Contains((byte)0))
        {
            throw new InputException($"{name}: looks like a binary file (it holds NUL bytes); expected UTF-8, UTF-16 with BOM or GB18030 text.");
        }

        if (TryDecode(bytes, Strict(new UTF8Encoding(false)), out var utf8))
        {
            return utf8;
        }

        if (TryDecode(bytes, Strict(Encoding.GetEncoding("GB18030")), out var gb))
        {
            return gb;
        }

        throw new InputException($"{name}: cannot be decoded as UTF-8 or GB18030; name its encoding with --encoding.");
    }

    private static Encoding ResolveEncoding(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new InputException($"unknown encoding '{name}' (try utf-8, utf-16, gb18030, gbk).");
        }
    }

    private static Encoding Strict(Encoding encoding) => encoding switch
    {
        UTF8Encoding => new UTF8Encoding(false, throwOnInvalidBytes: true),
        UnicodeEncoding unicode => new UnicodeEncoding(bigEndian: unicode.CodePage == 1201, byteOrderMark: false, throwOnInvalidBytes: true),
        _ => Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
    };

    private static string DecodeOrThrow(byte[] bytes, Encoding encoding, string name, string problem) =>
        TryDecode(bytes, encoding, out var text) ? text : throw new InputException($"{name}: {problem}.");

    private static bool TryDecode(byte[] bytes, Encoding encoding, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }
}
