using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZhArticleAnalyzer.Records;

/// <summary>Serialises records with the contract's settings: camelCase, nulls omitted, Chinese written as is.</summary>
public static class ArticleRecordJson
{
    /// <summary>Indented output, for people.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>One-line output, for JSON Lines.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Serialises a record.</summary>
    public static string Serialize(ArticleRecord record, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Serialize(record, (indented ? Indented : Compact).GetTypeInfo(typeof(ArticleRecord)) as System.Text.Json.Serialization.Metadata.JsonTypeInfo<ArticleRecord>
            ?? throw new InvalidOperationException("no type info for ArticleRecord"));
    }

    /// <summary>Reads a record back.</summary>
    /// <exception cref="JsonException">The JSON is not a record.</exception>
    public static ArticleRecord? Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, RecordJsonContext.Default.ArticleRecord);
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(RecordJsonContext.Default.Options)
        {
            WriteIndented = indented,

            // The records are UTF-8 JSON for people and pipelines: escaping every Chinese character as \uXXXX helps neither.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: false);
        return options;
    }
}

/// <summary>Source-generated serialisation metadata for the record types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ArticleRecord))]
public sealed partial class RecordJsonContext : JsonSerializerContext;
