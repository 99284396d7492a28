using QRCoder;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Tests.Core.Photos;

/// <summary>QR pictures made in code: saved QR images and busy phone screenshots that contain one.</summary>
internal static class QrTestImages
{
    public const int ScreenWidth = 1080;
    public const int ScreenHeight = 1920;

    /// <summary>A saved QR image as QRCoder writes it: black modules on white, with the quiet zone.</summary>
    public static byte[] QrPng(string text, int pixelsPerModule = 10, QRCodeGenerator.ECCLevel eccLevel = QRCodeGenerator.ECCLevel.M)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, eccLevel);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>
    /// A 1080×1920 screenshot-like page: status bar, coloured cards, lines of glyph-like marks
    /// and icons, with the QR drawn smoothly scaled to <paramref name="qrSide"/> pixels inside a
    /// card at (<paramref name="qrLeft"/>, <paramref name="qrTop"/>).
    /// </summary>
    public static Image<Rgb24> Screenshot(string? qrText, int seed, int qrSide = 250, int qrLeft = 415, int qrTop = 980)
    {
        var random = new Random(seed);
        var page = new Image<Rgb24>(ScreenWidth, ScreenHeight, new Rgb24(243, 244, 246));
        FillRectangle(page, 0, 0, ScreenWidth, 90, new Rgb24(24, 144, 255));
        DrawGlyphLine(page, random, 40, 30, 300, 30, new Rgb24(255, 255, 255));

        var y = 130;
        while (y < ScreenHeight - 160)
        {
            var cardHeight = random.Next(180, 420);
            FillRectangle(page, 30, y, ScreenWidth - 60, cardHeight, new Rgb24(255, 255, 255));
            var accent = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            FillRectangle(page, 60, y + 30, 90, 90, accent);
            for (var line = y + 30; line < y + cardHeight - 40; line += 46)
            {
                var ink = (byte)random.Next(20, 120);
                DrawGlyphLine(page, random, 180, line, random.Next(400, 820), 30, new Rgb24(ink, ink, ink));
            }

            y += cardHeight + 30;
        }

        FillRectangle(page, 0, ScreenHeight - 130, ScreenWidth, 130, new Rgb24(250, 250, 250));
        for (var icon = 0; icon < 4; icon++)
        {
            FillRectangle(page, 100 + icon * 250, ScreenHeight - 105, 60, 60, new Rgb24(140, 140, 150));
        }

        if (qrText is not null)
        {
            FillRectangle(page, qrLeft - 40, qrTop - 40, qrSide + 80, qrSide + 80, new Rgb24(255, 255, 255));
            using var qr = Image.Load<Rgb24>(QrPng(qrText));
            qr.Mutate(operations => operations.Resize(qrSide, qrSide, KnownResamplers.Bicubic));
            page.Mutate(operations => operations.DrawImage(qr, new Point(qrLeft, qrTop), 1f));
        }

        return page;
    }

    public static byte[] Png(Image image)
    {
        using var output = new MemoryStream();
        image.Save(output, new PngEncoder());
        return output.ToArray();
    }

    public static byte[] Jpeg(Image image, int quality = 85)
    {
        using var output = new MemoryStream();
        image.Save(output, new JpegEncoder { Quality = quality });
        return output.ToArray();
    }

    /// <summary>
    /// Stores the pixels turned a quarter anticlockwise with EXIF orientation 6 ("rotate 90° clockwise
    /// to display"), the way a phone camera saves a portrait shot.
    /// </summary>
    public static byte[] JpegStoredSidewaysWithExifOrientation(Image<Rgb24> upright)
    {
        using var stored = upright.Clone(operations => operations.Rotate(RotateMode.Rotate270));
        stored.Metadata.ExifProfile = new ExifProfile();
        stored.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        return Jpeg(stored, 90);
    }

    public static void FillRectangle(Image<Rgb24> image, int left, int top, int width, int height, Rgb24 colour)
    {
        image.ProcessPixelRows(rows =>
        {
            var bottom = Math.Min(top + height, rows.Height);
            for (var y = Math.Max(top, 0); y < bottom; y++)
            {
                var row = rows.GetRowSpan(y);
                var right = Math.Min(left + width, row.Length);
                row[Math.Max(left, 0)..right].Fill(colour);
            }
        });
    }

    // Short vertical and horizontal strokes in word-sized groups: text-like texture with many
    // dark/light transitions, which is what confuses finder-pattern searches on real pages.
    private static void DrawGlyphLine(Image<Rgb24> image, Random random, int left, int top, int width, int height, Rgb24 ink)
    {
        var x = left;
        while (x < left + width)
        {
            var glyphs = random.Next(2, 7);
            for (var glyph = 0; glyph < glyphs && x < left + width; glyph++)
            {
                var strokes = random.Next(2, 5);
                for (var stroke = 0; stroke < strokes; stroke++)
                {
                    if (random.Next(2) == 0)
                    {
                        FillRectangle(image, x + random.Next(height - 4), top, 3, height, ink);
                    }
                    else
                    {
                        FillRectangle(image, x, top + random.Next(height - 3), height, 3, ink);
                    }
                }

                x += height + 4;
            }

            x += height / 2 + 6;
        }
    }
}
