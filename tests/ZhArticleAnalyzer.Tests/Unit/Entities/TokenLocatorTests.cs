using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class TokenLocatorTests
{
    // "阿里云 发布" : tokens [0, 3) and [4, 6), a space at 3.
    private static readonly Token[] Tokens = [new(new TextSpan(0, 3), "nt"), new(new TextSpan(4, 6), "v")];

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, -1)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, -1)]
    public void Locator_FindsTheTokenCoveringAPosition(int position, int expected) =>
        Assert.Equal(expected, TokenLocator.Covering(Tokens, position));

    [Fact]
    public void Locator_FindsNothingWithoutTokens() => Assert.Equal(-1, TokenLocator.Covering([], 0));
}
