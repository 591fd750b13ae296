namespace ZhArticleAnalyzer.Segmentation;

/// <summary>A word for the segmenter, with its POS tag and, when the source gives one, its frequency.</summary>
internal readonly record struct LexiconEntry(string Word, string Pos, int? Frequency);
