using ZhArticleAnalyzer.Entities;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class FrozenCharTrieTests
{
    private static readonly FrozenCharTrie<int> Trie = new([("阿里", 1), ("阿里巴巴", 2), ("阿里巴巴集团", 3), ("云", 4), ("AWS", 5)]);

    [Theory]
    [InlineData("阿里巴巴集团发布", 0, 6, 3)]
    [InlineData("阿里巴巴发布", 0, 4, 2)]
    [InlineData("阿里巴发布", 0, 2, 1)]
    [InlineData("上云", 1, 1, 4)]
    [InlineData("用AWS", 1, 3, 5)]
    public void Trie_FindsTheLongestWordAtAPosition(string text, int start, int length, int value)
    {
        Assert.Equal(length, Trie.LongestAt(text, start, out var found));
        Assert.Equal(value, found);
        Assert.True(Trie.NextPossibleStart(text, 0) <= start);
        Assert.Equal(start, Trie.NextPossibleStart(text, start));
    }

    [Theory]
    [InlineData("阿")]
    [InlineData("阿拉伯")]
    [InlineData("AW")]
    public void Trie_FindsNothingWhereNoWordStarts(string text) => Assert.Equal(0, Trie.LongestAt(text, 0, out _));

    [Fact]
    public void Trie_LooksUpWholeWords()
    {
        Assert.True(Trie.TryGet("阿里巴巴", out var value));
        Assert.Equal(2, value);
        Assert.False(Trie.TryGet("阿里巴", out _));
        Assert.Equal(5, Trie.Count);
        Assert.Equal(6, Trie.MaxLength);
    }
}
