using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ZhArticleAnalyzer.Records;

namespace ZhArticleAnalyzer.Cli.Output;

/// <summary>
/// <c>analyze --format csv --out DIR</c>: one RFC 4180 file per list of the record (entities.csv,
/// quantities.csv, times.csv, claims.csv), for all articles together, each row starting with the
/// article's id. UTF-8 without BOM, CRLF line ends, fields quoted when they hold a comma, a quote
/// or a line break (CsvHelper); numbers invariant, empty fields for absent values.
/// </summary>
internal sealed class CsvViews : IAsyncDisposable, IDisposable
{
    /// <summary>The files written, in order.</summary>
    public static readonly string[] FileNames = ["entities.csv", "quantities.csv", "times.csv", "claims.csv"];

    internal static readonly string[] EntityHeader = ["articleId", "id", "text", "start", "end", "sentence", "type", "canonical", "confidence"];
    internal static readonly string[] QuantityHeader = ["articleId", "id", "text", "start", "end", "sentence", "kind", "value", "min", "max", "unit", "counted", "approximate", "qualifier"];
    internal static readonly string[] TimeHeader = ["articleId", "id", "text", "start", "end", "sentence", "value"];
    internal static readonly string[] ClaimHeader = ["articleId", "id", "sentence", "start", "end", "subject", "metric", "value", "previous", "change", "changeWord", "period", "claimType"];

    private readonly CsvWriter _entities;
    private readonly CsvWriter _quantities;
    private readonly CsvWriter _times;
    private readonly CsvWriter _claims;

    private CsvViews(string directory)
    {
        _entities = Open(Path.Combine(directory, FileNames[0]), EntityHeader);
        _quantities = Open(Path.Combine(directory, FileNames[1]), QuantityHeader);
        _times = Open(Path.Combine(directory, FileNames[2]), TimeHeader);
        _claims = Open(Path.Combine(directory, FileNames[3]), ClaimHeader);
    }

    /// <summary>Creates (or overwrites) the four files in <paramref name="directory"/> and writes their headers.</summary>
    public static CsvViews Create(string directory) => new(directory);

    /// <summary>Appends one article's rows; a list the pipeline did not produce adds none.</summary>
    public void Write(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var e in record.Entities ?? [])
        {
            Row(_entities, record.Id, e.Id, e.Text, Int(e.Start), Int(e.End), Int(e.Sentence), e.Type, e.Canonical, e.Confidence.ToString("R", CultureInfo.InvariantCulture));
        }

        foreach (var q in record.Quantities ?? [])
        {
            Row(_quantities, record.Id, q.Id, q.Text, Int(q.Start), Int(q.End), Int(q.Sentence), q.Kind, Dec(q.Value), Dec(q.Min), Dec(q.Max), q.Unit, q.Counted, q.Approximate is { } a ? (a ? "true" : "false") : null, q.Qualifier);
        }

        foreach (var t in record.Times ?? [])
        {
            Row(_times, record.Id, t.Id, t.Text, Int(t.Start), Int(t.End), Int(t.Sentence), t.Value);
        }

        foreach (var c in record.Claims ?? [])
        {
            Row(_claims, record.Id, c.Id, Int(c.Sentence), Int(c.Start), Int(c.End), c.Subject, c.Metric, c.Value, c.Previous, c.Change, c.ChangeWord, c.Period, c.ClaimType);
        }
    }

    public void Dispose()
    {
        foreach (var writer in new[] { _entities, _quantities, _times, _claims })
        {
            writer.Flush();
            writer.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in new[] { _entities, _quantities, _times, _claims })
        {
            await writer.FlushAsync().ConfigureAwait(false);
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The configuration used to write (and, in tests, to read back): invariant culture, comma, CRLF.</summary>
    internal static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        Delimiter = ",",

        // RFC 4180: quote a field with a comma, a quote or a line break (CR or LF alone too: with NewLine
        // set, CsvHelper's default only looks for the whole "\r\n"), and keep edge spaces by quoting them.
        ShouldQuote = args => args.Field is { Length: > 0 } field
            && (field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])),
    };

    private static CsvWriter Open(string path, string[] header)
    {
        var writer = new CsvWriter(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), Configuration());
        Row(writer, header);
        return writer;
    }

    private static void Row(CsvWriter writer, params string?[] fields)
    {
        foreach (var field in fields)
        {
            writer.WriteField(field ?? string.Empty);
        }

        writer.NextRecord();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Dec(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
