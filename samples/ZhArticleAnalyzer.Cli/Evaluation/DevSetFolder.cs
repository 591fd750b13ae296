using System.CommandLine;

namespace ZhArticleAnalyzer.Cli.Evaluation;

/// <summary>The <c>--devset</c> option the eval commands share, and its check.</summary>
internal static class DevSetFolder
{
    /// <summary>The hand-annotated articles, relative to the repository root.</summary>
    public const string Default = "tests/ZhArticleAnalyzer.Tests/DevSet/articles";

    public static Option<string> CreateOption() =>
        new("--devset") { Description = "Folder of annotated dev-set articles (*.json).", DefaultValueFactory = _ => Default };

    /// <summary>True when the folder exists; otherwise says so on standard error.</summary>
    public static async Task<bool> ExistsAsync(CliConsole console, string folder)
    {
        if (Directory.Exists(folder))
        {
            return true;
        }

        await console.Error.WriteLineAsync($"error: {folder}: no such folder.").ConfigureAwait(false);
        return false;
    }
}
