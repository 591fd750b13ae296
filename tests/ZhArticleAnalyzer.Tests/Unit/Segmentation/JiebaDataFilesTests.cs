using ZhArticleAnalyzer.Segmentation;

namespace ZhArticleAnalyzer.Tests.Unit.Segmentation;

public sealed class JiebaDataFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zhaa-jieba-").FullName;

    [Fact]
    public void Prepare_NamesTheMissingFileAndTheFix()
    {
        var error = Assert.Throws<ZhArticleAnalyzerException>(() => JiebaDataFiles.Prepare(_folder));
        Assert.Equal(ErrorCodes.JiebaDataMissing, error.Code);
        Assert.Contains("dict.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("JiebaDataDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_RejectsAnEmptyDataFile()
    {
        foreach (var file in JiebaDataFiles.Required)
        {
            File.WriteAllText(Path.Combine(_folder, file), file == "prob_emit.json" ? "" : "x");
        }

        var error = Assert.Throws<ZhArticleAnalyzerException>(() => JiebaDataFiles.Prepare(_folder));
        Assert.Equal(ErrorCodes.JiebaDataCorrupt, error.Code);
        Assert.Contains("prob_emit.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_ExtractsTheEmbeddedCopyWhenNoFolderIsGiven()
    {
        var folder = JiebaDataFiles.Prepare(null);
        Assert.All(JiebaDataFiles.Required, file => Assert.True(new FileInfo(Path.Combine(folder, file)).Length > 0));
    }

    [Fact]
    public void UserDictionary_ReportsABadLineWithItsNumber()
    {
        var path = Path.Combine(_folder, "user.txt");
        File.WriteAllText(path, "# comment\n好词 5 n\n坏词 不是数字 n\n");
        var error = Assert.Throws<ZhArticleAnalyzerException>(() => BusinessLexicon.LoadUserFile(path));
        Assert.Equal(ErrorCodes.DictionaryLineInvalid, error.Code);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
