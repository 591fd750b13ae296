namespace ZhArticleAnalyzer.Entities;

/// <summary>The kinds of named entity the record knows.</summary>
public enum EntityType
{
    /// <summary>A person.</summary>
    Person,

    /// <summary>Companies, units of companies, public bodies, exchanges.</summary>
    Organization,

    /// <summary>Countries, regions, cities.</summary>
    Location,

    /// <summary>Products, platforms, models, chips.</summary>
    Product,

    /// <summary>Named conferences and events.</summary>
    Event,

    /// <summary>Titled works in 《》.</summary>
    Work,
}
