using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Core.Demo;

/// <summary>
/// Draws a 480×640 head-and-shoulders placeholder on the spec blue, with light sensor-like
/// noise so the JPEG is over 30 KB like a real photo. Stand-in until the photo engine lands.
/// </summary>
public static class DemoPhotoFactory
{
    public const int Width = 480;
    public const int Height = 640;

    private static readonly Rgb24 Background = new(40, 190, 250);

    public static byte[] Create(int seed)
    {
        var random = new Random(seed);
        var skin = new Rgb24((byte)(225 - random.Next(30)), (byte)(190 - random.Next(30)), (byte)(165 - random.Next(30)));
        var hair = new Rgb24((byte)(20 + random.Next(30)), (byte)(15 + random.Next(20)), (byte)(10 + random.Next(20)));
        var clothes = random.Next(3) switch
        {
            0 => new Rgb24(30, 30, 35),
            1 => new Rgb24(245, 245, 240),
            _ => new Rgb24(120, 30, 40),
        };
        var headCx = 240 + random.Next(-6, 7);
        var headCy = 235 + random.Next(-6, 7);
        var headRx = 122 + random.Next(-5, 6);
        var headRy = 155 + random.Next(-5, 6);
        var eyeDx = headRx * 38 / 100;

        using var image = new Image<Rgb24>(Width, Height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < Width; x++)
                {
                    var pixel = Background;
                    var shoulderHalfWidth = y < 440 ? 0 : Math.Min(235, 70 + (y - 440) * 1.4);
                    if (y >= 440 && Math.Abs(x - 240) <= shoulderHalfWidth)
                    {
                        pixel = clothes;
                    }
                    else if (y is >= 360 and < 450 && Math.Abs(x - headCx) <= 45)
                    {
                        pixel = skin;
                    }

                    var dx = (x - headCx) / (double)headRx;
                    var dy = (y - headCy) / (double)headRy;
                    if (dx * dx + dy * dy <= 1)
                    {
                        var hairDy = (y - (headCy - 25)) / (double)(headRy + 5);
                        var hairDx = (x - headCx) / (double)(headRx + 6);
                        pixel = y < headCy - 55 && hairDx * hairDx + hairDy * hairDy <= 1 ? hair : skin;
                        var eyeY = headCy - 10;
                        if (Math.Abs(y - eyeY) <= 6 && (Math.Abs(x - (headCx - eyeDx)) <= 14 || Math.Abs(x - (headCx + eyeDx)) <= 14))
                        {
                            pixel = new Rgb24(40, 30, 30);
                        }
                        else if (Math.Abs(y - (headCy + 70)) <= 5 && Math.Abs(x - headCx) <= 32)
                        {
                            pixel = new Rgb24(170, 80, 80);
                        }
                    }

                    row[x] = Noisy(pixel, random);
                }
            }
        });

        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 92 });
        return output.ToArray();
    }

    private static Rgb24 Noisy(Rgb24 pixel, Random random)
    {
        var n = random.Next(-7, 8);
        return new Rgb24(Clamp(pixel.R + n), Clamp(pixel.G + n), Clamp(pixel.B + n));
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
