namespace PhotoCollect.Core.Photos;

/// <summary>
/// What a JPEG's marker structure says, read without decoding: frame size, component count,
/// progressive or not, and whether the entropy-coded data reaches an end-of-image marker.
/// ImageSharp decodes a truncated file without complaint, so this is how we notice.
/// </summary>
public sealed record JpegStructure(int Width, int Height, int Components, bool Progressive, bool HasEndOfImage)
{
    /// <summary>Null when the bytes are not a parsable JPEG marker stream.</summary>
    public static JpegStructure? Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            return null;
        }

        var position = 2;
        int width = 0, height = 0, components = 0;
        var progressive = false;
        var sawFrame = false;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                return null;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                // Fill bytes before a marker are legal.
                position++;
                continue;
            }

            if (marker is 0xD8 or 0x01 || marker is >= 0xD0 and <= 0xD7)
            {
                position += 2;
                continue;
            }

            if (marker == 0xD9)
            {
                return sawFrame ? new JpegStructure(width, height, components, progressive, true) : null;
            }

            var length = (data[position + 2] << 8) | data[position + 3];
            if (length < 2 || position + 2 + length > data.Length)
            {
                // A segment runs past the end: the file was cut off in its headers.
                return sawFrame ? new JpegStructure(width, height, components, progressive, false) : null;
            }

            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
            {
                if (length < 8)
                {
                    return null;
                }

                height = (data[position + 5] << 8) | data[position + 6];
                width = (data[position + 7] << 8) | data[position + 8];
                components = data[position + 9];
                progressive = marker is 0xC2 or 0xC6 or 0xCA or 0xCE;
                sawFrame = true;
            }

            if (marker == 0xDA)
            {
                if (!sawFrame)
                {
                    return null;
                }

                // After the first scan header only entropy data, restart markers, stuffed
                // bytes and further scan headers follow; an EOI can only be a real FF D9 pair.
                return new JpegStructure(width, height, components, progressive, ContainsEndOfImage(data[(position + 2 + length)..]));
            }

            position += 2 + length;
        }

        return sawFrame ? new JpegStructure(width, height, components, progressive, false) : null;
    }

    private static bool ContainsEndOfImage(ReadOnlySpan<byte> scan)
    {
        var index = 0;
        while (true)
        {
            var found = scan[index..].IndexOf((byte)0xFF);
            if (found < 0)
            {
                return false;
            }

            index += found + 1;
            while (index < scan.Length && scan[index] == 0xFF)
            {
                index++;
            }

            if (index >= scan.Length)
            {
                return false;
            }

            if (scan[index] == 0xD9)
            {
                return true;
            }
        }
    }
}
