using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Photos.FaceDetection;
using PhotoCollect.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Tests.Core.Photos;

/// <summary>Each rule's pass and fail side on drawn photos with controlled geometry.</summary>
public sealed class PhotoInspectorRuleTests
{
    private static readonly PhotoSpec Spec = new();

    private static PhotoCheckReport Inspect(SyntheticPhoto photo, IFaceDetector? detector = null) =>
        new PhotoInspector(detector ?? photo.Detector(), TimeProvider.System).Inspect(photo.Jpeg(), Spec);

    private static PhotoIssue? Issue(PhotoCheckReport report, string code) => report.Issues.FirstOrDefault(i => i.Code == code);

    private static void AssertIssue(PhotoCheckReport report, string code, PhotoIssueSeverity severity)
    {
        var issue = Issue(report, code);
        Assert.True(issue is not null, $"expected {code}; got {string.Join(", ", report.Issues.Select(i => i.Code))}; {report.ToJson()}");
        Assert.Equal(severity, issue!.Severity);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
    }

    private static void AssertNoIssue(PhotoCheckReport report, string code) =>
        Assert.True(Issue(report, code) is null, $"unexpected {code}: {report.ToJson()}");

    [Fact]
    public void CompliantPhoto_Passes_WithMeasurementsAndGeometry()
    {
        var report = Inspect(new SyntheticPhoto());

        Assert.True(report.Outcome == PhotoCheckOutcome.Pass, report.ToJson());
        Assert.Empty(report.Issues);
        var m = report.Measurements;
        Assert.Equal((480, 640), (m.Width, m.Height));
        Assert.InRange(m.BackgroundDeltaE!.Value, 0, 3);
        Assert.InRange(m.CrownY!.Value, 74, 86);
        Assert.InRange(m.EyeLineY!.Value, 220, 225);
        Assert.Equal(220, m.FaceWidth!.Value, 1);
        Assert.Equal(240, m.FaceCentreX!.Value, 1);
        Assert.True(m.ClothingDeltaE > 40);
        Assert.True(m.ShoulderCoverage > 0.6);
        Assert.NotNull(report.Geometry!.FaceBox);
        Assert.Equal(6, report.Geometry.Keypoints!.Count);
        Assert.Equal(PhotoInspector.EngineVersion, report.EngineVersion);
        Assert.Equal(Spec.Version, report.SpecVersion);
    }

    [Fact]
    public void Report_RoundTripsThroughJson()
    {
        var report = Inspect(new SyntheticPhoto { Clothing = new Rgb24(60, 185, 245) });

        var copy = PhotoCheckReport.FromJson(report.ToJson())!;

        Assert.Equal(report.Outcome, copy.Outcome);
        Assert.Equal(report.Issues, copy.Issues);
        Assert.Equal(report.Measurements, copy.Measurements);
        Assert.Contains("衣服", report.ToJson());
    }

    // Background colour: ΔE00 ≤ 6 pass, 6–10 warning, > 10 error.
    [Theory]
    [InlineData(40, 190, 250, null)]
    [InlineData(60, 200, 230, PhotoIssueSeverity.Warning)]
    [InlineData(235, 235, 235, PhotoIssueSeverity.Error)]
    [InlineData(90, 140, 250, PhotoIssueSeverity.Error)]
    public void BackgroundColour_JudgedByDeltaE(byte r, byte g, byte b, PhotoIssueSeverity? expected)
    {
        var report = Inspect(new SyntheticPhoto { Background = new Rgb24(r, g, b) });
        if (expected is null)
        {
            AssertNoIssue(report, PhotoIssueCodes.BackgroundColor);
        }
        else
        {
            AssertIssue(report, PhotoIssueCodes.BackgroundColor, expected.Value);
        }
    }

    [Fact]
    public void BackgroundGradient_Flagged_SlightOneIsNot()
    {
        AssertIssue(Inspect(new SyntheticPhoto { VerticalGradient = 0.35 }), PhotoIssueCodes.BackgroundGradient, PhotoIssueSeverity.Error);
        AssertNoIssue(Inspect(new SyntheticPhoto { VerticalGradient = 0.03 }), PhotoIssueCodes.BackgroundGradient);
    }

