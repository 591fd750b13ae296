namespace ZhArticleAnalyzer.Tests.Infrastructure;

/// <summary>Finds files of the repository (and the shared data beside it) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Repo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The shared data folder that CI places beside the checkout.</summary>
    public static string Shared(params string[] parts) => Path.Combine([Path.GetDirectoryName(Root)!, "shared", .. parts]);

    public static string ReadText(string path) => File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ZhArticleAnalyzer.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ZhArticleAnalyzer.sln not found above " + AppContext.BaseDirectory);
    }
}
