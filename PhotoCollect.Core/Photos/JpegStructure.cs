namespace PhotoCollect.Core.Photos;

/// <summary>
/// A JPEG's frame header, read without decoding: size, component count and whether it is
/// progressive. Lets intake refuse a giant or odd image before ImageSharp allocates anything.
/// (Whether the file is complete is <see cref="ImageFileSniffer"/>'s job.)
/// </summary>
public sealed record JpegStructure(int Width, int Height, int Components, bool Progressive)
{
    /// <summary>Null when no frame header precedes the first scan or the end of the bytes.</summary>
    public static JpegStructure? Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            return null;
        }

        var position = 2;
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

            if (marker is 0xD9 or 0xDA)
            {
                return null;
            }

            var length = (data[position + 2] << 8) | data[position + 3];
            if (length < 2 || position + 2 + length > data.Length)
            {
                return null;
            }

            // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
            {
                return length < 8
                    ? null
                    : new JpegStructure(
                        (data[position + 7] << 8) | data[position + 8],
                        (data[position + 5] << 8) | data[position + 6],
                        data[position + 9],
                        marker is 0xC2 or 0xC6 or 0xCA or 0xCE);
            }

            position += 2 + length;
        }

        return null;
    }
}
