// A stranger's console app: it references the ZhArticleAnalyzer *package* (never the project) and
// checks the record of the reference article: it must equal, byte for byte, the record that the
// repository's own build writes (EXPECTED.json, from `zharticle analyze`), both without and with
// dependency injection, and hold the contract's invariants on its own.
// Exit code 0: the package works on its own; 1: it does not.
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Records;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ZhArticleAnalyzer.PackageConsumer ARTICLE.txt EXPECTED.json");
    return 2;
}

var text = File.ReadAllText(args[0]).Replace("\r\n", "\n", StringComparison.Ordinal);
var expected = File.ReadAllText(args[1]).Replace("\r\n", "\n", StringComparison.Ordinal);
var failures = new List<string>();

void Check(bool condition, string what)
{
    Console.WriteLine((condition ? "ok   " : "FAIL ") + what);
    if (!condition)
    {
        failures.Add(what);
    }
}

// The library must have come from the package, with its data inside the assembly, not from files beside it.
var library = typeof(ArticleAnalyzer).Assembly;
var outputFolder = AppContext.BaseDirectory;
Check(Path.GetDirectoryName(library.Location) == Path.TrimEndingDirectorySeparator(outputFolder), $"ZhArticleAnalyzer.dll {library.GetName().Version} loads from the app folder");
Check(library.GetManifestResourceNames().Contains("jieba/dict.txt"), "jieba's dictionary is embedded in the assembly");
Check(!Directory.EnumerateFileSystemEntries(outputFolder).Any(e => Path.GetFileName(e) is "dictionaries" or "dict.txt" or "Resources"), "no data files or folders beside the app");
var informational = library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
Console.WriteLine("     package version " + informational);

// Without DI.
var analyzer = ArticleAnalyzer.CreateDefault();
var record = ArticleRecordMapper.ToRecord(analyzer.Analyze(text, new ArticleInfo("alibaba-cloud")));
var json = ArticleRecordJson.Serialize(record) + "\n";
Check(json == expected, "the record of the reference article equals the project build's record (CreateDefault)");
if (json != expected)
{
    var actualPath = Path.Combine(Path.GetTempPath(), "zhaa-package-consumer.actual.json");
    File.WriteAllText(actualPath, json);
    Console.WriteLine("     actual record written to " + actualPath);
}

var mentions = (record.Tokens ?? []).Select(t => (t.Text, t.Start, t.End))
    .Concat((record.Entities ?? []).Select(e => (e.Text, e.Start, e.End)))
    .Concat((record.Quantities ?? []).Select(q => (q.Text, q.Start, q.End)))
    .Concat((record.Times ?? []).Select(t => (t.Text, t.Start, t.End)))
    .ToList();
Check(record.Length == text.Length && mentions.All(m => text.Substring(m.Start, m.End - m.Start) == m.Text), $"all {mentions.Count} offsets point at their text (UTF-16)");
var quantityIds = (record.Quantities ?? []).Select(q => q.Id).ToHashSet();
Check((record.Claims ?? []).All(c => quantityIds.Contains(c.Value)), "every claim's value is a quantity of the record");
Check(record.Tokens?.Any(t => t.Text == "有限公司") == true || !text.Contains("有限公司", StringComparison.Ordinal), "canary: 有限公司 is one token (jieba's dictionary loaded)");
Check(record.Entities?.Any(e => e.Text == "阿里云") == true, "entities: 阿里云 found");
Check(record.Quantities is { Count: > 0 } && record.Times is { Count: > 0 } && record.Claims is { Count: > 0 }, $"quantities ({record.Quantities?.Count}), times ({record.Times?.Count}) and claims ({record.Claims?.Count}) present");

// With DI.
var services = new ServiceCollection();
services.AddZhArticleAnalyzer();
using (var provider = services.BuildServiceProvider())
{
    var injected = provider.GetRequiredService<IArticleAnalyzer>();
    var injectedJson = ArticleRecordJson.Serialize(ArticleRecordMapper.ToRecord(injected.Analyze(text, new ArticleInfo("alibaba-cloud")))) + "\n";
    Check(injectedJson == expected, "the record equals the project build's record through AddZhArticleAnalyzer (DI)");
}

Console.WriteLine(failures.Count == 0 ? "package consumer: all checks passed" : $"package consumer: {failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;
