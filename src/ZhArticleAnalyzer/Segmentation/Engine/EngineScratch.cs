namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// Working arrays for one thread, kept between calls so that a cut allocates nothing but its
/// result. Engines are shared between threads; each thread gets its own scratch.
/// </summary>
internal sealed class EngineScratch
{
    [ThreadStatic]
    private static EngineScratch? _current;

    public static EngineScratch Current => _current ??= new EngineScratch();

    public EngineTokenList Tokens { get; } = new();

    public EngineTokenList TagTokens { get; } = new();

    public double[] RouteWeights = new double[256];

    public int[] RouteEnds = new int[256];

    public int[] RouteTags = new int[256];

    public byte[] BmesBack = new byte[1024];

    public int[] PosFirst = new int[256];

    public int[] PosStates = new int[4096];

    public double[] PosProbs = new double[4096];

    public int[] PosBack = new int[4096];

    public ulong[] PosMask = new ulong[8];

    public int[] PosRoute = new int[256];

    public int[] PrevIndex = new int[256];

    public int[] PrevState = new int[256];

    public double[] PrevProb = new double[256];

    public int[] PrevRank = new int[256];

    /// <summary>Runs the POS HMM decoded on this thread: relative start, length and tag per word.</summary>
    public Dictionary<string, int[]> PosCache { get; } = new(StringComparer.Ordinal);

    /// <summary>The model <see cref="PosCache"/> belongs to.</summary>
    public PosHmmModel? PosCacheModel { get; set; }

    public static void Ensure<T>(ref T[] array, int size)
    {
        if (array.Length < size)
        {
            array = new T[Math.Max(size, array.Length * 2)];
        }
    }
}
