using PhotoCollect.Core.Photos.FaceDetection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>
/// A head-and-shoulders photo drawn in code, with every property a rule looks at under the
/// test's control, and the face geometry a detector would report for it (drawings are not
/// faces to BlazeFace, so rule tests pair the picture with <see cref="FixedFaceDetector"/>).
/// The defaults make a compliant photo.
/// </summary>
public sealed record SyntheticPhoto
{
    public int Width { get; init; } = 480;
    public int Height { get; init; } = 640;
    public Rgb24 Background { get; init; } = new(40, 190, 250);

    /// <summary>Multiplies the background's brightness from the top (1 + g/2) to the bottom (1 − g/2).</summary>
    public double VerticalGradient { get; init; }

    /// <summary>A rectangle of background darkened to this factor (a cast shadow).</summary>
    public (Rectangle Area, double Factor)? Shadow { get; init; }

    /// <summary>Random coloured patches on the background (clutter), sized relative to the frame.</summary>
    public int Blotches { get; init; }

    public double HeadCentreX { get; init; } = 240;
    public double HeadCentreY { get; init; } = 245;
    public double HeadRadiusX { get; init; } = 110;
    public double HeadRadiusY { get; init; } = 150;

    /// <summary>Hair above the head ellipse; the crown is at centre − radius − hair.</summary>
    public double HairHeight { get; init; } = 15;

    public Rgb24 Skin { get; init; } = new(224, 188, 164);
    public Rgb24 Hair { get; init; } = new(30, 22, 18);
    public Rgb24 Clothing { get; init; } = new(35, 35, 40);
    public bool Body { get; init; } = true;

    /// <summary>False leaves out the drawn head (a real face is pasted there instead).</summary>
    public bool DrawHead { get; init; } = true;

    /// <summary>Darkens the subject's left half of the face (image right) by this factor.</summary>
    public double FaceSideShade { get; init; } = 1;

    public double RollDegrees { get; init; }

    /// <summary>Moves the nose and mouth sideways, as a share of the ear distance (a turned head).</summary>
    public double Yaw { get; init; }

    public int NoiseAmplitude { get; init; } = 6;
    public float BlurSigma { get; init; }
    public int Quality { get; init; } = 92;
    public JpegColorType? ColorType { get; init; }
    public int Seed { get; init; } = 7;

    public double CrownY => HeadCentreY - HeadRadiusY - HairHeight;

    /// <summary>The face a detector would report: box over brows to chin, keypoints on the drawn features.</summary>
    public DetectedFace Face()
    {
        var cx = HeadCentreX;
        var eyeY = HeadCentreY - 0.15 * HeadRadiusY;
        var eyeDx = 0.38 * HeadRadiusX;
        var roll = RollDegrees * Math.PI / 180;
        var dy = Math.Tan(roll) * eyeDx;
        var earDistance = 2 * HeadRadiusX;
        var shift = Yaw * earDistance;
        var box = new FaceBox((float)(cx - HeadRadiusX), (float)(HeadCentreY - 0.6 * HeadRadiusY), (float)(2 * HeadRadiusX), (float)(2 * HeadRadiusX));
        return new DetectedFace(0.95f, box, new FaceKeypoints(
            new FacePoint((float)(cx - eyeDx), (float)(eyeY - dy)),
            new FacePoint((float)(cx + eyeDx), (float)(eyeY + dy)),
            new FacePoint((float)(cx + shift), (float)(HeadCentreY + 0.15 * HeadRadiusY)),
            new FacePoint((float)(cx + shift), (float)(HeadCentreY + 0.45 * HeadRadiusY)),
            new FacePoint((float)(cx - HeadRadiusX), (float)HeadCentreY),
            new FacePoint((float)(cx + HeadRadiusX), (float)HeadCentreY)));
    }

    public FixedFaceDetector Detector() => new(Face());

