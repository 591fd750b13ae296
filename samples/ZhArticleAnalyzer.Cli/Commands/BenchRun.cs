using System.Diagnostics;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary>
/// One timed pass of a benchmark: wall and CPU seconds, the bytes the process allocated and the
/// garbage collections it ran meanwhile (allocation and GC pauses are what can stop two threads
/// from scaling: a workstation GC suspends every thread).
/// </summary>
internal readonly record struct BenchRun(double Seconds, double CpuSeconds, long AllocatedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections)
{
    /// <summary>Runs <paramref name="work"/> on every text, on this thread.</summary>
    public static BenchRun OnOneThread(IReadOnlyList<string> texts, Action<string> work)
    {
        var probe = Probe.Start();
        foreach (var text in texts)
        {
            work(text);
        }

        return probe.Stop();
    }

    /// <summary>
    /// Two threads, each on its own half of the texts (split where the characters are halved), each
    /// warmed up on its half first; the wall time runs from the common start until both are done.
    /// </summary>
    public static BenchRun OnTwoThreads(IReadOnlyList<string> texts, Action<string> work)
    {
        var half = texts.Sum(t => (long)t.Length) / 2;
        var split = 0;
        for (var sum = 0L; split < texts.Count && sum < half; split++)
        {
            sum += texts[split].Length;
        }

        var shares = new[] { texts.Take(split).ToList(), texts.Skip(split).ToList() };
        using var ready = new Barrier(3);
        using var done = new CountdownEvent(2);
        var threads = shares.Select(share => new Thread(() =>
        {
            // Warm-up: this thread's working arrays grow to the sizes its texts need.
            foreach (var text in share)
            {
                work(text);
            }

            ready.SignalAndWait();
            foreach (var text in share)
            {
                work(text);
            }

            done.Signal();
        })).ToList();
        threads.ForEach(t => t.Start());
        ready.SignalAndWait();
        var probe = Probe.Start();
        done.Wait();
        var run = probe.Stop();
        threads.ForEach(t => t.Join());
        return run;
    }

    private readonly record struct Probe(long Ticks, TimeSpan Cpu, long Allocated, int Gen0, int Gen1, int Gen2)
    {
        public static Probe Start() => new(
            Stopwatch.GetTimestamp(),
            Process.GetCurrentProcess().TotalProcessorTime,
            GC.GetTotalAllocatedBytes(precise: true),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2));

        public BenchRun Stop()
        {
            var seconds = Stopwatch.GetElapsedTime(Ticks).TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - Cpu).TotalSeconds;
            return new BenchRun(
                seconds,
                cpu,
                GC.GetTotalAllocatedBytes(precise: true) - Allocated,
                GC.CollectionCount(0) - Gen0,
                GC.CollectionCount(1) - Gen1,
                GC.CollectionCount(2) - Gen2);
        }
    }
}
