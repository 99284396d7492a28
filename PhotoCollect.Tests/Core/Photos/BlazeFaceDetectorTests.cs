using PhotoCollect.Core.Photos.FaceDetection;
using PhotoCollect.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Tests.Core.Photos;

public sealed class BlazeFaceDetectorTests(FaceDetectorFixture fixture) : IClassFixture<FaceDetectorFixture>
{
    private readonly BlazeFaceDetector _detector = fixture.Detector;

    [Theory]
    [InlineData(TestImages.Astronaut)]
    [InlineData(TestImages.GraceHopper)]
    public void Detect_RealPortrait_FindsOneFaceWithPlausibleKeypoints(string fileName)
    {
        using var image = TestImages.Load(fileName);

        var faces = _detector.Detect(image);

        var face = Assert.Single(faces);
        Assert.InRange(face.Score, 0.85f, 1f);
        AssertPlausibleFace(face);
    }

    [Fact]
    public void Detect_Astronaut_BoxAndEyesWhereTheFaceIs()
    {
        using var image = TestImages.Load(TestImages.Astronaut);

        var face = Assert.Single(_detector.Detect(image));

        // Checked by eye on an overlay: her face spans about x 180–270, y 80–175; eyes near y 100–110.
        Assert.InRange(face.Box.CenterX, 210, 240);
        Assert.InRange(face.Box.CenterY, 115, 140);
        Assert.InRange(face.Box.Width, 75, 115);
        Assert.InRange(face.Keypoints.RightEye.X, 193, 213);
        Assert.InRange(face.Keypoints.LeftEye.X, 237, 257);
        Assert.InRange(face.Keypoints.RightEye.Y, 92, 112);
        Assert.InRange(face.Keypoints.LeftEye.Y, 98, 118);
    }

    [Fact]
    public void Detect_GraceHopper_BoxAndEyesWhereTheFaceIs()
    {
        using var image = TestImages.Load(TestImages.GraceHopper);

        var face = Assert.Single(_detector.Detect(image));

        // Checked by eye on an overlay: the eyes sit behind the glasses around y 172, x 222 and 307.
        Assert.InRange(face.Box.CenterX, 250, 280);
        Assert.InRange(face.Box.CenterY, 210, 240);
        Assert.InRange(face.Box.Width, 170, 235);
        Assert.InRange(face.Keypoints.RightEye.X, 210, 235);
        Assert.InRange(face.Keypoints.LeftEye.X, 295, 320);
        Assert.InRange(face.Keypoints.RightEye.Y, 160, 185);
        Assert.InRange(face.Keypoints.LeftEye.Y, 160, 185);
    }

    [Fact]
    public void Detect_Cat_FindsNoFace()
    {
        using var image = TestImages.Load(TestImages.Chelsea);

        Assert.Empty(_detector.Detect(image));
    }

    [Fact]
    public void Detect_PlainSpecBackground_FindsNoFace()
    {
        using var image = new Image<Rgb24>(480, 640, new Rgb24(0x28, 0xBE, 0xFA));

        Assert.Empty(_detector.Detect(image));
    }

    [Theory]
    [InlineData(900, 512, 300, 0)]
    [InlineData(512, 900, 0, 250)]
    public void Detect_PortraitPlacedOnLargerCanvas_MapsBackToCanvasPixels(int width, int height, int left, int top)
    {
        using var portrait = TestImages.Load(TestImages.GraceHopper);
        var alone = Assert.Single(_detector.Detect(portrait));
        using var canvas = new Image<Rgb24>(width, height, new Rgb24(128, 128, 128));
        canvas.Mutate(context => context.DrawImage(portrait, new Point(left, top), 1f));

        var placed = Assert.Single(_detector.Detect(canvas));

        // One model pixel is 7 canvas pixels here and the face is sampled differently, so allow
        // about a model pixel and a half (measured offsets stay under 7).
        const float tolerance = 10;
        Assert.InRange(placed.Box.CenterX, alone.Box.CenterX + left - tolerance, alone.Box.CenterX + left + tolerance);
        Assert.InRange(placed.Box.CenterY, alone.Box.CenterY + top - tolerance, alone.Box.CenterY + top + tolerance);
        Assert.InRange(placed.Box.Width, alone.Box.Width * 0.9f, alone.Box.Width * 1.1f);
        Assert.InRange(placed.Keypoints.RightEye.X, alone.Keypoints.RightEye.X + left - tolerance, alone.Keypoints.RightEye.X + left + tolerance);
        Assert.InRange(placed.Keypoints.LeftEye.Y, alone.Keypoints.LeftEye.Y + top - tolerance, alone.Keypoints.LeftEye.Y + top + tolerance);
        Assert.InRange(placed.Keypoints.MouthCenter.Y, alone.Keypoints.MouthCenter.Y + top - tolerance, alone.Keypoints.MouthCenter.Y + top + tolerance);
    }

