using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Text;

public class TextSpanTests
{
    [Fact]
    public void TextSpan_RejectsNegativeStartAndEndBeforeStart()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(3, 2));
    }

    [Theory]
    [InlineData(0, 5, 2, 4, true, true)]
    [InlineData(0, 5, 5, 7, false, false)]
    [InlineData(2, 6, 0, 3, false, true)]
    [InlineData(2, 2, 2, 2, true, false)]
    public void TextSpan_ContainsAndOverlaps(int s1, int e1, int s2, int e2, bool contains, bool overlaps)
    {
        var a = new TextSpan(s1, e1);
        var b = new TextSpan(s2, e2);
        Assert.Equal(contains, a.Contains(b));
        Assert.Equal(overlaps, a.Overlaps(b));
        Assert.Equal(overlaps, b.Overlaps(a));
    }

    [Fact]
    public void TextSpan_OrdersByStartThenEnd()
    {
        TextSpan[] spans = [new(3, 4), new(1, 5), new(1, 2)];
        Assert.Equal([new TextSpan(1, 2), new TextSpan(1, 5), new TextSpan(3, 4)], spans.Order().ToArray());
        Assert.Equal("[1..5)", new TextSpan(1, 5).ToString());
        Assert.Equal(4, new TextSpan(1, 5).Length);
    }
}
