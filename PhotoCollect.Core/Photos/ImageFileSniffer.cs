using System.Buffers.Binary;

namespace PhotoCollect.Core.Photos;

internal enum ImageFileKind
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    Bmp,
    Webp,
    Heic,
    Pdf,
}

/// <summary>
/// Byte-level checks on untrusted uploads before any decoder sees them: the container type by
/// magic bytes, and whether the container runs to its end marker. ImageSharp decodes a
/// truncated JPEG without an exception (the missing part comes out grey), so a cut-off upload
/// is only caught here.
/// </summary>
internal static class ImageFileSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> PngEndChunkType => "IEND"u8;

    public static ImageFileKind Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature))
        {
            return ImageFileKind.Png;
        }

        // The others are named only so that an error can say what the file was.
        return data switch
        {
            [0xFF, 0xD8, 0xFF, ..] => ImageFileKind.Jpeg,
            [0x47, 0x49, 0x46, 0x38, ..] => ImageFileKind.Gif,
            [0x42, 0x4D, ..] => ImageFileKind.Bmp,
            [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => ImageFileKind.Webp,
            [_, _, _, _, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, ..] => ImageFileKind.Heic,
            [0x25, 0x50, 0x44, 0x46, ..] => ImageFileKind.Pdf,
            _ => ImageFileKind.Unknown,
        };
    }

    /// <summary>
    /// True when the segments (JPEG) or chunks (PNG) are well formed up to the end marker.
    /// Bytes after the end marker are allowed: phones append trailers (e.g. motion photos).
    /// </summary>
    public static bool HasCompleteStructure(ReadOnlySpan<byte> data, ImageFileKind kind) => kind switch
    {
        ImageFileKind.Jpeg => JpegReachesEndOfImage(data),
        ImageFileKind.Png => PngReachesEndChunk(data),
        _ => false,
    };

    private static bool JpegReachesEndOfImage(ReadOnlySpan<byte> data)
    {
        const byte StartOfScan = 0xDA;
        const byte EndOfImage = 0xD9;

        var position = 2;
        while (true)
        {
            if (position >= data.Length || data[position] != 0xFF)
            {
                return false;
            }

            while (position < data.Length && data[position] == 0xFF)
            {
                position++;
            }

            if (position >= data.Length)
            {
                return false;
            }

            var marker = data[position++];
            if (marker == EndOfImage)
            {
                return true;
            }

            if (marker == 0x01 || IsRestartMarker(marker))
            {
                continue;
            }

            if (marker == 0x00 || position + 2 > data.Length)
            {
                return false;
            }

            var segmentLength = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (segmentLength < 2)
            {
                return false;
            }

            position += segmentLength;
            if (marker == StartOfScan && !TrySkipEntropyCodedData(data, ref position))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Moves past the compressed scan data to the next real marker. Inside it a 0xFF byte is
    /// followed by a stuffed zero, a restart marker or a fill byte.
    /// </summary>
    private static bool TrySkipEntropyCodedData(ReadOnlySpan<byte> data, ref int position)
    {
        while (position < data.Length)
        {
            var next = data[position..].IndexOf((byte)0xFF);
            if (next < 0 || position + next + 1 >= data.Length)
            {
                return false;
            }

            position += next;
            var following = data[position + 1];
            if (following == 0x00 || IsRestartMarker(following))
            {
                position += 2;
            }
            else if (following == 0xFF)
            {
                position++;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRestartMarker(byte marker) => marker is >= 0xD0 and <= 0xD7;

    private static bool PngReachesEndChunk(ReadOnlySpan<byte> data)
    {
        long position = PngSignature.Length;
        while (position + 8 <= data.Length)
        {
            var chunk = data[(int)position..];
            var length = BinaryPrimitives.ReadUInt32BigEndian(chunk);
            if (length > int.MaxValue)
            {
                return false;
            }

            // length, type, data, CRC
            var end = position + 12 + length;
            if (end > data.Length)
            {
                return false;
            }

            if (chunk.Slice(4, 4).SequenceEqual(PngEndChunkType))
            {
                return true;
            }

            position = end;
        }

        return false;
    }
}
