using System.Diagnostics;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary>
/// One timed pass of a benchmark: wall and CPU seconds, the bytes the process allocated and the
/// garbage collections it ran meanwhile (allocation and GC pauses are what can stop two threads
/// from scaling: a workstation GC suspends every thread).
/// </summary>
internal readonly record struct BenchRun(double Seconds, double CpuSeconds, long AllocatedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections)
{
    /// <summary>Runs <paramref name="work"/> on every text, <paramref name="passes"/> times, on this thread.</summary>
    public static BenchRun OnOneThread(IReadOnlyList<string> texts, Action<string> work, int passes = 1)
    {
        var probe = Probe.Start();
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var text in texts)
            {
                work(text);
            }
        }

        return probe.Stop();
    }

    /// <summary>
    /// The same work as <see cref="OnOneThread"/> on two threads that take the next text from a shared
    /// counter (as a parallel loop does), so that neither waits for the other at the end because its
    /// share happened to be slower. Each thread first warms up on every text (its working arrays grow
    /// to the sizes the texts need); the wall time runs from the common start until both are done.
    /// </summary>
    public static BenchRun OnTwoThreads(IReadOnlyList<string> texts, Action<string> work, int passes = 1)
    {
        var total = (long)texts.Count * passes;
        var next = -1L;
        using var ready = new Barrier(3);
        using var done = new CountdownEvent(2);
        var threads = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            foreach (var text in texts)
            {
                work(text);
            }

            ready.SignalAndWait();
            for (var item = Interlocked.Increment(ref next); item < total; item = Interlocked.Increment(ref next))
            {
                work(texts[(int)(item % texts.Count)]);
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
