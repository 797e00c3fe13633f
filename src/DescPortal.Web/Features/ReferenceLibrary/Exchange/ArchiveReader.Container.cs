using System.Buffers.Binary;
using System.IO.Compression;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

// Container: the zip is read safely before anything in it is trusted (entry count, names, declared sizes), and no
// entry is read further than it declares.
internal sealed partial class ArchiveReader
{
    private Dictionary<string, ZipArchiveEntry> CheckContainer(ZipArchive archive, List<string> problems)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (archive.Entries.Count > limits.MaxEntries)
        {
            problems.Add($"The archive has {archive.Entries.Count} entries, over the limit of {limits.MaxEntries}.");
            return entries;
        }
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            if (PathProblem(name) is { } problem)
            {
                problems.Add($"The archive entry '{Shown(name)}' {problem}; nothing was imported.");
                continue;
            }
            if (!seen.Add(name))
            {
                problems.Add($"The archive holds the entry '{Shown(name)}' twice.");
                continue;
            }
            if (entry.IsEncrypted)
            {
                problems.Add($"The archive entry '{Shown(name)}' is encrypted; archives are signed, not encrypted.");
                continue;
            }
            if (name.EndsWith('/'))
            {
                if (entry.Length != 0) problems.Add($"The archive entry '{Shown(name)}' is a folder with content.");
                continue; // a folder entry that tools add; it carries nothing
            }
            var limit = LimitOf(name);
            if (entry.Length > limit)
            {
                problems.Add($"The archive entry '{Shown(name)}' declares {Mb(entry.Length)}, over the limit of {Mb(limit)} for one entry.");
                continue;
            }
            total += entry.Length;
            entries[name] = entry;
        }
        if (total > limits.MaxUncompressedBytes)
            problems.Add($"The archive's entries add up to {Mb(total)} uncompressed, over the limit of {Mb(limits.MaxUncompressedBytes)}.");
        return entries;
    }

    /// <summary>
    /// Reads the end-of-central-directory record (and its zip64 form) before the zip library does: a directory that
    /// declares more entries than allowed, or is larger than that many entries can be, is refused before a single
    /// entry is parsed into memory.
    /// </summary>
    private async Task<string?> DirectoryProblemAsync(Stream zip, CancellationToken ct)
    {
        const int EndRecordLength = 22;
        var tailLength = (int)Math.Min(zip.Length, EndRecordLength + ushort.MaxValue);
        var tail = new byte[tailLength];
        zip.Position = zip.Length - tailLength;
        await zip.ReadExactlyAsync(tail, ct);
        var at = -1;
        for (var i = tailLength - EndRecordLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == 0x06054b50) { at = i; break; }
        }
        if (at < 0) return "The file is not a zip archive, or it is damaged.";
        long entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
        long directoryBytes = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at + 12));
        if (entries == ushort.MaxValue || directoryBytes == uint.MaxValue)
        {
            // Zip64: the locator sits just before the record and points at the zip64 end record.
            var locator = zip.Length - tailLength + at - 20;
            if (locator < 0) return "The file is not a zip archive, or it is damaged.";
            var buffer = new byte[56];
            zip.Position = locator;
            await zip.ReadExactlyAsync(buffer.AsMemory(0, 20), ct);
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer) != 0x07064b50) return "The file is not a zip archive, or it is damaged.";
            var record = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(8));
            if (record < 0 || record > zip.Length - buffer.Length) return "The file is not a zip archive, or it is damaged.";
            zip.Position = record;
            await zip.ReadExactlyAsync(buffer, ct);
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer) != 0x06064b50) return "The file is not a zip archive, or it is damaged.";
            entries = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32)), long.MaxValue);
            directoryBytes = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(40)), long.MaxValue);
        }
        if (entries > limits.MaxEntries)
            return $"The archive has {entries} entries, over the limit of {limits.MaxEntries}.";
        // 46 bytes of header, a name of at most 260 characters, room for ordinary extra fields.
        if (directoryBytes > (long)Math.Max(entries, 1) * 1024)
            return $"The archive's directory is {Mb(directoryBytes)} for {entries} entries: it is not a plain archive.";
        return null;
    }

    private long LimitOf(string name) => name switch
    {
        ArchiveFormat.ManifestEntry => limits.MaxManifestBytes,
        ArchiveFormat.SignatureEntry => MaxSignatureBytes,
        ArchiveFormat.FormatEntry => MaxFormatBytes,
        _ => intake.Limits.MaxFileBytes,
    };

    /// <summary>Why a path inside an archive is unsafe (null when it is a plain relative path).</summary>
    internal static string? PathProblem(string name)
    {
        if (name.Length == 0) return "has no name";
        if (name.Length > 260) return "has a name longer than 260 characters";
        if (name.Any(char.IsControl)) return "has control characters in its name";
        if (name.Contains('\\')) return "uses a backslash in its path";
        if (name.StartsWith('/')) return "is an absolute path";
        if (name.Contains(':')) return "names a drive or a stream (':')";
        var segments = name.Split('/');
        // A trailing '/' (a folder entry) leaves one empty last segment.
        var inner = name.EndsWith('/') ? segments[..^1] : segments;
        if (inner.Any(s => s == "..")) return "climbs out of the archive's folder ('..')";
        if (inner.Any(s => s.Length == 0 || s == "." || s.Trim().Length == 0)) return "has an empty or '.' segment in its path";
        return null;
    }

    private async Task<byte[]> ReadAllAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        await using var raw = await entry.OpenAsync(ct);
        await using var bounded = new BoundedReadStream(raw, entry.Length, entry.FullName);
        using var buffer = new MemoryStream((int)Math.Min(entry.Length, limits.MaxManifestBytes));
        try
        {
            await bounded.CopyToAsync(buffer, ct);
        }
        catch (InvalidDataException e)
        {
            throw new ArchiveRefusedException($"The archive entry '{entry.FullName}' is damaged or larger than it declares.", e);
        }
        return buffer.ToArray();
    }

    /// <summary>Reads no more than an entry declares: a decompressor that yields more is an attack, not a file.</summary>
    private sealed class BoundedReadStream(Stream inner, long limit, string name) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, limit - _read + 1)]);
            return Count(n);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - _read + 1)], cancellationToken);
            return Count(n);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            _read += n;
            if (_read > limit) throw new InvalidDataException($"The archive entry '{Shown(name)}' holds more bytes than it declares.");
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
