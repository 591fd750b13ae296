using System.Text.Json;
using ZhArticleAnalyzer.Cli.Evaluation;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.TestSet;

/// <summary>
/// The hand-annotated folders (DevSet, and the held-out TestSet) are well formed: every file parses,
/// every mention sits at its offsets, lists are ordered, claims point at quantities, and the eval
/// commands' readers accept the file. No score is checked here.
/// </summary>
public sealed class AnnotatedArticleFileTests
{
    private static readonly string[] Layers = ["entities", "quantities", "times"];

    [Theory]
    [InlineData("DevSet")]
    [InlineData("TestSet")]
    public void Every_file_parses_and_every_mention_matches_its_offsets(string set)
    {
        var files = Directory.GetFiles(RepoPaths.Repo("tests", "ZhArticleAnalyzer.Tests", set, "articles"), "*.json");
        Assert.NotEmpty(files);
        var problems = files.Order(StringComparer.Ordinal).SelectMany(Problems).ToList();
        Assert.Empty(problems);
    }

    private static IEnumerable<string> Problems(string path)
    {
        var name = Path.GetFileName(path);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var text = root.GetProperty("text").GetString()!;
        if (root.GetProperty("id").GetString() != Path.GetFileNameWithoutExtension(path))
        {
            yield return $"{name}: id differs from the file name";
        }

        foreach (var layer in Layers)
        {
            var previous = (Start: -1, End: -1);
            foreach (var item in root.GetProperty(layer).EnumerateArray())
            {
                var mention = item.GetProperty("text").GetString()!;
                var start = item.GetProperty("start").GetInt32();
                var end = item.GetProperty("end").GetInt32();
                if (start < 0 || end <= start || end > text.Length || text.Substring(start, end - start) != mention)
                {
                    yield return $"{name} {layer}: 「{mention}」 is not at {start}-{end}";
                }

                if (start < previous.Start || (start == previous.Start && end < previous.End))
                {
                    yield return $"{name} {layer}: 「{mention}」 at {start}-{end} is out of order";
                }

                previous = (start, end);
            }
        }

        var quantityStarts = root.GetProperty("quantities").EnumerateArray().Select(q => q.GetProperty("start").GetInt32()).ToHashSet();
        foreach (var claim in root.GetProperty("claims").EnumerateArray())
        {
            foreach (var pointer in new[] { "value", "previous" })
            {
                if (claim.TryGetProperty(pointer, out var at) && !quantityStarts.Contains(at.GetInt32()))
                {
                    yield return $"{name} claims: {pointer} {at.GetInt32()} is not the start of a quantity";
                }
            }
        }

        // The readers behind `eval quantities` and `eval claims` must accept the file as well.
        Assert.Equal(text, DevSetArticle.Load(path).Text);
        Assert.Equal(root.GetProperty("claims").GetArrayLength(), GoldClaims.Load(root).Count);
    }
}