    [Fact]
    public void CastShadowBesideHead_IsAnError()
    {
        var report = Inspect(new SyntheticPhoto { Shadow = (new Rectangle(350, 60, 120, 260), 0.72) });
        AssertIssue(report, PhotoIssueCodes.BackgroundShadow, PhotoIssueSeverity.Error);
        Assert.Equal(PhotoCheckOutcome.Fail, report.Outcome);
    }

    [Fact]
    public void FaintShadow_IsNotReported() =>
        AssertNoIssue(Inspect(new SyntheticPhoto { Shadow = (new Rectangle(350, 60, 120, 260), 0.97) }), PhotoIssueCodes.BackgroundShadow);

    [Fact]
    public void ClutteredBackground_NotUniform()
    {
        var report = Inspect(new SyntheticPhoto { Blotches = 12 });
        AssertIssue(report, PhotoIssueCodes.BackgroundNotUniform, PhotoIssueSeverity.Error);
        Assert.True(report.Measurements.BackgroundClutter > Spec.MaxBackgroundClutter);
    }

    // Crown window 30–110 px.
    [Theory]
    [InlineData(55, null)]
    [InlineData(72, PhotoIssueCodes.CrownTooClose)]
    public void CrownMargin_HairReachingTheTop_Fails(double hair, string? expected)
    {
        var photo = new SyntheticPhoto { HairHeight = hair };
        var report = Inspect(photo);
        Assert.InRange(report.Measurements.CrownY!.Value, photo.CrownY - 4, photo.CrownY + 4);
        if (expected is null)
        {
            AssertNoIssue(report, PhotoIssueCodes.CrownTooClose);
        }
        else
        {
            AssertIssue(report, expected, PhotoIssueSeverity.Error);
        }
    }

    [Theory]
    [InlineData(265, false)]
    [InlineData(285, true)]
    public void HeadTooLow_CrownBelowWindow(double centreY, bool fails)
    {
        var report = Inspect(new SyntheticPhoto { HeadCentreY = centreY });
        Assert.Equal(fails, Issue(report, PhotoIssueCodes.HeadTooLow) is not null);
    }

    [Theory]
    [InlineData(205, false)]
    [InlineData(195, true)]
    [InlineData(295, false)]
    [InlineData(305, true)]
    public void EyeLine_OutsideWindow_Fails(double eyeY, bool fails)
    {
        var photo = new SyntheticPhoto();
        var face = photo.Face();
        var dy = (float)(eyeY - (face.Keypoints.RightEye.Y + face.Keypoints.LeftEye.Y) / 2);
        var moved = face with
        {
            Keypoints = face.Keypoints with
            {
                RightEye = face.Keypoints.RightEye with { Y = face.Keypoints.RightEye.Y + dy },
                LeftEye = face.Keypoints.LeftEye with { Y = face.Keypoints.LeftEye.Y + dy },
            },
        };

        var report = Inspect(photo, new FixedFaceDetector(moved));

        Assert.Equal(eyeY, report.Measurements.EyeLineY!.Value, 1);
        Assert.Equal(fails, Issue(report, PhotoIssueCodes.EyeLineOutOfRange) is not null);
    }

    [Theory]
    [InlineData(92, null)]
    [InlineData(88, PhotoIssueCodes.HeadTooSmall)]
    [InlineData(148, null)]
    [InlineData(155, PhotoIssueCodes.HeadTooLarge)]
    public void FaceWidth_Window(double radiusX, string? expected)
    {
        var report = Inspect(new SyntheticPhoto { HeadRadiusX = radiusX }, new SyntheticPhoto { HeadRadiusX = radiusX }.Detector());
        foreach (var code in new[] { PhotoIssueCodes.HeadTooSmall, PhotoIssueCodes.HeadTooLarge })
        {
            Assert.Equal(code == expected, Issue(report, code) is not null);
        }
    }

