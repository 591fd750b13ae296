using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// Keeps one <see cref="EngineModel"/> per data source and process, and a binary image of it on
/// disk (in the per-user cache folder, keyed by this assembly's build or by the data files' names,
/// sizes and dates), so that after the first run a model loads by reading flat arrays instead of
/// parsing jieba's text and JSON files.
/// </summary>
internal static class EngineModelCache
{
    private const string Magic = "ZHAA-ENGINE-3";
    private static readonly ConcurrentDictionary<string, Lazy<EngineModel>> Models = new(StringComparer.Ordinal);

    /// <summary>The model for jieba's data in <paramref name="dataDirectory"/>, or the embedded copy when null.</summary>
    public static EngineModel Get(string? dataDirectory)
    {
        var key = dataDirectory is null ? "embedded" : Path.GetFullPath(dataDirectory);
        return Models.GetOrAdd(key, _ => new Lazy<EngineModel>(() => Load(dataDirectory), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    internal static string CachePath(string? dataDirectory)
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.GetTempPath();
        }

        return Path.Combine(root, "ZhArticleAnalyzer", "engine-" + SourceKey(dataDirectory) + ".bin");
    }

    /// <summary>Loads a model afresh, bypassing the in-process cache (to measure the load).</summary>
    internal static EngineModel LoadUncached(string? dataDirectory) => Load(dataDirectory);

    private static EngineModel Load(string? dataDirectory)
    {
        var path = CachePath(dataDirectory);
        if (File.Exists(path))
        {
            try
            {
                return Read(File.ReadAllBytes(path));
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException or IndexOutOfRangeException)
            {
                // A damaged or foreign cache file is rebuilt below.
            }
        }

        Func<string, Stream> open = dataDirectory is null
            ? file => EmbeddedData.Open("jieba/" + file)
            : file => File.OpenRead(Path.Combine(JiebaDataFiles.Prepare(dataDirectory), file));
        var model = EngineModel.Parse(open);
        TryWrite(path, model);
        return model;
    }

    private static string SourceKey(string? dataDirectory)
    {
        var identity = new StringBuilder(Magic);
        if (dataDirectory is null)
        {
            identity.Append(typeof(EngineModelCache).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        }
        else
        {
            foreach (var file in JiebaDataFiles.Required)
            {
                var info = new FileInfo(Path.Combine(Path.GetFullPath(dataDirectory), file));
                identity.Append('|').Append(info.FullName).Append('|').Append(info.Exists ? info.Length : -1).Append('|').Append(info.Exists ? info.LastWriteTimeUtc.Ticks : 0);
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())))[..16].ToLowerInvariant();
    }

    private static void TryWrite(string path, EngineModel model)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var stream = File.Create(temporary))
            {
                Write(stream, model);
            }

            File.Move(temporary, path, overwrite: true);
            PruneOldImages(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // No cache then: the next process parses the data again.
        }
    }

    /// <summary>Each build of the library writes its own image; older ones left by other builds go after a day.</summary>
    private static void PruneOldImages(string current)
    {
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(current)!, "engine-*.bin"))
        {
            if (!string.Equals(file, current, StringComparison.Ordinal) && File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddDays(-1))
            {
                File.Delete(file);
            }
        }
    }

    internal static void Write(Stream stream, EngineModel model)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(model.Total);
        WriteStrings(writer, model.TagNames);
        var trie = model.Words;
        WriteArray(writer, trie.Labels);
        WriteArray(writer, trie.First);
        WriteArray(writer, trie.Values);
        WriteArray(writer, trie.Tags);
        WriteArray(writer, model.Bmes.Start);
        WriteArray(writer, model.Bmes.Transitions);
        WriteArray(writer, model.Bmes.Emissions);
        var pos = model.Pos;
        WriteStrings(writer, pos.StateNames);
        WriteArray(writer, pos.Start);
        WriteArray(writer, pos.Transitions);
        WriteArray(writer, pos.ExplicitTransitions());
        WriteArray(writer, pos.EmitFirst);
        WriteArray(writer, pos.EmitChars);
        WriteArray(writer, pos.EmitProbs);
        WriteArray(writer, pos.CharFirst);
        WriteArray(writer, pos.CharStates);
    }

    internal static EngineModel Read(byte[] bytes)
    {
        var reader = new SpanReader(bytes);
        if (reader.String() != Magic)
        {
            throw new InvalidDataException("not an engine cache file of this version.");
        }

        var total = reader.Value<double>();
        var tagNames = reader.Strings();
        var trie = new PrefixTrie(reader.Array<char>(), reader.Array<int>(), reader.Array<int>(), reader.Array<int>());
        var bmes = new BmesModel(reader.Array<double>(), reader.Array<double>(), reader.Array<double>());
        var stateNames = reader.Strings();
        var start = reader.Array<double>();
        var transitions = reader.Array<double>();
        var explicitPairs = reader.Array<bool>();
        var pos = new PosHmmModel(stateNames, start, transitions, reader.Array<int>(), reader.Array<char>(), reader.Array<double>(), reader.Array<int>(), reader.Array<ushort>());
        pos.SetExplicitTransitions(explicitPairs);
        if (!reader.AtEnd)
        {
            throw new InvalidDataException("trailing bytes in the engine cache file.");
        }

        return new EngineModel(trie, total, tagNames, bmes, pos);
    }

    private static void WriteStrings(BinaryWriter writer, string[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote, straight from a byte array.</summary>
    private ref struct SpanReader(byte[] bytes)
    {
        private int _position;

        public readonly bool AtEnd => _position == bytes.Length;

        public T Value<T>()
            where T : unmanaged
        {
            var value = MemoryMarshal.Read<T>(bytes.AsSpan(_position));
            _position += Unsafe.SizeOf<T>();
            return value;
        }

        public T[] Array<T>()
            where T : unmanaged
        {
            var length = Value<int>();
            var size = length * Unsafe.SizeOf<T>();
            if (length < 0 || size > bytes.Length - _position)
            {
                throw new InvalidDataException("truncated engine cache file.");
            }

            var values = MemoryMarshal.Cast<byte, T>(bytes.AsSpan(_position, size)).ToArray();
            _position += size;
            return values;
        }

        public string String()
        {
            using var stream = new MemoryStream(bytes, _position, bytes.Length - _position, writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            var value = reader.ReadString();
            _position += (int)stream.Position;
            return value;
        }

        public string[] Strings()
        {
            var count = Value<int>();
            var values = new string[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = String();
            }

            return values;
        }
    }
}
