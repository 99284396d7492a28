using PhotoCollect.Core.Photos;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Tests.Core.Photos;

public sealed class PhotoIntakeTests
{
    private static readonly PhotoSpec Spec = new();

    private static byte[] Jpeg(int width = 480, int height = 640, JpegColorType? color = null, int quality = 90, ushort? orientation = null)
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    row[x] = new Rgb24((byte)(x % 256), (byte)(y % 256), 200);
                }
            }
        });
        if (orientation is { } o)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, o);
        }

        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = quality, ColorType = color });
        return output.ToArray();
    }

    private static string? FailureCode(byte[] bytes)
    {
        var result = PhotoIntake.Read(bytes, Spec, Spec.MaxUploadBytes);
        result.Photo?.Dispose();
        return result.Failure?.Code;
    }

    [Fact]
    public void Read_ValidJpeg_DecodesWithQualityAndStructure()
    {
        var result = PhotoIntake.Read(Jpeg(quality: 85), Spec, Spec.MaxUploadBytes);
        using var photo = result.Photo;

        Assert.Null(result.Failure);
        Assert.Equal((480, 640), (photo!.Image.Width, photo.Image.Height));
        Assert.InRange(photo.JpegQuality!.Value, 80, 90);
        Assert.False(photo.IsGrayscale);
        Assert.False(photo.IsCmyk);
    }

    [Fact]
    public void Read_Empty_GivesEmptyCode() => Assert.Equal(PhotoIssueCodes.Empty, FailureCode([]));

    [Fact]
    public void Read_PngNamedJpg_GivesNotJpegNamingThePng()
    {
        using var image = new Image<Rgb24>(480, 640);
        using var output = new MemoryStream();
        image.SaveAsPng(output, new PngEncoder());

        var result = PhotoIntake.Read(output.ToArray(), Spec, Spec.MaxUploadBytes);

        Assert.Equal(PhotoIssueCodes.NotJpeg, result.Failure!.Code);
        Assert.Contains("PNG", result.Failure.Message);
        Assert.Equal(PhotoIssueSeverity.Error, result.Failure.Severity);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })]
    public void Read_OtherBytes_GivesNotJpeg(byte[] bytes) => Assert.Equal(PhotoIssueCodes.NotJpeg, FailureCode(bytes));

    [Fact]
    public void Read_TruncatedJpeg_Detected()
    {
        var bytes = Jpeg();
        Assert.Equal(PhotoIssueCodes.Truncated, FailureCode(bytes[..(bytes.Length * 2 / 3)]));
    }

    [Fact]
    public void Read_CutInsideHeaders_GivesCorrupt() => Assert.Equal(PhotoIssueCodes.Corrupt, FailureCode(Jpeg()[..20]));

    [Fact]
    public void Read_JpegMagicThenGarbage_GivesCorrupt()
    {
        var bytes = new byte[5000];
        new Random(1).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        Assert.Equal(PhotoIssueCodes.Corrupt, FailureCode(bytes));
    }

    [Fact]
    public void Read_HeaderClaimingHugeSize_RefusedBeforeDecoding()
    {
        var bytes = Jpeg(64, 64);
        var sof = FindStartOfFrame(bytes);
        // Height and width fields of the SOF0 segment: 30000 × 30000.
        bytes[sof + 5] = 0x75;
        bytes[sof + 6] = 0x30;
        bytes[sof + 7] = 0x75;
        bytes[sof + 8] = 0x30;

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var code = FailureCode(bytes);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(PhotoIssueCodes.TooManyPixels, code);
        Assert.True(allocated < 1_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Read_OverUploadLimit_Refused()
    {
        var result = PhotoIntake.Read(Jpeg(), Spec, maxBytes: 1000);
        Assert.Equal(PhotoIssueCodes.UploadTooLarge, result.Failure!.Code);
    }

    [Fact]
    public void Read_Grayscale_Identified()
    {
        var result = PhotoIntake.Read(Jpeg(color: JpegColorType.Luminance), Spec, Spec.MaxUploadBytes);
        using var photo = result.Photo!;
        Assert.True(photo.IsGrayscale);
    }

    [Fact]
    public void Read_ExifRotated_ComesOutUpright()
    {
        // Stored landscape with "rotate 90° clockwise" (6): displayed, it is portrait.
        var result = PhotoIntake.Read(Jpeg(640, 480, orientation: 6), Spec, Spec.MaxUploadBytes);
        using var photo = result.Photo!;
        Assert.Equal(6, photo.ExifOrientation);
        Assert.Equal((480, 640), (photo.Image.Width, photo.Image.Height));
    }

    [Fact]
    public void Read_ProgressiveFlagFromStructure()
    {
        var structure = JpegStructure.Read(Jpeg());
        Assert.NotNull(structure);
        Assert.False(structure.Progressive);
        Assert.Equal(3, structure.Components);
    }

    [Fact]
    public void Read_RandomCorruptions_NeverThrow()
    {
        var original = Jpeg(120, 160);
        var random = new Random(42);
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = 0; k < 1 + random.Next(20); k++)
            {
                bytes[random.Next(2, bytes.Length)] = (byte)random.Next(256);
            }

            var length = random.Next(3) == 0 ? random.Next(1, bytes.Length) : bytes.Length;
            var result = PhotoIntake.Read(bytes[..length], Spec, Spec.MaxUploadBytes);
            Assert.True(result.Succeeded || result.Failure is not null);
            result.Photo?.Dispose();
        }
    }

    private static int FindStartOfFrame(byte[] bytes)
    {
        for (var i = 2; i < bytes.Length - 1; i++)
        {
            if (bytes[i] == 0xFF && bytes[i + 1] is 0xC0 or 0xC2)
            {
                return i;
            }
        }

        throw new InvalidOperationException("no SOF");
    }
}
