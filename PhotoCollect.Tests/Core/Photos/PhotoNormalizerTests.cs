using PhotoCollect.Core.Photos;
using PhotoCollect.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Xunit.Abstractions;

namespace PhotoCollect.Tests.Core.Photos;

public sealed class PhotoNormalizerTests(FaceDetectorFixture faces, ITestOutputHelper output) : IClassFixture<FaceDetectorFixture>
{
    private static readonly PhotoSpec Spec = new();
    private static readonly Rgb24 WhiteWall = new(238, 238, 236);
    private static readonly Rgb24 GreyWall = new(150, 152, 155);

    private PhotoNormalizer Normalizer => new(faces.Detector, new PhotoInspector(faces.Detector, TimeProvider.System));

    /// <summary>A phone-sized photo (3000 × 4000) of Grace Hopper in front of a wall.</summary>
    private Image<Rgb24> PhonePhoto(Rgb24 wall, int blotches = 0, double eyeLineY = 1500, double faceWidth = 640)
    {
        using var source = TestImages.Load(TestImages.GraceHopper);
        var face = faces.Detector.Detect(source).Single();
        var canvas = new SyntheticPhoto { Width = 3000, Height = 4000, Background = wall, Blotches = blotches, NoiseAmplitude = 3 };
        return RealFacePhoto.Compose(source, face, canvas, faceWidth: faceWidth, centreX: 1450, eyeLineY: eyeLineY);
    }

    private PhotoFixResult Fix(Image<Rgb24> image, ushort? orientation = null)
    {
        if (orientation is { } o)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, o);
        }

        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 90 });
        var result = Normalizer.Fix(stream.ToArray(), Spec);
        output.WriteLine(result.Report?.ToJson() ?? result.Refusal?.ToString());
        return result;
    }

    private static void AssertCompliant(PhotoFixResult result)
    {
        Assert.True(result.Succeeded, result.Refusal?.Message);
        Assert.True(result.Report!.Outcome != PhotoCheckOutcome.Fail, result.Report.ToJson());
        using var image = Image.Load<Rgb24>(result.Jpeg!);
        Assert.Equal((Spec.Width, Spec.Height), (image.Width, image.Height));
        Assert.InRange(result.Jpeg!.Length, Spec.MinBytes, Spec.MaxBytes);
        Assert.Equal(result.Jpeg.Length, result.Report.Measurements.FileBytes);
    }

    [Fact]
    public void PhonePhoto_OnWhiteWall_ComesOutCompliant()
    {
        using var photo = PhonePhoto(WhiteWall);
        var result = Fix(photo);

        AssertCompliant(result);
        var m = result.Report!.Measurements;
        Assert.InRange(m.BackgroundDeltaE!.Value, 0, Spec.BackgroundDeltaEWarning);
        Assert.InRange(m.EyeLineY!.Value, Spec.EyeLineMinY, Spec.EyeLineMaxY);
        Assert.InRange(m.CrownY!.Value, Spec.CrownMinY, Spec.CrownMaxY);
        Assert.InRange(m.FaceCentreX!.Value, Spec.CentreMinX, Spec.CentreMaxX);
    }

    [Fact]
    public void PhonePhoto_OnGreyWall_ComesOutCompliant()
    {
        using var photo = PhonePhoto(GreyWall);
        AssertCompliant(Fix(photo));
    }

    [Fact]
    public void PhonePhoto_StoredSidewaysWithExifOrientation_ComesOutUpright()
    {
        using var photo = PhonePhoto(WhiteWall);
        // Stored rotated 90° anticlockwise with "rotate 90° clockwise to display" (6).
        photo.Mutate(x => x.Rotate(RotateMode.Rotate270));

        AssertCompliant(Fix(photo, orientation: 6));
    }

    [Fact]
    public void NearMiss_WrongBlueAndLowHead_IsFixed()
    {
        using var source = TestImages.Load(TestImages.GraceHopper);
        var face = faces.Detector.Detect(source).Single();
        using var photo = RealFacePhoto.Compose(source, face, new SyntheticPhoto { Background = new Rgb24(70, 175, 235) }, faceWidth: 190, eyeLineY: 290);

        AssertCompliant(Fix(photo));
    }

    [Fact]
    public void HairEdge_HasNoHaloOfTheOldWall()
    {
        using var photo = PhonePhoto(WhiteWall);
        var result = Fix(photo);
        AssertCompliant(result);

        // A halo is a rim of the old white wall between the new blue and the subject: look at
        // the subject pixels touching the new background and count those still wall-coloured.
        var wall = CieLab.FromRgb(WhiteWall.R, WhiteWall.G, WhiteWall.B);
        var blue = CieLab.FromHex(Spec.BackgroundColor);
        using var image = Image.Load<Rgb24>(result.Jpeg!);
        image.SaveAsPng("/tmp/fixed-white-wall.png");
        var lab = new CieLab[image.Width, image.Height];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    lab[x, y] = CieLab.FromRgb(row[x].R, row[x].G, row[x].B);
                }
            }
        });

        int rim = 0, halo = 0;
        for (var y = 3; y < image.Height - 3; y++)
        {
            for (var x = 3; x < image.Width - 3; x++)
            {
                if (CieLab.DeltaE76(lab[x, y], blue) < 10)
                {
                    continue;
                }

                var touchesBlue = false;
                for (var d = -3; d <= 3 && !touchesBlue; d++)
                {
                    touchesBlue = CieLab.DeltaE76(lab[x + d, y], blue) < 10 || CieLab.DeltaE76(lab[x, y + d], blue) < 10;
                }

                if (touchesBlue)
                {
                    rim++;
                    if (CieLab.DeltaE76(lab[x, y], wall) < 12)
                    {
                        halo++;
                    }
                }
            }
        }

        output.WriteLine($"rim {rim} px, wall-coloured {halo}");
        Assert.True(rim > 500, $"rim {rim}");
        Assert.True(halo < rim / 50, $"{halo} of {rim} edge pixels still show the old wall");
    }

    [Fact]
    public void BusyBackground_IsRefused()
    {
        using var photo = PhonePhoto(GreyWall, blotches: 60);
        var result = Fix(photo);

        Assert.False(result.Succeeded);
        Assert.Equal(PhotoFixCodes.BackgroundTooBusy, result.Refusal!.Code);
        Assert.Contains("背景", result.Refusal.Message);
    }

    [Fact]
    public void NoFace_IsRefused()
    {
        using var wall = new SyntheticPhoto { Width = 1500, Height = 2000, Background = WhiteWall, DrawHead = false }.Render();
        Assert.Equal(PhotoFixCodes.NoFace, Fix(wall).Refusal!.Code);
    }

    [Fact]
    public void HeadCutOffAtTheTop_IsRefused()
    {
        using var photo = PhonePhoto(WhiteWall, eyeLineY: 250);
        Assert.Equal(PhotoFixCodes.HeadCutOff, Fix(photo).Refusal!.Code);
    }

    [Fact]
    public void NotAJpeg_IsRefusedWithTheIntakeCode()
    {
        var result = Normalizer.Fix([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], Spec);
        Assert.Equal(PhotoIssueCodes.NotJpeg, result.Refusal!.Code);
    }
}
