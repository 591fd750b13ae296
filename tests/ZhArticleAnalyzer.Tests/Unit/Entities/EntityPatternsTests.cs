using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Tests.Infrastructure;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class EntityPatternsTests
{
    private static List<(string Text, EntityType Type)> Match(string text)
    {
        var normalized = CharNormalizer.Normalize(text);
        var tokens = SharedAnalyzer.Instance.Segmenter.Segment(normalized).Select(t => new Token(t.Span, t.Pos)).ToArray();
        var found = new List<EntityCandidate>();
        EntityPatterns.Match(normalized, tokens, ArticleParts.Empty, found);
        return [.. found.Select(c => (text.Substring(c.Span.Start, c.Span.Length), c.Type))];
    }

    [Theory]
    [InlineData("平头哥的芯片登上《新闻联播》。", "新闻联播")]
    [InlineData("印发《关于支持本市燃料电池汽车产业发展若干政策》的通知", "关于支持本市燃料电池汽车产业发展若干政策")]
    public void Patterns_TitleInBracketsIsAWork(string text, string expected) =>
        Assert.Contains((expected, EntityType.Work), Match(text));

    [Theory]
    [InlineData("公司拟收购 Fast Flow Limited 的全部股权", "Fast Flow Limited")]
    [InlineData("来自CYVN Holdings L.L.C.的投资", "CYVN Holdings L.L.C.")]
    public void Patterns_LatinCompanyWithLegalSuffix(string text, string expected) =>
        Assert.Contains((expected, EntityType.Organization), Match(text));

    [Theory]
    [InlineData("该公司为阿布扎比政府持有多数股权", "阿布扎比政府")]
    public void Patterns_NameWithOrganisationSuffix(string text, string expected) =>
        Assert.Contains((expected, EntityType.Organization), Match(text));

    [Theory]
    [InlineData("大众发布了车型ID.5，定位纯电", "ID.5")]
    [InlineData("蔚来近期推出全新ES6车型", "ES6")]
    [InlineData("6月推出新一代无人车Apollo Moon，成本更低", "Apollo Moon")]
    [InlineData("新车型将采用百度AVP产品", "AVP")]
    [InlineData("后脚又推出ET5旅行版车型", "ET5旅行版")]
    public void Patterns_ModelNameNextToAProductCue(string text, string expected) =>
        Assert.Contains((expected, EntityType.Product), Match(text));

    [Theory]
    [InlineData("平头哥的PPU AI芯片登上新闻")]
    [InlineData("大众正式发布ID家族中的第四款车")]
    [InlineData("在宏光MINI EV这款车型上也有供应")]
    public void Patterns_ShortLatinWordsNextToACueAreNoProducts(string text) =>
        Assert.DoesNotContain(Match(text), m => m.Type == EntityType.Product);

    [Theory]
    [InlineData("该厂今年推出Model Y，交付提速", "Model Y")]
    [InlineData("北汽推出BEIJING X7车型", "BEIJING X7")]
    public void Patterns_ModelNameTakesItsNumberAfterASpace(string text, string expected) =>
        Assert.Contains((expected, EntityType.Product), Match(text));

    [Theory]
    [InlineData("公司的LED产品出货量增长")]
    [InlineData("国产MCU芯片加速替代")]
    [InlineData("云端ERP平台的客户数翻倍")]
    [InlineData("紧凑型SUV车型热销")]
    [InlineData("新款Pro系列配备三摄")]
    [InlineData("公司Q3产品出货量增长")]
    public void Patterns_CategoriesNextToACueAreNoProducts(string text) =>
        Assert.DoesNotContain(Match(text), m => m.Type == EntityType.Product);

    [Fact]
    public void Patterns_GazetteerOrganisationNextToACueIsNoProduct()
    {
        const string text = "国内厂商采购ASML产品";
        var org = new EntityCandidate(new TextSpan(6, 10), EntityType.Organization, "阿斯麦", 0.95, EntitySource.Gazetteer);
        var found = new List<EntityCandidate>();
        EntityPatterns.Match(text, [], ArticleParts.Empty, found, [org]);
        Assert.DoesNotContain(found, c => c.Type == EntityType.Product);
    }

    [Theory]
    [InlineData("售价不变的iPhone 12包装里没有充电器", 5, 11, "iPhone 12")]
    [InlineData("首款iQOO Neo5今日开售", 2, 6, "iQOO Neo5")]
    [InlineData("这款iPad Pro性能更强", 2, 6, "iPad Pro")]
    [InlineData("高合HiPhi\u00A0X上市", 2, 7, "HiPhi\u00A0X")]
    [InlineData("三星Galaxy Z Fold 3开售", 2, 8, "Galaxy Z Fold 3")]
    [InlineData("这台Galaxy Note 20 Ultra很贵", 2, 8, "Galaxy Note 20 Ultra")]
    [InlineData("比亚迪宋PLUS DM-i销量大增", 3, 8, "宋PLUS DM-i")]
    [InlineData("秦PLUS EV降价", 0, 5, "秦PLUS EV")]
    [InlineData("问界M7同台竞技", 0, 2, "问界M7")]
    [InlineData("长城哈弗H6的销量", 2, 4, "哈弗H6")]
    public void Patterns_GazetteerProductTakesItsModelNumber(string text, int start, int end, string expected)
    {
        var found = AfterGazetteerName(text, start, end, EntityType.Product, EntityPatterns.ProductModels);
        Assert.Equal(expected, text.Substring(Assert.Single(found).Span.Start, Assert.Single(found).Span.Length));
    }

    [Theory]
    [InlineData("新款小鹏P5订单火爆", 2, 4, "P5")]
    [InlineData("奥迪A4L降价促销", 0, 2, "A4L")]
    [InlineData("沃尔沃XC60的销量", 0, 3, "XC60")]
    public void Patterns_ModelCodeAfterAMakerIsAProduct(string text, int start, int end, string expected)
    {
        var found = AfterGazetteerName(text, start, end, EntityType.Organization, EntityPatterns.ProductModels);
        var product = Assert.Single(found);
        Assert.Equal((expected, EntityType.Product), (text.Substring(product.Span.Start, product.Span.Length), product.Type));
    }

    [Theory]
    [InlineData("伊利Q3收入增长", 0, 2)]
    [InlineData("蒙牛CEO6月表示", 0, 2)]
    [InlineData("京东NO1的品类", 0, 2)]
    public void Patterns_PeriodOrTitleAfterAMakerIsNoProduct(string text, int start, int end)
    {
        var found = AfterGazetteerName(text, start, end, EntityType.Organization, EntityPatterns.ProductModels);
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("今年iPhone 2022年的销量", 2, 8)]
    [InlineData("iPhone 12亿部的累计销量", 0, 6)]
    [InlineData("天猫 618的成交额", 0, 2)]
    [InlineData("抖音TOP1主播", 0, 2)]
    [InlineData("问界Q3交付量", 0, 2)]
    public void Patterns_GazetteerProductTakesNoYearOrAmount(string text, int start, int end)
    {
        var found = AfterGazetteerName(text, start, end, EntityType.Product, EntityPatterns.ProductModels);
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("合肥市国资委将股权无偿划转给安徽省财政厅", "合肥市国资委")]
    [InlineData("合肥市国资委将股权无偿划转给安徽省财政厅", "安徽省财政厅")]
    [InlineData("上海市发展改革委印发通知", "上海市发展改革委")]
    [InlineData("安徽证监局发文", "安徽证监局")]
    [InlineData("深圳市市场监管局表示", "深圳市市场监管局")]
    [InlineData("股权划转给省财政厅", "省财政厅")]
    public void Patterns_PlaceAndGovernmentDepartment(string text, string expected) =>
        Assert.Contains((expected, EntityType.Organization), Match(text));

    [Theory]
    [InlineData("浙江嘉兴农村商业银行发布年报", "浙江嘉兴农村商业银行")]
    [InlineData("中国银行上海分公司开业", "中国银行上海分公司")]
    [InlineData("招商银行杭州分行行长出席", "招商银行杭州分行")]
    [InlineData("工商银行西湖路支行办理业务", "工商银行西湖路支行")]
    public void Patterns_KindsOfBanksAndBranchesEndLongerNames(string text, string expected) =>
        Assert.Contains((expected, EntityType.Organization), Match(text));

    [Theory]
    [InlineData("温州眼镜商会表示将组团参展", "温州眼镜商会")]
    [InlineData("中国仪器仪表学会召开理事会", "中国仪器仪表学会")]
    [InlineData("上海纺织工业联合会发布倡议", "上海纺织工业联合会")]
    [InlineData("中国钢铁加工利用协会统计显示", "中国钢铁加工利用协会")]
    [InlineData("武汉岩土力学研究所的团队", "武汉岩土力学研究所")]
    public void Patterns_BodiesWithTheirField(string text, string expected) =>
        Assert.Contains((expected, EntityType.Organization), Match(text));

    [Theory]
    [InlineData("湖南省医保局发文", "湖南省医保局")]
    [InlineData("浙江省药品监督管理局通报", "浙江省药品监督管理局")]
    [InlineData("江苏监管局下发警示函", "江苏监管局")]
    [InlineData("据中国海关总署统计", "中国海关总署")]
    public void Patterns_PlaceAndMoreGovernmentDepartments(string text, string expected) =>
        Assert.Contains((expected, EntityType.Organization), Match(text));

    [Theory]
    [InlineData("一家美国咨询公司预计油价回落", "美国咨询公司")]
    [InlineData("湖北影响公司的产能", "湖北影响公司")]
    public void Patterns_ActivityBeforeCompanyIsADescription(string text, string description) =>
        Assert.DoesNotContain((description, EntityType.Organization), Match(text));

    [Theory]
    [InlineData("该市财政局长出席")]
    [InlineData("2021H1公司实现营收10亿元")]
    [InlineData("2021Q2单季公司净利润增长")]
    [InlineData("Q3公司毛利率环比改善")]
    [InlineData("22H1公司营收同比增长")]
    [InlineData("1H22公司净利润下滑")]
    [InlineData("3Q19公司费用率下降")]
    [InlineData("国内EDA公司数量不多")]
    [InlineData("今年ESG基金规模扩大")]
    public void Patterns_NoOrganisation(string text) =>
        Assert.DoesNotContain(Match(text), m => m.Type == EntityType.Organization);

    [Theory]
    [InlineData("该公司表示将继续投入")]
    [InlineData("上市公司的数量增加")]
    [InlineData("中国科技企业在AI时代")]
    [InlineData("多家上市银行的不良率下降")]
    [InlineData("今年新发基金的规模回落")]
    [InlineData("普通股票型基金的仓位上升")]
    [InlineData("各分支行加大信贷投放")]
    public void Patterns_GenericHeadsAreNoNames(string text) =>
        Assert.DoesNotContain(Match(text), m => m.Type == EntityType.Organization);

    [Theory]
    [InlineData("PeriodCodes", "2021H1")]
    [InlineData("PeriodCodes", "21Q4")]
    [InlineData("PeriodCodes", "Q2")]
    [InlineData("PeriodCodes", "3Q2019")]
    [InlineData("PeriodCodes", "21YTD")]
    [InlineData("NoPeriodCodes", "H20")]
    [InlineData("NoPeriodCodes", "Q5")]
    [InlineData("NoPeriodCodes", "ES6")]
    public void Patterns_PeriodCodes(string kind, string word) =>
        Assert.Equal(kind == "PeriodCodes", EntityPatterns.IsPeriodCode(word));

    [Fact]
    public void Patterns_SourceLineNamesThePublisher()
    {
        const string text = "正文。\n来源:科技指南";
        var parts = new ArticleParts(null, null, new TextSpan(0, 3), new TextSpan(7, 11));
        var found = new List<EntityCandidate>();
        EntityPatterns.Match(text, [], parts, found);
        Assert.Contains(found, c => c.Span == new TextSpan(7, 11) && c.Type == EntityType.Organization);
    }

    [Theory]
    [InlineData("她买入景顺长城稳健增长混合A的份额", 3, 7, "景顺长城稳健增长混合A")]
    [InlineData("汇添富医疗创新股票近一年回撤较大", 0, 3, "汇添富医疗创新股票")]
    [InlineData("华安港股科技ETF发起式上市", 0, 2, "华安港股科技ETF发起式")]
    [InlineData("易方达稳健收益债券型证券投资基金增持", 0, 3, "易方达稳健收益债券型证券投资基金")]
    public void Patterns_FundNameAfterItsManagerIsAProduct(string text, int start, int end, string expected)
    {
        var found = AfterGazetteerName(text, start, end, EntityType.Organization, EntityPatterns.FundNames);
        var fund = Assert.Single(found);
        Assert.Equal((expected, EntityType.Product), (text.Substring(fund.Span.Start, fund.Span.Length), fund.Type));
    }

    [Theory]
    [InlineData("深交所对公司股票实施停牌", 0, 3)]
    [InlineData("华新控股发行的绿色债券获得认购", 0, 4)]
    [InlineData("宏远科技披露2024年限制性股票激励计划", 0, 4)]
    [InlineData("宏远科技股票大涨", 0, 4)]
    public void Patterns_ClausesBeforeAFundTypeAreNoFunds(string text, int start, int end)
    {
        var found = AfterGazetteerName(text, start, end, EntityType.Organization, EntityPatterns.FundNames);
        Assert.Empty(found);
    }

    [Fact]
    public void Patterns_EnhancedIndexFundIsOneProduct()
    {
        const string text = "国泰君安沪深300指数增强A净值上涨";
        var org = new EntityCandidate(new TextSpan(0, 4), EntityType.Organization, "国泰君安", 0.95, EntitySource.Gazetteer);
        var names = new List<EntityCandidate>();
        EntityPatterns.IndexNames(text, [org], names);
        Assert.Equal("国泰君安沪深300指数增强A", text.Substring(Assert.Single(names).Span.Start, Assert.Single(names).Span.Length));
    }

    [Fact]
    public void Patterns_IndexAfterAKnownOrganisationIsAProduct()
    {
        const string text = "纳斯达克综合指数上涨";
        var org = new EntityCandidate(new TextSpan(0, 4), EntityType.Organization, "纳斯达克", 0.95, EntitySource.Gazetteer);
        var names = new List<EntityCandidate>();
        EntityPatterns.IndexNames(text, [org], names);
        var found = Assert.Single(names);
        Assert.Equal((new TextSpan(0, 8), EntityType.Product), (found.Span, found.Type));
    }

    /// <summary>What <paramref name="rule"/> finds in <paramref name="text"/> when the gazetteer named text[start..end] as <paramref name="type"/>.</summary>
    private static List<EntityCandidate> AfterGazetteerName(string text, int start, int end, EntityType type, Action<string, List<EntityCandidate>, List<EntityCandidate>> rule)
    {
        var found = new List<EntityCandidate>();
        rule(text, [new EntityCandidate(new TextSpan(start, end), type, null, 0.95, EntitySource.Gazetteer)], found);
        return found;
    }
}
