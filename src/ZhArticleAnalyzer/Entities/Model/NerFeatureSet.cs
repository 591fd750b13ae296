namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>The optional feature groups a model was trained with (stored in the model file, so scoring reads the same ones).</summary>
[Flags]
internal enum NerFeatureSet
{
    /// <summary>Characters, n-grams, character classes and lexicon words only.</summary>
    None = 0,

    /// <summary>The jieba word that covers the character: its role (B/M/E/S), POS tag, length and neighbours' tags.</summary>
    Words = 1,

    /// <summary>Whether nearby characters often start a person name in the training names.</summary>
    Surnames = 2,

    /// <summary>The jieba word itself with the character's role in it.</summary>
    WordIdentity = 4,

    /// <summary>The jieba words before and after the character's word, with the character's role.</summary>
    NeighbourWords = 8,

    /// <summary>
    /// The context-label features of one character share a block of eight rows (the label in the low
    /// bits of the bucket), so the Markov step's reads under all context labels touch two cache lines
    /// per feature instead of seven scattered ones.
    /// </summary>
    ContextRows = 16,

    /// <summary>Characters three before and three after, alone and as bigrams with their neighbours towards the character.</summary>
    WideChars = 32,

    /// <summary>
    /// The word groups read jieba's plain cut (dictionary tags; words only the HMM finds are untagged)
    /// instead of its POS cut, whose tagging HMM for unknown words costs about a fifth of the model's time.
    /// </summary>
    PlainCut = 64,
}
