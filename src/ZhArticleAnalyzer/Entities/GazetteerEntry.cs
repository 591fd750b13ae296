namespace ZhArticleAnalyzer.Entities;

/// <summary>One name of a gazetteer with the canonical name it resolves to and its type.</summary>
internal readonly record struct GazetteerEntry(string Name, string Canonical, EntityType Type);