    [Theory]
    [InlineData(218, false)]
    [InlineData(212, true)]
    [InlineData(262, false)]
    [InlineData(268, true)]
    public void Centring_Window(double centreX, bool fails)
    {
        var report = Inspect(new SyntheticPhoto { HeadCentreX = centreX });
        Assert.Equal(fails, Issue(report, PhotoIssueCodes.OffCentre) is not null);
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(7, PhotoIssueSeverity.Warning)]
    [InlineData(-12, PhotoIssueSeverity.Error)]
    public void Roll_TiltedHead(double degrees, PhotoIssueSeverity? expected)
    {
        var report = Inspect(new SyntheticPhoto { RollDegrees = degrees });
        Assert.Equal(degrees, report.Measurements.RollDegrees!.Value, 1);
        if (expected is null)
        {
            AssertNoIssue(report, PhotoIssueCodes.Tilted);
        }
        else
        {
            AssertIssue(report, PhotoIssueCodes.Tilted, expected.Value);
        }
    }

    [Fact]
    public void TurnedHead_IsAWarning()
    {
        AssertIssue(Inspect(new SyntheticPhoto { Yaw = 0.25 }), PhotoIssueCodes.Turned, PhotoIssueSeverity.Warning);
        AssertNoIssue(Inspect(new SyntheticPhoto { Yaw = 0.05 }), PhotoIssueCodes.Turned);
    }

    [Fact]
    public void NoShoulders_BigHeadCloseUp_Fails()
    {
        var report = Inspect(new SyntheticPhoto { Body = false });
        AssertIssue(report, PhotoIssueCodes.ShouldersNotVisible, PhotoIssueSeverity.Error);
    }

    [Fact]
    public void ChinTooCloseToBottom_Fails()
    {
        // A long face reaching far down: eyes still in their window, but no room for the chest.
        var photo = new SyntheticPhoto { HeadRadiusY = 150 };
        var face = photo.Face();
        var stretched = face with { Box = face.Box with { Height = 520 - face.Box.Y } };
        AssertIssue(Inspect(photo, new FixedFaceDetector(stretched)), PhotoIssueCodes.ShouldersNotVisible, PhotoIssueSeverity.Error);
    }

    [Fact]
    public void ClothingLikeBackground_Fails_DarkClothingPasses()
    {
        // A light-blue shirt, ΔE ≈ 9 from the background.
        var blue = Inspect(new SyntheticPhoto { Clothing = new Rgb24(70, 170, 230) });
        AssertIssue(blue, PhotoIssueCodes.ClothingLikeBackground, PhotoIssueSeverity.Error);

        // One cause, one message: the blending shirt is not also reported as missing shoulders.
        AssertNoIssue(blue, PhotoIssueCodes.ShouldersNotVisible);
        AssertNoIssue(Inspect(new SyntheticPhoto { Clothing = new Rgb24(240, 240, 235) }), PhotoIssueCodes.ClothingLikeBackground);
    }

    [Fact]
    public void Blurry_Flagged()
    {
        var report = Inspect(new SyntheticPhoto { BlurSigma = 6 });
        var issue = Issue(report, PhotoIssueCodes.Blurry);
        Assert.True(issue is not null, report.ToJson());
        Assert.True(report.Measurements.Sharpness < Inspect(new SyntheticPhoto()).Measurements.Sharpness / 10);
    }

    [Fact]
    public void DarkFace_Underexposed_BlownFace_Overexposed()
    {
        AssertIssue(Inspect(new SyntheticPhoto { Skin = new Rgb24(70, 50, 45) }), PhotoIssueCodes.Underexposed, PhotoIssueSeverity.Warning);
        AssertIssue(Inspect(new SyntheticPhoto { Skin = new Rgb24(255, 255, 255), NoiseAmplitude = 0, Quality = 98 }), PhotoIssueCodes.Overexposed, PhotoIssueSeverity.Error);
    }

    [Fact]
    public void HalfShadedFace_UnevenLight()
    {
        AssertIssue(Inspect(new SyntheticPhoto { FaceSideShade = 0.5 }), PhotoIssueCodes.UnevenLight, PhotoIssueSeverity.Warning);
        AssertNoIssue(Inspect(new SyntheticPhoto { FaceSideShade = 0.95 }), PhotoIssueCodes.UnevenLight);
    }

