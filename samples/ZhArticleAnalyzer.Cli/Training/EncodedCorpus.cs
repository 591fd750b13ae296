using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>Training sentences with their features, and the lexicon and extractor the trained model ships with.</summary>
internal sealed record EncodedCorpus(NameLexicon Lexicon, CharFeatureExtractor Extractor, EncodedSentence[] Sentences);
