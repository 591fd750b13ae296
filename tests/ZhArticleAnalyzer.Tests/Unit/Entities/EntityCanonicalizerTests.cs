using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class EntityCanonicalizerTests
{
    private static List<string> Canonicals(string text, params (string Name, EntityType Type, string? Canonical)[] mentions)
    {
        var candidates = new List<EntityCandidate>();
        var from = 0;
        foreach (var (name, type, canonical) in mentions)
        {
            var start = text.IndexOf(name, from, StringComparison.Ordinal);
            candidates.Add(new EntityCandidate(new TextSpan(start, start + name.Length), type, canonical, 0.9, EntitySource.Gazetteer));
            from = start + name.Length;
        }

        return [.. EntityCanonicalizer.Apply(text, candidates).Select(x => x.Canonical)];
    }

    [Fact]
    public void Canonicalizer_ShortNameAfterTheFullNameSharesIt()
    {
        Assert.Equal(["腾讯控股", "腾讯控股"], Canonicals("腾讯控股发布公告，腾讯表示", ("腾讯控股", EntityType.Organization, null), ("腾讯", EntityType.Organization, null)));
        Assert.Equal(["阿里巴巴集团", "阿里巴巴集团"], Canonicals("阿里巴巴集团与阿里", ("阿里巴巴集团", EntityType.Organization, "阿里巴巴"), ("阿里", EntityType.Organization, "阿里巴巴")));
    }

    [Fact]
    public void Canonicalizer_DictionaryCanonicalWhenOnlyOneNameIsUsed() =>
        Assert.Equal(["字节跳动", "字节跳动"], Canonicals("字节和字节", ("字节", EntityType.Organization, "字节跳动"), ("字节", EntityType.Organization, "字节跳动")));

    [Fact]
    public void Canonicalizer_CompanyWordDropsWhenTheBareNameIsUsed() =>
        Assert.Equal(["特斯拉", "特斯拉"], Canonicals("特斯拉公司与特斯拉", ("特斯拉公司", EntityType.Organization, null), ("特斯拉", EntityType.Organization, null)));

    [Fact]
    public void Canonicalizer_UnitsOfACompanyStayApart() =>
        Assert.Equal(["阿里云", "阿里巴巴"], Canonicals("阿里云与阿里", ("阿里云", EntityType.Organization, null), ("阿里", EntityType.Organization, "阿里巴巴")));

    [Fact]
    public void Canonicalizer_LatinShortNameJoinsTheMostFrequentLongName() =>
        Assert.Equal(
            ["CYVN Holdings L.L.C.", "CYVN Investments RSC Ltd", "CYVN Holdings L.L.C.", "CYVN Holdings L.L.C."],
            Canonicals(
                "CYVN Holdings L.L.C. CYVN Investments RSC Ltd CYVN Holdings L.L.C. CYVN",
                ("CYVN Holdings L.L.C.", EntityType.Organization, null),
                ("CYVN Investments RSC Ltd", EntityType.Organization, null),
                ("CYVN Holdings L.L.C.", EntityType.Organization, null),
                ("CYVN", EntityType.Organization, null)));

    [Fact]
    public void Canonicalizer_ProductVariantsStayApart() =>
        Assert.Equal(["ID.5", "ID.5 GTX"], Canonicals("ID.5与ID.5 GTX", ("ID.5", EntityType.Product, null), ("ID.5 GTX", EntityType.Product, null)));

    [Theory]
    [InlineData("腾讯", "腾讯控股", true)]
    [InlineData("荆门", "荆门市", true)]
    [InlineData("阿里", "阿里云", false)]
    [InlineData("百度", "百度AI云", false)]
    [InlineData("东吴证", "东吴证券", true)]
    public void Canonicalizer_Abbreviates(string shortName, string longName, bool expected) =>
        Assert.Equal(expected, EntityCanonicalizer.Abbreviates(shortName, longName));

    [Fact]
    public void Canonicalizer_SameTextSameType()
    {
        const string text = "华为与华为";
        var result = EntityCanonicalizer.Apply(text,
        [
            new EntityCandidate(new TextSpan(0, 2), EntityType.Organization, null, 0.95, EntitySource.Gazetteer),
            new EntityCandidate(new TextSpan(3, 5), EntityType.Person, null, 0.6, EntitySource.Model),
        ]);
        Assert.All(result, r => Assert.Equal(EntityType.Organization, r.Candidate.Type));
    }
}