    [Fact]
    public void Detect_EnlargedPortrait_ScalesCoordinates()
    {
        using var portrait = TestImages.Load(TestImages.GraceHopper);
        var alone = Assert.Single(_detector.Detect(portrait));
        using var large = portrait.Clone(context => context.Resize(1536, 1536));

        var enlarged = Assert.Single(_detector.Detect(large));

        Assert.InRange(enlarged.Box.CenterX / 3, alone.Box.CenterX - 3, alone.Box.CenterX + 3);
        Assert.InRange(enlarged.Box.CenterY / 3, alone.Box.CenterY - 3, alone.Box.CenterY + 3);
        Assert.InRange(enlarged.Box.Width / 3, alone.Box.Width * 0.95f, alone.Box.Width * 1.05f);
        Assert.InRange(enlarged.Keypoints.NoseTip.X / 3, alone.Keypoints.NoseTip.X - 3, alone.Keypoints.NoseTip.X + 3);
    }

    [Fact]
    public void Detect_SameImagesInParallel_GivesIdenticalResults()
    {
        var images = new[] { TestImages.Astronaut, TestImages.GraceHopper, TestImages.Chelsea }.Select(TestImages.Load).ToArray();
        try
        {
            var expected = images.Select(image => _detector.Detect(image)).ToArray();
            var results = new IReadOnlyList<DetectedFace>[48];

            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
                results[i] = _detector.Detect(images[i % images.Length]));

            for (var i = 0; i < results.Length; i++)
            {
                Assert.Equal(expected[i % images.Length], results[i]);
            }

            Assert.Single(expected[0]);
        }
        finally
        {
            foreach (var image in images)
            {
                image.Dispose();
            }
        }
    }

    [Fact]
    public void Detect_ThresholdAboveTheFaceScore_FindsNothing()
    {
        using var image = TestImages.Load(TestImages.Astronaut);

        Assert.Single(_detector.Detect(image));
        Assert.Empty(_detector.Detect(image, minScore: 0.99f));
    }

    private static void AssertPlausibleFace(DetectedFace face)
    {
        var k = face.Keypoints;
        Assert.True(face.Box.Contains(k.RightEye), $"Right eye {k.RightEye} outside {face.Box}.");
        Assert.True(face.Box.Contains(k.LeftEye), $"Left eye {k.LeftEye} outside {face.Box}.");
        Assert.True(face.Box.Contains(k.NoseTip), $"Nose {k.NoseTip} outside {face.Box}.");
        Assert.True(face.Box.Contains(k.MouthCenter), $"Mouth {k.MouthCenter} outside {face.Box}.");

        // Keypoints are named from the subject's side, so on a frontal photo their right eye is on the image's left.
        Assert.True(k.RightEye.X < k.LeftEye.X, $"Right eye {k.RightEye} not left of left eye {k.LeftEye}.");
        Assert.True(k.RightEar.X < k.LeftEar.X, $"Right ear {k.RightEar} not left of left ear {k.LeftEar}.");
        var eyeDistance = k.LeftEye.X - k.RightEye.X;
        Assert.InRange(eyeDistance, face.Box.Width * 0.25f, face.Box.Width * 0.7f);

        Assert.True(Math.Max(k.RightEye.Y, k.LeftEye.Y) < k.NoseTip.Y, $"Eyes {k.RightEye} {k.LeftEye} not above nose {k.NoseTip}.");
        Assert.True(k.NoseTip.Y < k.MouthCenter.Y, $"Nose {k.NoseTip} not above mouth {k.MouthCenter}.");
        Assert.InRange(k.NoseTip.X, k.RightEye.X, k.LeftEye.X);
    }
}
