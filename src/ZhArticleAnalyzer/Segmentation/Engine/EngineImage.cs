using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// The binary image of an <see cref="EngineModel"/>: the format version, the SHA-256 of the jieba
/// files it was built from, then the model's flat arrays. An image is only read for the sources it
/// names, so a stale or foreign image is never used.
/// </summary>
internal static class EngineImage
{
    /// <summary>Changes whenever the layout below changes.</summary>
    private const string FormatVersion = "ZHAA-ENGINE-4";

    /// <summary>The SHA-256 of jieba's data files as the engine reads them (<see cref="JiebaDataFiles.Required"/>, by name, length and bytes).</summary>
    public static byte[] SourceHash(Func<string, Stream> open)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in JiebaDataFiles.Required)
        {
            using var stream = open(file);
            hash.AppendData(Encoding.UTF8.GetBytes(file + "|" + stream.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|"));
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
            }
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Parses jieba's data files and writes their image (what ships as dictionaries/jieba/engine.bin).</summary>
    public static void WriteFromSources(Func<string, Stream> open, Stream output) =>
        Write(output, EngineModel.Parse(open), SourceHash(open));

    public static void Write(Stream stream, EngineModel model, byte[] sourceHash)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(FormatVersion);
        WriteArray(writer, sourceHash);
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

    /// <summary>Reads an image; <see cref="InvalidDataException"/> when it is of another format version or built from other sources.</summary>
    public static EngineModel Read(byte[] bytes, ReadOnlySpan<byte> sourceHash)
    {
        var reader = new SpanReader(bytes);
        if (reader.String() != FormatVersion)
        {
            throw new InvalidDataException("not an engine image of this format version.");
        }

        if (!reader.Array<byte>().AsSpan().SequenceEqual(sourceHash))
        {
            throw new InvalidDataException("the engine image was built from other jieba data.");
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
            throw new InvalidDataException("trailing bytes in the engine image.");
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
            var size = (long)length * Unsafe.SizeOf<T>();
            if (length < 0 || size > bytes.Length - _position)
            {
                throw new InvalidDataException("truncated engine image.");
            }

            var values = MemoryMarshal.Cast<byte, T>(bytes.AsSpan(_position, (int)size)).ToArray();
            _position += (int)size;
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
