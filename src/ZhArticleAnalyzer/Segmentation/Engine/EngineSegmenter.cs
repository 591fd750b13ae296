using System.Collections.Immutable;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// The engine behind <see cref="ISegmenter"/>: jieba's <c>Cut</c> (HMM on or off), whitespace
/// dropped, tagged like <see cref="JiebaSegmenterAdapter"/> tags jieba.NET's words: the
/// dictionary's tag, else eng, m or x by characters, else the POS HMM's tag for a Han word it
/// does not know. Owns its dictionary; thread-safe.
/// </summary>
internal sealed class EngineSegmenter : ISegmenter
{
    private readonly bool _useHmm;

    public EngineSegmenter(JiebaEngine engine, bool useHmm)
    {
        Engine = engine;
        _useHmm = useHmm;
    }

    public string Name => "engine";

    public JiebaEngine Engine { get; }

    public ImmutableArray<Token> Segment(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        if (text.Length == 0)
        {
            return [];
        }

        var list = EngineScratch.Current.Tokens;
        list.Clear();
        if (_useHmm)
        {
            Engine.Cut(text, list);
        }
        else
        {
            Engine.CutWithoutHmm(text, list);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var count = 0;
        foreach (var token in list.Items)
        {
            if (token.Tag != EngineToken.Whitespace)
            {
                count++;
            }
        }

        var builder = ImmutableArray.CreateBuilder<Token>(count);
        var position = 0;
        foreach (var token in list.Items)
        {
            if (token.Start > position)
            {
                // jieba's HMM can in theory leave characters out; they become one-character tokens.
                AddCharacters(text, position, token.Start, builder);
            }

            if (token.Tag != EngineToken.Whitespace)
            {
                builder.Add(new Token(new TextSpan(token.Start, token.End), Tag(text.AsSpan(token.Start, token.Length), token.Tag)));
            }

            position = Math.Max(position, token.End);
        }

        AddCharacters(text, position, text.Length, builder);
        return builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();
    }

    private string Tag(ReadOnlySpan<char> word, int tag)
    {
        var names = Engine.Dictionary.TagNames;
        if (tag >= 0)
        {
            return names[tag];
        }

        tag = Engine.Dictionary.Tag(word);
        if (tag >= 0)
        {
            return names[tag];
        }

        return CharacterClass.Of(word) switch
        {
            CharacterClass.Kind.Latin => "eng",
            CharacterClass.Kind.Numeric => "m",
            CharacterClass.Kind.Han => names[Engine.PosHmmTagOfLastWord(word)],
            _ => "x",
        };
    }

    private void AddCharacters(string text, int start, int end, ImmutableArray<Token>.Builder builder)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                builder.Add(new Token(new TextSpan(i, i + 1), Tag(text.AsSpan(i, 1), EngineToken.NoTag)));
            }
        }
    }
}
