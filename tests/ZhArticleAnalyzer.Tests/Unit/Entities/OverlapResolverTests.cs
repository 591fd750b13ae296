using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class OverlapResolverTests
{
    private static EntityCandidate C(int start, int end, EntityType type, EntitySource source, double confidence = 0.9) =>
        new(new TextSpan(start, end), type, null, confidence, source);

    private static List<EntityCandidate> Resolve(List<EntityCandidate> candidates)
    {
        var chosen = new List<EntityCandidate>();
        OverlapResolver.Resolve(candidates, chosen);
        return chosen;
    }

    [Fact]
    public void OverlapResolver_LongestWinsWithinASource()
    {
        var chosen = Resolve([C(0, 2, EntityType.Organization, EntitySource.Gazetteer), C(0, 3, EntityType.Organization, EntitySource.Gazetteer)]);
        Assert.Equal(new TextSpan(0, 3), Assert.Single(chosen).Span);
    }

    [Fact]
    public void OverlapResolver_GazetteerBeatsTheModel()
    {
        var chosen = Resolve([C(0, 5, EntityType.Organization, EntitySource.Model), C(0, 3, EntityType.Product, EntitySource.Gazetteer)]);
        Assert.Equal((new TextSpan(0, 3), EntityType.Product), (Assert.Single(chosen).Span, chosen[0].Type));
    }

    [Fact]
    public void OverlapResolver_ConfidentModelOrganisationStartingWithAPlaceWins()
    {
        // 美国劳工部: the model's organisation over the gazetteer's 美国.
        var chosen = Resolve([C(0, 2, EntityType.Location, EntitySource.Gazetteer), C(0, 5, EntityType.Organization, EntitySource.Model, 0.9)]);
        Assert.Equal(new TextSpan(0, 5), Assert.Single(chosen).Span);
        var weak = Resolve([C(0, 2, EntityType.Location, EntitySource.Gazetteer), C(0, 5, EntityType.Organization, EntitySource.Model, 0.3)]);
        Assert.Equal(new TextSpan(0, 2), Assert.Single(weak).Span);
    }

    [Fact]
    public void OverlapResolver_ResultIsOrderedAndDisjoint()
    {
        var chosen = Resolve(
        [
            C(5, 8, EntityType.Person, EntitySource.Model), C(0, 3, EntityType.Organization, EntitySource.Gazetteer),
            C(2, 6, EntityType.Location, EntitySource.Model), C(9, 12, EntityType.Work, EntitySource.Pattern),
        ]);
        Assert.Equal([new TextSpan(0, 3), new TextSpan(5, 8), new TextSpan(9, 12)], chosen.Select(c => c.Span));
    }
}
