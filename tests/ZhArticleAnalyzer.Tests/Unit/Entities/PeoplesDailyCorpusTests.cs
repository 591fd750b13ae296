using ZhArticleAnalyzer.Cli.Training;
using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class PeoplesDailyCorpusTests
{
    [Fact]
    public void SplitPersonName_IsOnePerson_AndTheParagraphIdIsDropped()
    {
        var sentence = Assert.Single(PeoplesDailyCorpus.Parse(["19980101-01-001-002/m  中共中央/nt  总书记/n  、/w  国家/n  主席/n  江/nr  泽民/nr  "]));
        Assert.Equal("中共中央总书记、国家主席江泽民", sentence.Text);
        Assert.Equal([("中共中央", "ORG"), ("江泽民", "PER")], Entities(sentence));
    }

    [Fact]
    public void PlaceAndOrganisationCompounds_AreOneEntity_WhateverTheirPartsAre()
    {
        var sentence = Assert.Single(PeoplesDailyCorpus.Parse(["通过/p  [中国/ns  国际/n  广播/vn  电台/n]nt  向/p  [香港/ns  特别/a  行政区/n]ns  同胞/n  、/w  澳门/ns  和/c  台湾/ns  同胞/n  "]));
        Assert.Equal([("中国国际广播电台", "ORG"), ("香港特别行政区", "LOC"), ("澳门", "LOC"), ("台湾", "LOC")], Entities(sentence));
    }

    [Fact]
    public void OtherCompounds_KeepTheirPartsNames()
    {
        var sentence = Assert.Single(PeoplesDailyCorpus.Parse(["学习/v  [邓/nr  小平/nr  理论/n]nz  "]));
        Assert.Equal([("邓小平", "PER")], Entities(sentence));
    }

    [Fact]
    public void FullWidthCharacters_StayFullWidth_AndSentencesEndAfterTheirClosingMarks()
    {
        var sentences = PeoplesDailyCorpus.Parse(["１２月/t  ３１日/t  ，/w  他/r  说/v  ：/w  “/w  好/a  。/w  ”/w  （/w  新华社/nt  记者/n  兰/nr  红光/nr  摄/Vg  ）/w  "]);
        Assert.Equal(["１２月３１日，他说：“好。”", "（新华社记者兰红光摄）"], sentences.Select(s => s.Text));
        Assert.Equal([("新华社", "ORG"), ("兰红光", "PER")], Entities(sentences[1]));
    }

    [Fact]
    public void AdjacentNamesOfTwoTypes_StaySeparate()
    {
        var sentence = Assert.Single(PeoplesDailyCorpus.Parse(["北京/ns  李/nr  鹏/nr  会见/v  "]));
        Assert.Equal([NerLabels.Begin(1), NerLabels.Inside(1), NerLabels.Begin(0), NerLabels.Inside(0), NerLabels.Outside, NerLabels.Outside], sentence.Labels);
    }

    [Fact]
    public void Filter_DropsTheSentencesWhereTheModelFindsANameTheCorpusLeavesOut()
    {
        var tagged = PeoplesDailyCorpus.Parse(["国务院/nt  总理/n  李/nr  鹏/nr  在/p  北京/ns  会见/v  了/u  美国/ns  国务卿/n  奥尔布赖特/nr  。/w  "]);
        var placeLeftOut = PeoplesDailyCorpus.Parse(["国务院/nt  总理/n  李/nr  鹏/nr  在/p  北京/n  会见/v  了/u  美国/ns  国务卿/n  奥尔布赖特/nr  。/w  "]);
        Assert.Single(PeoplesDailyCorpus.AgreeingWith(NerModel.Shipped, tagged));
        Assert.Empty(PeoplesDailyCorpus.AgreeingWith(NerModel.Shipped, placeLeftOut));
    }

    private static List<(string, string)> Entities(NerSentence sentence) =>
        [.. BioCorpus.Spans(sentence.Labels).Select(s => (sentence.Text[s.Start..s.End], NerLabels.Name(NerLabels.Begin(s.Type))[2..]))];
}
