using PhotoCollect.Core.Photos;
using PhotoCollect.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Tests.Core.Photos;

/// <summary>Slivers and extreme shapes are refused up front, never crash the analysis or blow up a resize.</summary>
public sealed class PhotoIntakeShapeTests
{
    private static readonly PhotoSpec Spec = new();

    private static byte[] Jpeg(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(40, 190, 250));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData(480, 1)]
    [InlineData(4000, 1)]
    [InlineData(1, 4000)]
    [InlineData(1, 300)]
    [InlineData(480, 40)]
    [InlineData(300, 1500)]
    public void Inspect_Sliver_GivesWrongDimensionsWithoutThrowing(int width, int height)
    {
        var report = new PhotoInspector(new FixedFaceDetector(), TimeProvider.System).Inspect(Jpeg(width, height), Spec);

        Assert.Equal(PhotoCheckOutcome.Fail, report.Outcome);
        Assert.Equal(PhotoIssueCodes.WrongDimensions, Assert.Single(report.Issues).Code);
    }

    [Fact]
    public void Fix_Sliver_IsRefusedWithoutThrowing()
    {
        var normalizer = new PhotoNormalizer(new FixedFaceDetector(), new PhotoInspector(new FixedFaceDetector(), TimeProvider.System));
        Assert.Equal(PhotoIssueCodes.WrongDimensions, normalizer.Fix(Jpeg(4000, 1), Spec).Refusal!.Code);
    }

    [Fact]
    public void Inspect_UnusualButSaneShape_IsMeasured()
    {
        var report = new PhotoInspector(new FixedFaceDetector(), TimeProvider.System).Inspect(Jpeg(1200, 900), Spec);
        Assert.Contains(report.Issues, i => i.Code == PhotoIssueCodes.WrongDimensions);
        Assert.Contains(report.Issues, i => i.Code == PhotoIssueCodes.NoFace);
    }
}
