using PhotoCollect.Core.Photos.FaceDetection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>
/// A real face (from the Debian fixtures) pasted with a soft oval edge onto a drawn
/// body and background: a realistic photo whose every other property the test controls.
/// </summary>
public static class RealFacePhoto
{
    /// <summary>Composes a photo whose face is <paramref name="faceWidth"/> wide, centred at x, eyes at <paramref name="eyeLineY"/>.</summary>
    public static Image<Rgb24> Compose(Image<Rgb24> source, DetectedFace face, SyntheticPhoto canvas, double faceWidth = 220, double centreX = 240, double eyeLineY = 235)
    {
        var scale = faceWidth / face.Box.Width;
        var eyeY = (face.Keypoints.RightEye.Y + face.Keypoints.LeftEye.Y) / 2;
        using var scaled = source.Clone(x => x.Resize((int)Math.Round(source.Width * scale), (int)Math.Round(source.Height * scale)));
        var offsetX = centreX - face.Box.CenterX * scale;
        var offsetY = eyeLineY - eyeY * scale;

        // The oval covers forehead and hair above the box and the chin below it.
        var ovalX = face.Box.CenterX * scale + offsetX;
        var ovalY = (face.Box.CenterY - face.Box.Height * 0.12) * scale + offsetY;
        var radiusX = faceWidth * 0.62;
        var radiusY = faceWidth * 0.82;
        const double feather = 0.06;

        var image = canvas with { DrawHead = false, HeadCentreX = centreX, HeadCentreY = ovalY, HeadRadiusX = radiusX, HeadRadiusY = radiusY };
        var result = image.Render();
        result.ProcessPixelRows(scaled, (target, pasted) =>
        {
            for (var y = 0; y < target.Height; y++)
            {
                var row = target.GetRowSpan(y);
                var sy = (int)(y - offsetY);
                if (sy < 0 || sy >= pasted.Height)
                {
                    continue;
                }

                var sourceRow = pasted.GetRowSpan(sy);
                for (var x = 0; x < target.Width; x++)
                {
                    var sx = (int)(x - offsetX);
                    if (sx < 0 || sx >= pasted.Width)
                    {
                        continue;
                    }

                    var dx = (x - ovalX) / radiusX;
                    var dy = (y - ovalY) / radiusY;
                    var distance = Math.Sqrt(dx * dx + dy * dy);
                    var alpha = Math.Clamp((1 - distance) / feather, 0, 1);
                    if (alpha <= 0)
                    {
                        continue;
                    }

                    var s = sourceRow[sx];
                    var t = row[x];
                    row[x] = new Rgb24(Mix(t.R, s.R, alpha), Mix(t.G, s.G, alpha), Mix(t.B, s.B, alpha));
                }
            }
        });
        return result;
    }

    public static byte[] Jpeg(Image<Rgb24> image, int quality = 92)
    {
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = quality });
        return output.ToArray();
    }

    /// <summary>Grace Hopper on a compliant background: the standard real test photo.</summary>
    public static byte[] GraceHopperCompliant(IFaceDetector detector, SyntheticPhoto? canvas = null)
    {
        using var source = TestImages.Load(TestImages.GraceHopper);
        var face = detector.Detect(source).Single();
        using var photo = Compose(source, face, canvas ?? new SyntheticPhoto());
        return Jpeg(photo);
    }

    private static byte Mix(byte background, byte foreground, double alpha) =>
        (byte)Math.Round(background + (foreground - background) * alpha);
}