    [Fact]
    public void NoFace_And_SeveralFaces_AreErrors()
    {
        var photo = new SyntheticPhoto();
        var none = Inspect(photo, new FixedFaceDetector());
        AssertIssue(none, PhotoIssueCodes.NoFace, PhotoIssueSeverity.Error);
        Assert.Null(none.Geometry);

        var face = photo.Face();
        var second = face with { Box = face.Box with { X = 20, Width = 60, Height = 60 }, Score = 0.8f };
        AssertIssue(Inspect(photo, new FixedFaceDetector(face, second)), PhotoIssueCodes.SeveralFaces, PhotoIssueSeverity.Error);
    }

    [Fact]
    public void LowJpegQuality_Fails()
    {
        var report = Inspect(new SyntheticPhoto { Quality = 45, NoiseAmplitude = 30 });
        AssertIssue(report, PhotoIssueCodes.LowJpegQuality, PhotoIssueSeverity.Error);
        Assert.InRange(report.Measurements.JpegQuality!.Value, 40, 50);
    }

    [Fact]
    public void SmallFile_Fails()
    {
        var report = Inspect(new SyntheticPhoto { NoiseAmplitude = 0, Quality = 75 });
        Assert.True(report.Measurements.FileBytes < Spec.MinBytes);
        AssertIssue(report, PhotoIssueCodes.FileTooSmall, PhotoIssueSeverity.Error);
    }

    [Fact]
    public void Grayscale_Fails() =>
        AssertIssue(Inspect(new SyntheticPhoto { ColorType = JpegColorType.Luminance }), PhotoIssueCodes.Grayscale, PhotoIssueSeverity.Error);

    [Fact]
    public void WrongDimensions_FailsButStillMeasures()
    {
        var photo = new SyntheticPhoto { Width = 600, Height = 800, HeadCentreX = 300, HeadCentreY = 306, HeadRadiusX = 137, HeadRadiusY = 187 };
        var report = new PhotoInspector(new FixedFaceDetector(), TimeProvider.System).Inspect(photo.Jpeg(), Spec);
        AssertIssue(report, PhotoIssueCodes.WrongDimensions, PhotoIssueSeverity.Error);
        Assert.Equal((600, 800), (report.Measurements.Width, report.Measurements.Height));
        Assert.Contains("一键修正", Issue(report, PhotoIssueCodes.WrongDimensions)!.Message);
    }

    public static TheoryData<string, byte[]> BadInputs() => new()
    {
        { PhotoIssueCodes.Empty, [] },
        { PhotoIssueCodes.NotJpeg, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0] },
        { PhotoIssueCodes.Truncated, new SyntheticPhoto().Jpeg()[..40_000] },
        { PhotoIssueCodes.Corrupt, [0xFF, 0xD8, 0xFF, 0xE0, 0, 2, 1, 2, 3] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_GivesItsCode_NeverThrows(string code, byte[] bytes)
    {
        var report = new PhotoInspector(new FixedFaceDetector(), TimeProvider.System).Inspect(bytes, Spec);

        Assert.Equal(PhotoCheckOutcome.Fail, report.Outcome);
        Assert.Equal(code, Assert.Single(report.Issues).Code);
        Assert.Equal(bytes.Length, report.Measurements.FileBytes);
    }

    [Fact]
    public void Inspect_InParallel_GivesIdenticalReports()
    {
        var photo = new SyntheticPhoto { Clothing = new Rgb24(60, 185, 245) };
        var bytes = photo.Jpeg();
        var inspector = new PhotoInspector(photo.Detector(), TimeProvider.System);
        var expected = inspector.Inspect(bytes, Spec);

        var reports = Enumerable.Range(0, 16).AsParallel().Select(_ => inspector.Inspect(bytes, Spec)).ToList();

        Assert.All(reports, r =>
        {
            Assert.Equal(expected.Issues, r.Issues);
            Assert.Equal(expected.Measurements, r.Measurements);
        });
    }
}
