using System.Buffers.Binary;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Photos;
using PhotoCollect.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Tests.Core.Photos;

public sealed class QrCodeReaderTests
{
    // About the length of a sealed 采集码 payload: a key id and base64url AES-GCM ciphertext.
    private static readonly string SealedPayload =
        "chsi1.k2026a." + string.Concat(Enumerable.Range(0, 26).Select(i => $"Qm{i:D2}x-Zp_7Tw"));

    private readonly QrCodeReader _reader = new();

    [Theory]
    [InlineData("学信网图像采集码：张三，计算机科学与技术学院，本科，2026届")]
    [InlineData("chsi1.k2026a.AbC-_123")]
    [InlineData(null)]
    public void Read_SavedQrPng_RoundTripsText(string? text)
    {
        // 850 bytes of UTF-8: a version 25 code.
        text ??= ChineseText(repeats: 10);

        var result = _reader.Read(QrTestImages.QrPng(text));

        Assert.True(result.Succeeded, result.Error?.Code);
        Assert.Equal(text, result.Text);
    }

    [Fact]
    public void Read_DenseQrWithFinderLikePatternInItsData_Decodes()
    {
        // QRCoder's mask for this version 26 code leaves a finder-like pattern in the data area;
        // ZXing's single detector settles on it before it reaches the bottom-left corner.
        var text = ChineseText(repeats: 12);

        var result = _reader.Read(QrTestImages.QrPng(text, pixelsPerModule: 4));

        Assert.Equal(text, result.Text);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(3, true)]
    public void Read_SmallQrInBusyScreenshot_Decodes(int seed, bool asJpeg)
    {
        using var screenshot = QrTestImages.Screenshot(SealedPayload, seed, qrSide: 250);
        var bytes = asJpeg ? QrTestImages.Jpeg(screenshot) : QrTestImages.Png(screenshot);

        var result = _reader.Read(bytes);

        Assert.True(result.Succeeded, result.Error?.Code);
        Assert.Equal(SealedPayload, result.Text);
    }

    [Fact]
    public void Read_DarkModeScreenshot_Decodes()
    {
        using var screenshot = QrTestImages.Screenshot(SealedPayload, seed: 4);
        screenshot.Mutate(operations => operations.Invert());

        var result = _reader.Read(QrTestImages.Png(screenshot));

        Assert.Equal(SealedPayload, result.Text);
    }

    [Fact]
    public void Read_ScreenshotStoredSidewaysWithExifOrientation_Decodes()
    {
        using var screenshot = QrTestImages.Screenshot(SealedPayload, seed: 5);

        var result = _reader.Read(QrTestImages.JpegStoredSidewaysWithExifOrientation(screenshot));

        Assert.Equal(SealedPayload, result.Text);
    }

    [Fact]
    public void TryLoadLuminance_ExifOrientation_GivesThePictureAsDisplayed()
    {
        using var upright = new Image<Rgb24>(60, 100, new Rgb24(255, 255, 255));
        QrTestImages.FillRectangle(upright, 0, 0, 60, 10, new Rgb24(0, 0, 0));

        var loaded = QrCodeReader.TryLoadLuminance(
            QrTestImages.JpegStoredSidewaysWithExifOrientation(upright), out var luminance, out _);

        Assert.True(loaded);
        Assert.Equal((60, 100), (luminance!.Width, luminance.Height));
        Assert.True(luminance.Matrix[5 * 60 + 30] < 50, "The black band belongs at the top.");
        Assert.True(luminance.Matrix[95 * 60 + 30] > 200);
    }

    [Fact]
    public void Read_QrOnTransparentBackground_Decodes()
    {
        using var data = QRCoder.QRCodeGenerator.GenerateQrCode(SealedPayload, QRCoder.QRCodeGenerator.ECCLevel.M);
        var png = new QRCoder.PngByteQRCode(data).GetGraphic(8, [0, 0, 0, 255], [255, 255, 255, 0]);

        var result = _reader.Read(png);

        Assert.Equal(SealedPayload, result.Text);
    }

    [Fact]
    public void Read_ThumbnailWithOnePixelModules_Decodes()
    {
        var result = _reader.Read(QrTestImages.QrPng(SealedPayload, pixelsPerModule: 1));

        Assert.Equal(SealedPayload, result.Text);
    }

    [Fact]
    public void Read_LargeCameraPhotoOfQr_Decodes()
    {
        using var photo = new Image<Rgb24>(6000, 4000, new Rgb24(205, 200, 190));
        using var qr = Image.Load<Rgb24>(QrTestImages.QrPng(SealedPayload));
        qr.Mutate(operations => operations.Resize(1400, 1400));
        photo.Mutate(operations => operations.DrawImage(qr, new Point(2300, 1300), 1f));

        var result = _reader.Read(QrTestImages.Jpeg(photo));

        Assert.Equal(SealedPayload, result.Text);
    }