    public byte[] Jpeg()
    {
        using var image = Render();
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = Quality, ColorType = ColorType });
        return output.ToArray();
    }

    public Image<Rgb24> Render()
    {
        var random = new Random(Seed);
        var image = new Image<Rgb24>(Width, Height);
        var unit = Width / 480.0;
        var blotches = Enumerable.Range(0, Blotches)
            .Select(_ => (new Rectangle(random.Next(Width - (int)(60 * unit)), random.Next(Height / 2), (int)((20 + random.Next(60)) * unit), (int)((20 + random.Next(60)) * unit)), new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256))))
            .ToList();
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var factor = 1 + VerticalGradient * (0.5 - y / (double)Height);
                for (var x = 0; x < Width; x++)
                {
                    var pixel = Scale(Background, factor);
                    if (Shadow is { } shadow && shadow.Area.Contains(x, y))
                    {
                        pixel = Scale(pixel, shadow.Factor);
                    }

                    foreach (var (area, colour) in blotches)
                    {
                        if (area.Contains(x, y))
                        {
                            pixel = colour;
                        }
                    }

                    pixel = SubjectAt(x, y) ?? pixel;
                    var n = NoiseAmplitude == 0 ? 0 : random.Next(-NoiseAmplitude, NoiseAmplitude + 1);
                    row[x] = new Rgb24(Clamp(pixel.R + n), Clamp(pixel.G + n), Clamp(pixel.B + n));
                }
            }
        });

        if (BlurSigma > 0)
        {
            image.Mutate(x => x.GaussianBlur(BlurSigma));
        }

        return image;
    }

    private Rgb24? SubjectAt(int x, int y)
    {
        var cx = HeadCentreX;
        var cy = HeadCentreY;
        var headBottom = cy + HeadRadiusY;
        if (Body)
        {
            var shoulderTop = headBottom + 25;
            var halfWidth = Math.Min(Width / 2.0 - 5, HeadRadiusX * 0.9 + (y - shoulderTop) * 1.6);
            if (y >= shoulderTop && Math.Abs(x - cx) <= halfWidth)
            {
                return Clothing;
            }
        }

        if (y > cy && y < headBottom + 40 && Math.Abs(x - cx) <= HeadRadiusX * 0.45)
        {
            return Scale(Skin, 0.9);
        }

        if (!DrawHead)
        {
            return null;
        }

        var dx = (x - cx) / HeadRadiusX;
        var dy = (y - cy) / HeadRadiusY;
        var inHead = dx * dx + dy * dy <= 1;
        var hy = (y - (cy - HairHeight)) / HeadRadiusY;
        var hx = (x - cx) / (HeadRadiusX + 8);
        var inHair = hx * hx + hy * hy <= 1 && y < cy - 0.45 * HeadRadiusY;
        if (!inHead && !inHair)
        {
            return null;
        }

        if (inHair && (y < cy - 0.5 * HeadRadiusY || !inHead))
        {
            return Hair;
        }

        var shade = x > cx ? FaceSideShade : 1;
        foreach (var feature in Features())
        {
            var fx = (x - feature.X) / feature.HalfWidth;
            var fy = (y - feature.Y) / feature.HalfHeight;
            if (fx * fx + fy * fy <= 1)
            {
                return Scale(feature.Colour, shade);
            }
        }

        // Rounded shading towards the cheeks, as light falls on a real face.
        return Scale(Skin, shade * (1 - 0.18 * dx * dx));
    }

    /// <summary>Facial features as ellipses, in drawing order (iris before the white of the eye).</summary>
    private IEnumerable<(double X, double Y, double HalfWidth, double HalfHeight, Rgb24 Colour)> Features()
    {
        var k = Face().Keypoints;
        var r = HeadRadiusX / 110;
        foreach (var eye in new[] { k.RightEye, k.LeftEye })
        {
            yield return (eye.X, eye.Y, 6 * r, 6 * r, new Rgb24(35, 25, 20));
            yield return (eye.X, eye.Y, 15 * r, 7 * r, new Rgb24(245, 242, 238));
            yield return (eye.X, eye.Y - 22 * r, 21 * r, 4 * r, Hair);
        }

        yield return (k.NoseTip.X, k.NoseTip.Y, 9 * r, 6 * r, Scale(Skin, 0.72));
        yield return (k.MouthCenter.X, k.MouthCenter.Y, 24 * r, 6 * r, new Rgb24(175, 85, 85));
    }

    private static Rgb24 Scale(Rgb24 c, double f) => new(Clamp((int)(c.R * f)), Clamp((int)(c.G * f)), Clamp((int)(c.B * f)));

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}

/// <summary>A detector that reports the given faces, for rule tests on drawn photos.</summary>
public sealed class FixedFaceDetector(params DetectedFace[] faces) : IFaceDetector
{
    public IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image) => faces;
}
