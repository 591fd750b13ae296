namespace ZhArticleAnalyzer.Entities.Training;

/// <summary>One labelled sentence: its characters and one BIO label (see <see cref="Model.NerLabels"/>) per character.</summary>
internal sealed record NerSentence(string Text, int[] Labels);
