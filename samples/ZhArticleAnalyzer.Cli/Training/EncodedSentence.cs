namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>A training sentence with each character's features (which do not depend on the reading direction).</summary>
internal sealed record EncodedSentence(NerSentence Source, int[][] PerChar);
