using PhotoCollect.Core.Photos;
using PhotoCollect.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Xunit.Abstractions;

namespace PhotoCollect.Tests.Core.Photos;

/// <summary>The whole engine, real face detector included, on photos with real faces.</summary>
public sealed class PhotoInspectorRealFaceTests(FaceDetectorFixture faces, ITestOutputHelper output) : IClassFixture<FaceDetectorFixture>
{
    private static readonly PhotoSpec Spec = new();

    private PhotoCheckReport Inspect(byte[] bytes)
    {
        var report = new PhotoInspector(faces.Detector, TimeProvider.System).Inspect(bytes, Spec);
        output.WriteLine(report.ToJson());
        return report;
    }

    [Fact]
    public void GraceHopper_OnCompliantBackground_Passes()
    {
        var report = Inspect(RealFacePhoto.GraceHopperCompliant(faces.Detector));

        Assert.NotEqual(PhotoCheckOutcome.Fail, report.Outcome);
        Assert.Equal(1, report.Measurements.FaceCount);
        Assert.InRange(report.Measurements.EyeLineY!.Value, 225, 245);
        Assert.InRange(report.Measurements.FaceCentreX!.Value, 228, 252);
        Assert.InRange(report.Measurements.FaceWidth!.Value, 200, 240);
        // Her head really is tilted a little in this portrait: a warning at most, never an error.
        Assert.InRange(Math.Abs(report.Measurements.RollDegrees!.Value), 0, Spec.RollErrorDegrees);
    }

    [Fact]
    public void Astronaut_OnCompliantBackground_Passes()
    {
        using var source = TestImages.Load(TestImages.Astronaut);
        var face = faces.Detector.Detect(source).Single();
        using var photo = RealFacePhoto.Compose(source, face, new SyntheticPhoto());

        var report = Inspect(RealFacePhoto.Jpeg(photo));

        Assert.NotEqual(PhotoCheckOutcome.Fail, report.Outcome);
        Assert.Equal(1, report.Measurements.FaceCount);
    }

    [Fact]
    public void RealFace_TooBig_And_OffCentre_AreCaught()
    {
        using var source = TestImages.Load(TestImages.GraceHopper);
        var face = faces.Detector.Detect(source).Single();
        using var big = RealFacePhoto.Compose(source, face, new SyntheticPhoto(), faceWidth: 330);
        using var left = RealFacePhoto.Compose(source, face, new SyntheticPhoto(), centreX: 190);

        Assert.Contains(Inspect(RealFacePhoto.Jpeg(big)).Issues, i => i.Code == PhotoIssueCodes.HeadTooLarge);
        Assert.Contains(Inspect(RealFacePhoto.Jpeg(left)).Issues, i => i.Code == PhotoIssueCodes.OffCentre);
    }

    [Fact]
    public void RealFace_OnWhiteWall_WrongBackgroundColour()
    {
        var report = Inspect(RealFacePhoto.GraceHopperCompliant(faces.Detector, new SyntheticPhoto { Background = new Rgb24(238, 238, 236) }));
        Assert.Contains(report.Issues, i => i.Code == PhotoIssueCodes.BackgroundColor && i.Severity == PhotoIssueSeverity.Error);
    }

    [Fact]
    public void RealFace_Blurred_IsBlurry()
    {
        using var source = TestImages.Load(TestImages.GraceHopper);
        var face = faces.Detector.Detect(source).Single();
        using var photo = RealFacePhoto.Compose(source, face, new SyntheticPhoto { NoiseAmplitude = 0 });
        photo.Mutate(x => x.GaussianBlur(5));

        var report = Inspect(RealFacePhoto.Jpeg(photo));

        Assert.Contains(report.Issues, i => i.Code == PhotoIssueCodes.Blurry);
    }

    [Fact]
    public void PlainBackgroundWithoutPerson_NoFace()
    {
        var report = Inspect(new SyntheticPhoto { DrawHead = false, Body = false }.Jpeg());
        Assert.Contains(report.Issues, i => i.Code == PhotoIssueCodes.NoFace);
    }
}
