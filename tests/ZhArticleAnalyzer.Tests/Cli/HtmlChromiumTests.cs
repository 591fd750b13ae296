using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Cli;

/// <summary>
/// A fact that needs Debian's headless Chromium. Without the browser it is skipped on a developer's
/// machine, but under CI=true it runs (and fails), so CI never passes it silently: .ci/run installs chromium.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"{ChromiumPath} is not installed (apt-get install chromium; under CI=true this test runs and fails instead)";
        }
    }
}

/// <summary>The reference article's HTML page, opened in headless Chromium.</summary>
public sealed partial class HtmlChromiumTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zhaa-chromium-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("<mark id=\"([a-z][0-9]+)\" class=\"(ent ent-[a-z]+|qty qty-[a-z]+|time)\"")]
    private static partial Regex Mark();

    [GeneratedRegex("<tr id=\"c[0-9]+\">")]
    private static partial Regex ClaimRow();

    [ChromiumFact]
    public async Task Chromium_ShowsTheHighlightsAndTheClaimsTableOfTheReferenceArticle()
    {
        Assert.True(File.Exists(ChromiumFactAttribute.ChromiumPath), $"{ChromiumFactAttribute.ChromiumPath} is missing: .ci/run installs it with apt-get");
        var (record, text) = HtmlFormatTests.ReferenceRecord();
        var page = Path.Combine(_folder, "alibaba-cloud.html");
        await File.WriteAllTextAsync(page, HtmlView.Render(text, record));

        // The DOM as the browser built it: the parser agrees with the page's structure.
        var (exit, dom, error) = await RunChromiumAsync("--dump-dom", new Uri(page).AbsoluteUri);
        Assert.True(exit == 0, $"chromium --dump-dom exited with {exit}: {error}");
        output.WriteLine($"DOM: {dom.Length} characters");
        var marks = Mark().Matches(dom).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(record.Entities!.Count + record.Quantities!.Count + record.Times!.Count, marks.Count);
        Assert.Contains(marks, id => id.StartsWith('e'));
        Assert.Contains(marks, id => id.StartsWith('q'));
        Assert.Contains(marks, id => id.StartsWith('t'));
        Assert.Contains("<table class=\"claims\">", dom, StringComparison.Ordinal);
        Assert.Equal(record.Claims!.Count, ClaimRow().Matches(dom).Count);
        Assert.Equal(text, HtmlFormatTests.ShownText(dom));

        // A screenshot of the whole page: it renders (ZHAA_UPDATE_SCREENSHOT=1 refreshes docs/reference-article.png; see the README).
        var screenshot = Path.Combine(_folder, "page.png");
        (exit, _, error) = await RunChromiumAsync($"--screenshot={screenshot}", "--window-size=1280,3900", "--hide-scrollbars", new Uri(page).AbsoluteUri);
        Assert.True(exit == 0, $"chromium --screenshot exited with {exit}: {error}");
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']), "a PNG");
        Assert.True(png.Length > 30_000, $"the screenshot is {png.Length} bytes: the page looks empty");
        output.WriteLine($"screenshot: {png.Length} bytes");
        if (Environment.GetEnvironmentVariable("ZHAA_UPDATE_SCREENSHOT") == "1")
        {
            File.Copy(screenshot, RepoPaths.Repo("docs", "reference-article.png"), overwrite: true);
        }
    }

    private async Task<(int ExitCode, string Out, string Error)> RunChromiumAsync(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("zhaa-chromium-profile-").FullName;
        var start = new ProcessStartInfo(ChromiumFactAttribute.ChromiumPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 120 s");
            }

            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
