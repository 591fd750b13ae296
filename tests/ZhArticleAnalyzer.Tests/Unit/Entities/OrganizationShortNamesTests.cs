using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class OrganizationShortNamesTests
{
    private static EntityCandidate Mention(string text, string name, EntityType type, EntitySource source)
    {
        var start = text.IndexOf(name, StringComparison.Ordinal);
        return new EntityCandidate(new TextSpan(start, start + name.Length), type, null, 0.9, source);
    }

    /// <summary>The type the rule leaves on a model person written after a pattern organisation of the same text.</summary>
    private static EntityType TypeOfLaterModelPerson(string text, string organization, string name)
    {
        var start = text.LastIndexOf(name, StringComparison.Ordinal);
        var mentions = new List<EntityCandidate>
        {
            Mention(text, organization, EntityType.Organization, EntitySource.Pattern),
            new(new TextSpan(start, start + name.Length), EntityType.Person, null, 0.8, EntitySource.Model),
        };
        OrganizationShortNames.Apply(text, mentions);
        return mentions[1].Type;
    }

    [Theory]
    [InlineData("晨曦陶瓷集团宣布，晨曦陶瓷将扩产。", "晨曦陶瓷集团", "晨曦陶瓷")]
    [InlineData("诺瓦康生物医药科技有限公司上市首日，诺瓦康股价上涨。", "诺瓦康生物医药科技有限公司", "诺瓦康")]
    public void ShortNames_ModelPersonStartingAnOrganisationBecomesIt(string text, string organization, string name)
    {
        Assert.Equal(EntityType.Organization, TypeOfLaterModelPerson(text, organization, name));
    }

    [Theory]
    [InlineData("王明远基金会成立十年，王明远出席。", "王明远基金会", "王明远")]
    [InlineData("李安德政府上台后，李安德推出减税计划。", "李安德政府", "李安德")]
    public void ShortNames_BodiesNamedAfterAPersonKeepThePerson(string text, string organization, string name)
    {
        Assert.Equal(EntityType.Person, TypeOfLaterModelPerson(text, organization, name));
    }

    [Fact]
    public void ShortNames_GazetteerPersonsAreLeftAlone()
    {
        const string text = "张海峰控股有限公司的实控人张海峰表示";
        var mentions = new List<EntityCandidate>
        {
            Mention(text, "张海峰控股有限公司", EntityType.Organization, EntitySource.Pattern),
            new(new TextSpan(13, 16), EntityType.Person, null, 0.95, EntitySource.Gazetteer),
        };
        OrganizationShortNames.Apply(text, mentions);
        Assert.Equal(EntityType.Person, mentions[1].Type);
    }
}
