using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>
/// Real photos fetched by ./scripts/test.sh from Debian packages into <c>.test-fixtures/</c> at the
/// repository root (git-ignored). A missing file fails the test rather than skipping it, so a run
/// without fixtures cannot pass silently.
/// </summary>
public static class TestImages
{
    /// <summary>Astronaut Eileen Collins (NASA, public domain), 512×512, from python3-skimage.</summary>
    public const string Astronaut = "astronaut.png";

    /// <summary>Grace Hopper (US Navy, public domain), 512×512, from facedetect.</summary>
    public const string GraceHopper = "grace_hopper_512x512.jpg";

    /// <summary>Chelsea the cat, 451×300, from python3-skimage: an animal face, not a human one.</summary>
    public const string Chelsea = "chelsea.png";

    public static Image<Rgb24> Load(string fileName) => Image.Load<Rgb24>(PathOf(fileName));

    public static string PathOf(string fileName)
    {
        var folder = Path.Combine(Repository.Root, ".test-fixtures");
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Test fixture {fileName} not found in {folder}: run ./scripts/test.sh, which fetches it from Debian packages.");
        }

        return path;
    }

    /// <summary>A copy of <paramref name="jpeg"/> whose frame header claims another size (a decompression-bomb header).</summary>
    public static byte[] JpegWithDeclaredSize(byte[] jpeg, int width, int height)
    {
        var bytes = (byte[])jpeg.Clone();
        for (var i = 2; i < bytes.Length - 8; i++)
        {
            if (bytes[i] == 0xFF && bytes[i + 1] is 0xC0 or 0xC2)
            {
                bytes[i + 5] = (byte)(height >> 8);
                bytes[i + 6] = (byte)height;
                bytes[i + 7] = (byte)(width >> 8);
                bytes[i + 8] = (byte)width;
                return bytes;
            }
        }

        throw new InvalidOperationException("No start-of-frame segment.");
    }
}