    [Fact]
    public void Read_JpegWithTrailerAfterEndOfImage_Decodes()
    {
        using var screenshot = QrTestImages.Screenshot(SealedPayload, seed: 6);
        var trailer = new byte[4096];
        new Random(6).NextBytes(trailer);

        byte[] withTrailer = [.. QrTestImages.Jpeg(screenshot), .. trailer];

        var result = _reader.Read(withTrailer);

        Assert.Equal(SealedPayload, result.Text);
    }

    [Fact]
    public void Read_SliceOfLargerBuffer_Decodes()
    {
        var png = QrTestImages.QrPng(SealedPayload, pixelsPerModule: 4);
        var buffer = new byte[png.Length + 20];
        png.CopyTo(buffer, 7);

        var result = _reader.Read(buffer.AsMemory(7, png.Length));

        Assert.Equal(SealedPayload, result.Text);
    }

    [Fact]
    public void Read_ConcurrentCalls_AllDecode()
    {
        var png = QrTestImages.QrPng(SealedPayload, pixelsPerModule: 4);
        var texts = new string?[16];

        Parallel.For(0, texts.Length, i => texts[i] = _reader.Read(png).Text);

        Assert.All(texts, text => Assert.Equal(SealedPayload, text));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Read_ScreenshotWithoutQr_NotFound(int seed, bool asJpeg)
    {
        using var screenshot = QrTestImages.Screenshot(qrText: null, seed);
        var bytes = asJpeg ? QrTestImages.Jpeg(screenshot) : QrTestImages.Png(screenshot);

        var result = _reader.Read(bytes);

        AssertFailure("qr.not_found", result);
        Assert.Contains("图像采集码", result.Error!.Message);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(255, 255, 255)]
    public void Read_QrWithCentreOverpainted_Unreadable(byte red, byte green, byte blue)
    {
        // The finder patterns survive, so ZXing locates the code; 40 % of the width across the
        // middle is more than error-correction level M can repair.
        using var qr = Image.Load<Rgb24>(QrTestImages.QrPng(SealedPayload));
        var side = qr.Width * 2 / 5;
        QrTestImages.FillRectangle(qr, (qr.Width - side) / 2, (qr.Height - side) / 2, side, side, new Rgb24(red, green, blue));

        var result = _reader.Read(QrTestImages.Png(qr));

        AssertFailure("qr.unreadable", result);
    }

    [Fact]
    public void Read_QrWithOneFinderPatternErased_NotFound()
    {
        // Four modules of quiet zone (40 px) then the 7-module finder pattern (70 px).
        using var qr = Image.Load<Rgb24>(QrTestImages.QrPng(SealedPayload, pixelsPerModule: 10));
        QrTestImages.FillRectangle(qr, 40, 40, 80, 80, new Rgb24(255, 255, 255));

        var result = _reader.Read(QrTestImages.Png(qr));

        AssertFailure("qr.not_found", result);
    }

    [Theory]
    [InlineData(100_000, 100_000)]
    [InlineData(8_000, 6_000)]
    public void Read_PngHeaderClaimingTooManyPixels_TooLarge(int width, int height)
    {
        // 8000×6000 would decode within the allocation limit, so only the header check can
        // give too_large there (a decode of the fake file ends as corrupt or not found).
        var png = PngWithClaimedSize(width, height);

        var result = _reader.Read(png);

        AssertFailure("qr.too_large", result);
    }

    [Theory]
    [InlineData(30_000, 30_000)]
    [InlineData(8_000, 6_000)]
    public void Read_JpegHeaderClaimingTooManyPixels_TooLarge(int width, int height)
    {
        var jpeg = JpegWithClaimedSize(width, height);

        var result = _reader.Read(jpeg);

        AssertFailure("qr.too_large", result);
    }

    [Fact]
    public void Read_MoreBytesThanTheLimit_TooLarge()
    {
        var bytes = new byte[QrCodeReader.MaxBytes + 1];
        QrTestImages.QrPng("x").AsSpan(0, 8).CopyTo(bytes);

        var result = _reader.Read(bytes);

        AssertFailure("qr.too_large", result);
    }

    public static TheoryData<byte[]> NotImages => new()
    {
        Array.Empty<byte>(),
        new byte[] { 0xFF, 0xD8 },
        "%PDF-1.7 学信网"u8.ToArray(),
        "GIF89a\u0001\0\u0001\0"u8.ToArray(),
        "BM"u8.ToArray().Concat(new byte[64]).ToArray(),
        RandomBytes(seed: 1, length: 5000),
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public void Read_NotJpegOrPng_NotImage(byte[] bytes) =>
        AssertFailure("qr.not_image", _reader.Read(bytes));

    [Fact]
    public void Read_ArithmeticCodedJpeg_NotImage()
    {
        using var image = new Image<Rgb24>(32, 32);
        var jpeg = QrTestImages.Jpeg(image);
        var frame = IndexOfMarker(jpeg, 0xC0);
        jpeg[frame + 1] = 0xC9;

        AssertFailure("qr.not_image", _reader.Read(jpeg));
    }

    [Theory]
    [InlineData(false, 10)]
    [InlineData(false, 50)]
    [InlineData(false, 99)]
    [InlineData(true, 10)]
    [InlineData(true, 50)]
    [InlineData(true, 99)]
    public void Read_TruncatedFile_Corrupt(bool asJpeg, int keptPercent)
    {
        using var screenshot = QrTestImages.Screenshot(SealedPayload, seed: 7);
        var bytes = asJpeg ? QrTestImages.Jpeg(screenshot) : QrTestImages.Png(screenshot);

        var result = _reader.Read(bytes.AsMemory(0, bytes.Length * keptPercent / 100));

        AssertFailure("qr.corrupt", result);
    }

    [Fact]
    public void Read_JpegMarkerFollowedByGarbage_Corrupt()
    {
        byte[] bytes = [0xFF, 0xD8, 0xFF, .. RandomBytes(seed: 2, length: 5000)];

        AssertFailure("qr.corrupt", _reader.Read(bytes));
    }

    [Fact]
    public void Read_PngWithDamagedPixelData_Corrupt()
    {
        var png = QrTestImages.QrPng(SealedPayload, pixelsPerModule: 4);
        png[png.Length / 2] ^= 0x40;

        AssertFailure("qr.corrupt", _reader.Read(png));
    }

    [Fact]
    public void Read_RandomlyDamagedFiles_NeverThrowAndGiveKnownCodes()
    {
        using var screenshot = QrTestImages.Screenshot(SealedPayload, seed: 8);
        screenshot.Mutate(operations => operations.Resize(270, 480));
        var originals = new[] { QrTestImages.Png(screenshot), QrTestImages.Jpeg(screenshot), QrTestImages.QrPng(SealedPayload, 3) };
        var random = new Random(42);
        string[] knownCodes = ["qr.not_image", "qr.too_large", "qr.corrupt", "qr.not_found", "qr.unreadable"];

        foreach (var original in originals)
        {
            for (var round = 0; round < 40; round++)
            {
                var damaged = (byte[])original.Clone();
                for (var flip = 0; flip < 4; flip++)
                {
                    damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                }

                var cut = random.Next(damaged.Length + 1);
                foreach (var bytes in new[] { damaged, original[..cut] })
                {
                    var result = _reader.Read(bytes);

                    Assert.True(result.Succeeded || knownCodes.Contains(result.Error!.Code), result.Error?.Code);
                }
            }
        }
    }

    [Fact]
    public void QrReadError_CodesAreStableAndMessagesChinese()
    {
        QrReadError[] errors = [QrReadError.NotImage, QrReadError.TooLarge, QrReadError.Corrupt, QrReadError.NotFound, QrReadError.Unreadable];

        Assert.Equal(
            ["qr.not_image", "qr.too_large", "qr.corrupt", "qr.not_found", "qr.unreadable"],
            errors.Select(error => error.Code));
        Assert.All(errors, error => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message));
        Assert.Contains("30 MB", QrReadError.TooLarge.Message);
        Assert.Contains("4000 万像素", QrReadError.TooLarge.Message);
        Assert.Equal("qr.not_found", QrReadError.NotFound.ToException().Code);
    }

    [Fact]
    public async Task AddPhotoCollectCore_RegistersOneSharedReader()
    {
        await using var services = await TestServices.CreateAsync();

        var reader = services.Provider.GetRequiredService<QrCodeReader>();

        Assert.Same(reader, services.Provider.GetRequiredService<QrCodeReader>());
        Assert.Equal("chsi", reader.Read(QrTestImages.QrPng("chsi", pixelsPerModule: 4)).Text);
    }

    private static void AssertFailure(string expectedCode, QrReadResult result)
    {
        Assert.False(result.Succeeded, $"Decoded unexpectedly: {result.Text}");
        Assert.Equal(expectedCode, result.Error!.Code);
    }

    private static string ChineseText(int repeats) =>
        string.Concat(Enumerable.Repeat("姓名：欧阳娜娜；学号：2022110105；专业：汉语言文学（师范）。", repeats));

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A valid 1×1 PNG whose IHDR (with a correct CRC) claims another size.</summary>
    private static byte[] PngWithClaimedSize(int width, int height)
    {
        using var pixel = new Image<Rgb24>(1, 1);
        var png = QrTestImages.Png(pixel);

        // Signature (8), IHDR length (4), "IHDR" at 12, width at 16, height at 20, CRC at 29.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>A valid 16×16 JPEG whose frame header claims another size.</summary>
    private static byte[] JpegWithClaimedSize(int width, int height)
    {
        using var small = new Image<Rgb24>(16, 16);
        var jpeg = QrTestImages.Jpeg(small);

        // Marker (2), length (2), precision (1), then height and width.
        var frame = IndexOfMarker(jpeg, 0xC0);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(frame + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(frame + 7), (ushort)width);
        return jpeg;
    }

    private static int IndexOfMarker(byte[] jpeg, byte marker)
    {
        var index = jpeg.AsSpan().IndexOf(stackalloc byte[] { 0xFF, marker });
        Assert.True(index > 0, $"Marker {marker:X2} not found.");
        return index;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
