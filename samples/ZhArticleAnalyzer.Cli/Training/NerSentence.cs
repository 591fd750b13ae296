namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>One labelled sentence: its characters and one BIO label (see <see cref="Entities.Model.NerLabels"/>) per character.</summary>
internal sealed record NerSentence(string Text, int[] Labels);
