using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Segmentation.Engine;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Unit.Segmentation.Engine;

public sealed class EngineImageTests : IDisposable
{
    private const string Text = "工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作";

    private readonly string _folder = Directory.CreateTempSubdirectory("zhaa-image-").FullName;

    private static Func<string, Stream> RepoSources { get; } = EngineModelCache.Sources(RepoPaths.Repo("dictionaries", "jieba"));

    [Fact]
    public void ShippedImage_IsWhatTheBuilderMakesFromJiebasFiles()
    {
        using var built = new MemoryStream();
        EngineImage.WriteFromSources(RepoSources, built);
        var committed = File.ReadAllBytes(RepoPaths.Repo("dictionaries", "jieba", "engine.bin"));

        // When jieba's files change, this fails until `zharticle engine-image` has rewritten the image.
        Assert.True(committed.AsSpan().SequenceEqual(built.ToArray()), "dictionaries/jieba/engine.bin is stale: run `zharticle engine-image` from the repository root.");
    }

    [Fact]
    public void ShippedImage_IsEmbeddedAndMatchesTheEmbeddedSources()
    {
        using var stream = EmbeddedData.Open(EngineModelCache.ShippedImage);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var model = EngineImage.Read(bytes, EngineImage.SourceHash(EngineModelCache.Sources(null)));
        Assert.Equal(Cut(EngineModel.Parse(EngineModelCache.Sources(null))), Cut(model));
    }

    [Fact]
    public void Image_RoundTripsToTheSameModel()
    {
        var model = EngineModelCache.Get(null);
        var hash = EngineImage.SourceHash(EngineModelCache.Sources(null));
        using var stream = new MemoryStream();
        EngineImage.Write(stream, model, hash);
        var copy = EngineImage.Read(stream.ToArray(), hash);
        Assert.Equal(model.Total, copy.Total);
        Assert.Equal(model.TagNames, copy.TagNames);
        Assert.Equal(model.Words.Labels, copy.Words.Labels);
        Assert.Equal(model.Words.Values, copy.Words.Values);
        Assert.Equal(model.Pos.Ranks, copy.Pos.Ranks);
        Assert.Equal(model.Pos.Successors, copy.Pos.Successors);
        Assert.Equal(Cut(model), Cut(copy));
    }

    [Fact]
    public void Image_OfOtherSourcesOrAForeignFile_IsRejected()
    {
        var hash = EngineImage.SourceHash(EngineModelCache.Sources(null));
        using var stream = new MemoryStream();
        EngineImage.Write(stream, EngineModelCache.Get(null), hash);
        var otherHash = (byte[])hash.Clone();
        otherHash[0] ^= 1;
        Assert.Throws<InvalidDataException>(() => EngineImage.Read(stream.ToArray(), otherHash));
        Assert.Throws<InvalidDataException>(() => EngineImage.Read([3, (byte)'a', (byte)'b', (byte)'c'], hash));
    }

    [Fact]
    public void DataDirectory_WithOtherData_IsParsedInsteadOfTheShippedImage()
    {
        foreach (var file in JiebaDataFiles.Required)
        {
            File.Copy(Path.Combine(JiebaDataFiles.Prepare(null), file), Path.Combine(_folder, file));
        }

        // A word no jieba dictionary has, with a frequency of its own; the shipped image cannot know it.
        File.AppendAllText(Path.Combine(_folder, "dict.txt"), "甲乙丙丁戊 7 nz\n");
        var model = EngineModelCache.Get(_folder);
        var dictionary = EngineDictionary.Plain(model);
        Assert.Equal(7, dictionary.Frequency("甲乙丙丁戊"));
        Assert.Equal("nz", model.TagNames[dictionary.Tag("甲乙丙丁戊")]);
        Assert.Equal(0, EngineDictionary.Plain(EngineModelCache.Get(null)).Frequency("甲乙丙丁戊"));
    }

    private static EngineToken[] Cut(EngineModel model)
    {
        var tokens = new EngineTokenList();
        new JiebaEngine(EngineDictionary.Plain(model)).CutWithPos(Text, tokens);
        return tokens.Items.ToArray();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
