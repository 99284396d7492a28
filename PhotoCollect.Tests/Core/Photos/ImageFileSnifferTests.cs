using PhotoCollect.Core.Photos;

namespace PhotoCollect.Tests.Core.Photos;

public sealed class ImageFileSnifferTests
{
    // SOI; APP0 (length 6); DRI (length 4); SOS (length 8) followed by entropy-coded data with
    // a stuffed 0xFF 0x00, a restart marker and fill bytes; then EOI.
    private static readonly byte[] MinimalJpeg =
    [
        0xFF, 0xD8,
        0xFF, 0xE0, 0x00, 0x06, 0x4A, 0x46, 0x49, 0x46,
        0xFF, 0xDD, 0x00, 0x04, 0x00, 0x10,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFF, 0xD1, 0x78,
        0xFF, 0xD9,
    ];

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "Jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "Png")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A }, "Unknown")]
    [InlineData(new byte[] { 0xFF, 0xD8 }, "Unknown")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "Gif")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "Pdf")]
    [InlineData(new byte[] { 1, 2, 3, 4 }, "Unknown")]
    public void Sniff_ByMagicBytes(byte[] data, string expected) =>
        Assert.Equal(Enum.Parse<ImageFileKind>(expected), ImageFileSniffer.Sniff(data));

    [Fact]
    public void HasCompleteStructure_JpegWithRestartMarkersAndStuffing_True() =>
        Assert.True(ImageFileSniffer.HasCompleteStructure(MinimalJpeg, ImageFileKind.Jpeg));

    [Fact]
    public void HasCompleteStructure_JpegWithTrailerAfterEndOfImage_True() =>
        Assert.True(ImageFileSniffer.HasCompleteStructure([.. MinimalJpeg, 0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70], ImageFileKind.Jpeg));

    [Fact]
    public void HasCompleteStructure_JpegCutAnywhere_False()
    {
        for (var length = 2; length < MinimalJpeg.Length; length++)
        {
            Assert.False(ImageFileSniffer.HasCompleteStructure(MinimalJpeg.AsSpan(0, length), ImageFileKind.Jpeg), $"Cut at {length}");
        }
    }

    [Fact]
    public void HasCompleteStructure_JpegSegmentLengthPastTheEnd_False()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xF0, 0x00, 0xFF, 0xD9];

        Assert.False(ImageFileSniffer.HasCompleteStructure(jpeg, ImageFileKind.Jpeg));
    }

    [Fact]
    public void HasCompleteStructure_PngCutAnywhere_FalseAndWholeFileTrue()
    {
        var png = QrTestImages.QrPng("chsi", pixelsPerModule: 2);

        Assert.True(ImageFileSniffer.HasCompleteStructure(png, ImageFileKind.Png));
        for (var length = 0; length < png.Length; length++)
        {
            Assert.False(ImageFileSniffer.HasCompleteStructure(png.AsSpan(0, length), ImageFileKind.Png), $"Cut at {length}");
        }
    }
}
