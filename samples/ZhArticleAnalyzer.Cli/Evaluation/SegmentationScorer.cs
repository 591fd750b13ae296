namespace ZhArticleAnalyzer.Cli.Evaluation;

/// <summary>
/// Word-segmentation precision, recall, F1 and OOV recall, SIGHAN style: a word is correct when the
/// system has a word with the same character span (whitespace ignored) on the same line.
/// </summary>
internal sealed class SegmentationScorer(IReadOnlySet<string>? trainingWords)
{
    private long _goldWords;
    private long _systemWords;
    private long _correct;
    private long _oovGold;
    private long _oovCorrect;

    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> system)
    {
        var systemSpans = new HashSet<(int, int)>();
        var position = 0;
        foreach (var word in system)
        {
            systemSpans.Add((position, position + word.Length));
            position += word.Length;
        }

        position = 0;
        foreach (var word in gold)
        {
            var hit = systemSpans.Contains((position, position + word.Length));
            var oov = trainingWords is not null && !trainingWords.Contains(word);
            _correct += hit ? 1 : 0;
            _oovGold += oov ? 1 : 0;
            _oovCorrect += oov && hit ? 1 : 0;
            position += word.Length;
        }

        _goldWords += gold.Count;
        _systemWords += system.Count;
    }

    public double Precision => _systemWords == 0 ? 0 : (double)_correct / _systemWords;

    public double Recall => _goldWords == 0 ? 0 : (double)_correct / _goldWords;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double OovRecall => _oovGold == 0 ? 0 : (double)_oovCorrect / _oovGold;
}
