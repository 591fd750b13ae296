using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Cli;

/// <summary>
/// <c>batch</c> as the stage an engine pipes records through (Spark's RDD.pipe, Hadoop Streaming):
/// the built console as a child process, 10,000 articles streamed through standard input and output,
/// with a few bad lines. Order is kept, each bad line gets an error record in its place and the rest
/// go on, the exit code is 1, and memory stays flat (peak from /proc/PID/status VmHWM).
/// </summary>
public sealed class PipeModeTests(ITestOutputHelper output)
{
    private const int Articles = 10_000;
    private const long PeakCeilingBytes = 600L * 1024 * 1024;

    /// <summary>Bad lines, by 0-based line index: broken JSON, no text, not an object.</summary>
    private static readonly Dictionary<int, string> BadLines = new()
    {
        [17] = "{\"id\":\"broken\",\"text\":",
        [4_321] = "{\"id\":\"no-text\"}",
        [9_998] = "[\"not\",\"an\",\"object\"]",
    };

    [Fact]
    public async Task Batch_PipesTenThousandArticlesInOrderWithFlatMemoryAndSurvivesBadLines()
    {
        var (lines, expectedIds) = Input();
        var console = ConsolePath();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in (string[])[console, "batch", "--no-tokens", "--parallel", "2"])
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var pid = process.Id;
        var outputs = new List<(string Id, string? Error)>(Articles);
        var errorLines = new List<string>();
        var samples = new List<(int Records, long HwmKb, long RssKb)>();
        using var done = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            foreach (var line in lines)
            {
                await process.StandardInput.WriteLineAsync(line);
            }

            process.StandardInput.Close();
        });
        var reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                lock (outputs)
                {
                    outputs.Add((root.GetProperty("id").GetString()!, root.TryGetProperty("error", out var error) ? error.GetString() ?? "" : null));
                }
            }
        });
        var errors = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                errorLines.Add(line);
            }
        });
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                if (ReadStatus(pid) is { } status)
                {
                    int count;
                    lock (outputs)
                    {
                        count = outputs.Count;
                    }

                    samples.Add((count, status.HwmKb, status.RssKb));
                }

                try
                {
                    await Task.Delay(50, done.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"batch did not finish 10,000 articles in 6 minutes ({outputs.Count} written)");
        }

        await Task.WhenAll(writer, reader, errors);
        clock.Stop();
        await done.CancelAsync();
        await sampler;

        // Memory: the high-water mark of the resident set, sampled while the process ran.
        Assert.NotEmpty(samples);
        var peakKb = samples.Max(s => s.HwmKb);
        var quarter = samples.FirstOrDefault(s => s.Records >= Articles / 4);
        var half = samples.FirstOrDefault(s => s.Records >= Articles / 2);
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"pipe: {Articles} articles ({lines.Sum(l => l.Length)} chars of JSON), wall {clock.Elapsed.TotalSeconds:F1} s, " +
            $"{Articles / clock.Elapsed.TotalSeconds:F0} articles/s, peak RSS (VmHWM) {peakKb / 1024.0:F0} MB, " +
            $"VmHWM after 2,500 records {quarter.HwmKb / 1024.0:F0} MB, after 5,000 {half.HwmKb / 1024.0:F0} MB, last RSS {samples[^1].RssKb / 1024.0:F0} MB");
        output.WriteLine(figures);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "zhaa-pipe-figures.txt"), figures + "\n");

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(Articles, outputs.Count);
        Assert.Equal(expectedIds, outputs.Select(o => o.Id));

        // Each bad line has an error record in its place, naming the line; every other error record is an
        // article whose analysis failed (a library bug, reported but not this test's subject), and stays rare.
        var failed = outputs.Select((o, i) => (o.Id, o.Error, Index: i)).Where(x => x.Error is not null).ToList();
        foreach (var (index, _) in BadLines)
        {
            Assert.StartsWith($"line {index + 1}:", outputs[index].Error, StringComparison.Ordinal);
        }

        var analysisFailures = failed.Where(f => !BadLines.ContainsKey(f.Index)).ToList();
        output.WriteLine($"analysis failures besides the {BadLines.Count} bad lines: {analysisFailures.Count}" +
            string.Concat(analysisFailures.Take(5).Select(f => $"\n  {f.Id}: {f.Error}")));
        Assert.True(analysisFailures.Count <= Articles / 50, $"{analysisFailures.Count} articles failed their analysis");
        Assert.Equal(failed.Count, errorLines.Count(l => l.StartsWith("error: ", StringComparison.Ordinal)));
        Assert.True(peakKb * 1024 < PeakCeilingBytes, $"peak RSS {peakKb / 1024} MB is over {PeakCeilingBytes / 1024 / 1024} MB");

        // Flat: the second half of the stream adds little to what the first quarter needed.
        Assert.True(quarter.HwmKb > 0 && peakKb - quarter.HwmKb < 200 * 1024, $"memory grew from {quarter.HwmKb / 1024} MB after 2,500 records to {peakKb / 1024} MB");
    }

    /// <summary>10,000 short articles cycled from the shared corpus (or made up when it is absent), with the bad lines in place.</summary>
    private static (List<string> Lines, List<string> ExpectedIds) Input()
    {
        var corpusPath = RepoPaths.Shared("corpus", "business-news.jsonl");
        var texts = File.Exists(corpusPath)
            ? File.ReadLines(corpusPath).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).Where(t => t.Length > 0).ToList()
            : [.. Enumerable.Range(0, 100).Select(i => $"阿里云{2000 + i}年营收同比增长{i}%，达到{i + 1}.5亿元。腾讯第{i % 4 + 1}季度利润下滑。")];
        var lines = new List<string>(Articles);
        var ids = new List<string>(Articles);
        for (var i = 0; i < Articles; i++)
        {
            if (BadLines.TryGetValue(i, out var bad))
            {
                lines.Add(bad);
                ids.Add(bad.Contains("no-text", StringComparison.Ordinal) ? "no-text" : $"line-{i + 1}");
                continue;
            }

            var text = texts[i % texts.Count];
            var id = $"a{i:D5}";
            lines.Add(JsonSerializer.Serialize(new { id, text = text[..Math.Min(text.Length, 160)] }));
            ids.Add(id);
        }

        return (lines, ids);
    }

    /// <summary>The console built beside the tests: its own output folder, else the copy in the tests' folder.</summary>
    private static string ConsolePath()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var own = RepoPaths.Repo("samples", "ZhArticleAnalyzer.Cli", "bin", configuration, "net10.0", "zharticle.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "zharticle.dll");
    }

    private static (long HwmKb, long RssKb)? ReadStatus(int pid)
    {
        try
        {
            long hwm = 0, rss = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }

            return hwm > 0 ? (hwm, rss) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
