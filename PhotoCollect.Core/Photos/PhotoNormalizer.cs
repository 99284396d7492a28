using PhotoCollect.Core.Photos.FaceDetection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Core.Photos;

/// <summary>The auto-fixed photo with its new verdict, or why it could not be made.</summary>
public sealed record PhotoFixResult(byte[]? Jpeg, PhotoCheckReport? Report, PhotoIssue? Refusal)
{
    public bool Succeeded => Jpeg is not null;
}

/// <summary>Stable codes for an auto-fix that was refused.</summary>
public static class PhotoFixCodes
{
    public const string NoFace = "fix.no_face";
    public const string SeveralFaces = "fix.several_faces";
    public const string HeadCutOff = "fix.head_cut_off";
    public const string BodyCutOff = "fix.body_cut_off";
    public const string BackgroundTooBusy = "fix.background_too_busy";
}

/// <summary>
/// 一键修正: turns a phone photo (any size up to <see cref="PhotoSpec.MaxPixels"/>, any EXIF
/// orientation) or a near miss with a plain background into a compliant photo: crops and
/// scales by the face so crown, eye line, width and centring land in their windows, replaces
/// the background with the spec colour through a soft matte, encodes within the byte bounds
/// and inspects the result. Refuses, with a reason, what it cannot fix honestly.
/// </summary>
public sealed class PhotoNormalizer(IFaceDetector faceDetector, PhotoInspector inspector)
{
    // Placement targets inside the spec windows, as fractions of the window (0 = min, 1 = max).
    private const double FaceWidthTarget = 0.35;
    private const double EyeLineTarget = 0.4;
    private const double CrownTarget = 0.35;

    // Detection and segmentation work on a copy this long at most; the output is only 640 high.
    private const int WorkingLongSide = 1280;

    // Matte: pixels this close (ΔE76) to the old background are background, this far are subject.
    private const float MatteInner = 10f;
    private const float MatteOuter = 26f;

    // Clutter beside the head above which the background is too busy to separate.
    private const double MaxClutter = 0.06;

    public PhotoFixResult Fix(byte[] bytes, PhotoSpec spec)
    {
        var intake = PhotoIntake.Read(bytes, spec, spec.MaxUploadBytes);
        if (intake.Photo is not { } photo)
        {
            return Refuse(intake.Failure!);
        }

        using (photo)
        {
            return Fix(photo.Image, spec);
        }
    }

    private PhotoFixResult Fix(Image<Rgb24> source, PhotoSpec spec)
    {
        var scale = Math.Min(1.0, WorkingLongSide / (double)Math.Max(source.Width, source.Height));
        // Box filtering is plenty for finding the face and several times faster than bicubic on 12 MP.
        using var working = scale < 1 ? source.Clone(x => x.Resize((int)(source.Width * scale), (int)(source.Height * scale), KnownResamplers.Box)) : null;
        var faces = FindFaces(working ?? source);
        if (faces.Count == 0)
        {
            return Refuse(PhotoFixCodes.NoFace, "照片中没有找到人脸，无法自动修正。请正对镜头、在光线充足处重新拍摄。");
        }

        if (faces.Count > 1)
        {
            return Refuse(PhotoFixCodes.SeveralFaces, "照片中有多张人脸，无法自动修正。请单独拍摄本人。");
        }

        // Face geometry in source pixels.
        var face = faces[0];
        var faceWidth = face.Box.Width / scale;
        var faceCentreX = face.Box.CenterX / scale;
        var eyeY = (face.Keypoints.RightEye.Y + face.Keypoints.LeftEye.Y) / 2.0 / scale;
        var crownEstimate = (face.Box.Y - face.Box.Height * 0.45) / scale;

        var outputScale = Lerp(spec.FaceWidthMin, spec.FaceWidthMax, FaceWidthTarget) / faceWidth;
        var eyeTarget = Lerp(spec.EyeLineMinY, spec.EyeLineMaxY, EyeLineTarget);
        var crownTarget = Lerp(spec.CrownMinY, spec.CrownMaxY, CrownTarget);

        // Keep the crown below its minimum margin: if the hair would reach too high, move the
        // frame up (the eye line has room), and if that is not enough, make the head smaller.
        var top = eyeY - eyeTarget / outputScale;
        var crownOut = (crownEstimate - top) * outputScale;
        if (crownOut < crownTarget)
        {
            top = crownEstimate - crownTarget / outputScale;
            var eyeOut = (eyeY - top) * outputScale;
            if (eyeOut > spec.EyeLineMaxY - 10)
            {
                outputScale = (spec.EyeLineMaxY - 10 - crownTarget) / (eyeY - crownEstimate);
                top = crownEstimate - crownTarget / outputScale;
            }
        }

        if (crownEstimate < 0)
        {
            return Refuse(PhotoFixCodes.HeadCutOff, "头顶被裁掉了，无法自动修正。请重新拍摄，让头顶上方留出空间。");
        }

        var left = faceCentreX - spec.Width / 2.0 / outputScale;
        var cropHeight = spec.Height / outputScale;
        var bottom = top + cropHeight;

        // The chest must be in the photo: we can widen a background, never invent clothing.
        var chin = (face.Box.Bottom) / scale;
        if (bottom > source.Height && source.Height - chin < (spec.MinChinToBottom + 20) / outputScale)
        {
            return Refuse(PhotoFixCodes.BodyCutOff, "照片中肩部和胸部拍得太少，无法自动修正。请后退一些重新拍摄，衣服至少拍到第三颗扣子的位置。");
        }

        using var framed = Frame(source, left, top, outputScale, spec);
        using var grid = LabGrid.Build(framed);
        if (Clutter(grid, face, scale, left, top, outputScale) > MaxClutter)
        {
            return Refuse(PhotoFixCodes.BackgroundTooBusy, "背景太杂乱，无法自动替换。请站在纯色的墙或幕布前重新拍摄。");
        }

        ReplaceBackground(framed, grid, spec.BackgroundColor);
        var jpeg = Encode(framed, spec);
        return new PhotoFixResult(jpeg, inspector.Inspect(jpeg, spec), null);
    }

    /// <summary>Faces on the whole picture; a distant subject is looked for again in the upper middle.</summary>
    private IReadOnlyList<DetectedFace> FindFaces(Image<Rgb24> image)
    {
        var faces = faceDetector.Detect(image);
        if (faces.Count > 0)
        {
            return faces;
        }

        var side = (int)(Math.Min(image.Width, image.Height) * 0.6);
        var region = new Rectangle((image.Width - side) / 2, Math.Max(0, image.Height / 2 - side * 3 / 4), side, side);
        using var crop = image.Clone(x => x.Crop(region));
        return [.. faceDetector.Detect(crop).Select(f => f with
        {
            Box = f.Box with { X = f.Box.X + region.X, Y = f.Box.Y + region.Y },
            Keypoints = Shift(f.Keypoints, region.X, region.Y),
        })];
    }

    private static FaceKeypoints Shift(FaceKeypoints k, float dx, float dy)
    {
        static FacePoint Move(FacePoint p, float x, float y) => new(p.X + x, p.Y + y);
        return new FaceKeypoints(Move(k.RightEye, dx, dy), Move(k.LeftEye, dx, dy), Move(k.NoseTip, dx, dy), Move(k.MouthCenter, dx, dy), Move(k.RightEar, dx, dy), Move(k.LeftEar, dx, dy));
    }

    /// <summary>
    /// The output frame: the source region scaled into spec size. Where the frame reaches past
    /// the photo's sides or top, the photo's own background colour continues it (it is replaced next).
    /// </summary>
    private static Image<Rgb24> Frame(Image<Rgb24> source, double left, double top, double scale, PhotoSpec spec)
    {
        var region = Rectangle.Intersect(
            new Rectangle((int)Math.Floor(left), (int)Math.Floor(top), (int)Math.Ceiling(spec.Width / scale), (int)Math.Ceiling(spec.Height / scale)),
            new Rectangle(0, 0, source.Width, source.Height));
        var fill = BorderColour(source);
        var canvas = new Image<Rgb24>(spec.Width, spec.Height, fill);
        var targetWidth = Math.Max(1, (int)Math.Round(region.Width * scale));
        var targetHeight = Math.Max(1, (int)Math.Round(region.Height * scale));
        using var part = source.Clone(x => x.Crop(region).Resize(targetWidth, targetHeight, KnownResamplers.Bicubic));
        var at = new Point((int)Math.Round((region.X - left) * scale), (int)Math.Round((region.Y - top) * scale));
        canvas.Mutate(x => x.DrawImage(part, at, 1f));
        return canvas;
    }

    private static Rgb24 BorderColour(Image<Rgb24> image)
    {
        long r = 0, g = 0, b = 0, n = 0;
        image.ProcessPixelRows(rows =>
        {
            var band = Math.Max(1, rows.Height / 50);
            for (var y = 0; y < band; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x += 4)
                {
                    r += row[x].R;
                    g += row[x].G;
                    b += row[x].B;
                    n++;
                }
            }
        });
        return new Rgb24((byte)(r / n), (byte)(g / n), (byte)(b / n));
    }

    /// <summary>Share of the framed photo beside and above the head that is not plain background.</summary>
    private static double Clutter(LabGrid grid, DetectedFace face, double workingScale, double left, double top, double outputScale)
    {
        // Face box in output pixels, then half-resolution grid cells.
        var boxX = (face.Box.X / workingScale - left) * outputScale / 2;
        var boxRight = (face.Box.Right / workingScale - left) * outputScale / 2;
        var boxY = (face.Box.Y / workingScale - top) * outputScale / 2;
        var boxBottom = (face.Box.Bottom / workingScale - top) * outputScale / 2;
        var width = boxRight - boxX;
        var height = boxBottom - boxY;
        var rows = (int)Math.Min(boxBottom, grid.Height * 0.55);
        int clutter = 0, total = 0;
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < grid.Width; x++)
            {
                if (x >= boxX - width * 0.3 && x <= boxRight + width * 0.3 && y >= boxY - height * 0.8)
                {
                    continue;
                }

                total++;
                if (!grid.Background(x, y))
                {
                    clutter++;
                }
            }
        }

        return total == 0 ? 1 : clutter / (double)total;
    }

    /// <summary>
    /// Soft matte: background cells connected to the border become the spec colour; near the
    /// subject's edge each pixel keeps its own detail and only its share of the old background
    /// is swapped for the new one (out = pixel + (1 − α)(new − old)), so hair edges get no halo.
    /// </summary>
    private static void ReplaceBackground(Image<Rgb24> image, LabGrid grid, string targetHex)
    {
        var rgb = Convert.FromHexString(targetHex.TrimStart('#'));
        var newBackground = new Rgb24(rgb[0], rgb[1], rgb[2]);
        var old = grid.Reference;
        var oldRgb = AverageBackgroundRgb(image, grid);

        // Cells of the subject within two cells of the background form the edge band.
        var edge = new bool[grid.Width * grid.Height];
        for (var y = 0; y < grid.Height; y++)
        {
            for (var x = 0; x < grid.Width; x++)
            {
                if (!grid.Background(x, y))
                {
                    continue;
                }

                for (var dy = -2; dy <= 2; dy++)
                {
                    for (var dx = -2; dx <= 2; dx++)
                    {
                        var nx = x + dx;
                        var ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < grid.Width && ny < grid.Height && !grid.Background(nx, ny))
                        {
                            edge[ny * grid.Width + nx] = true;
                            edge[y * grid.Width + x] = true;
                        }
                    }
                }
            }
        }

        var random = new Random(1);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var gy = Math.Min(grid.Height - 1, y / 2);
                for (var x = 0; x < row.Length; x++)
                {
                    var gx = Math.Min(grid.Width - 1, x / 2);
                    var cell = gy * grid.Width + gx;
                    if (!edge[cell])
                    {
                        if (grid.IsBackground[cell])
                        {
                            // A touch of sensor-like grain keeps the new background from looking pasted.
                            var n = random.Next(-2, 3);
                            row[x] = new Rgb24(Clamp(newBackground.R + n), Clamp(newBackground.G + n), Clamp(newBackground.B + n));
                        }

                        continue;
                    }

                    var p = row[x];
                    var distance = CieLab.DeltaE76(CieLab.FromRgb(p.R, p.G, p.B), old);
                    var alpha = Math.Clamp((distance - MatteInner) / (MatteOuter - MatteInner), 0f, 1f);
                    alpha = alpha * alpha * (3 - 2 * alpha);
                    var keep = 1 - alpha;
                    row[x] = new Rgb24(
                        Clamp((int)Math.Round(p.R + keep * (newBackground.R - oldRgb.R))),
                        Clamp((int)Math.Round(p.G + keep * (newBackground.G - oldRgb.G))),
                        Clamp((int)Math.Round(p.B + keep * (newBackground.B - oldRgb.B))));
                }
            }
        });
    }

    private static Rgb24 AverageBackgroundRgb(Image<Rgb24> image, LabGrid grid)
    {
        long r = 0, g = 0, b = 0, n = 0;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < grid.Height; y++)
            {
                var row = rows.GetRowSpan(y * 2);
                for (var x = 0; x < grid.Width; x++)
                {
                    if (grid.Background(x, y))
                    {
                        var p = row[x * 2];
                        r += p.R;
                        g += p.G;
                        b += p.B;
                        n++;
                    }
                }
            }
        });
        return n == 0 ? new Rgb24(0, 0, 0) : new Rgb24((byte)(r / n), (byte)(g / n), (byte)(b / n));
    }

    /// <summary>JPEG within the byte bounds: start high, go down if too large.</summary>
    private static byte[] Encode(Image<Rgb24> image, PhotoSpec spec)
    {
        byte[] bytes = [];
        foreach (var quality in new[] { 95, 90, 85, 80, 75 })
        {
            using var output = new MemoryStream();
            image.SaveAsJpeg(output, new JpegEncoder { Quality = quality, ColorType = JpegColorType.YCbCrRatio444 });
            bytes = output.ToArray();
            if (bytes.Length <= spec.MaxBytes)
            {
                break;
            }
        }

        return bytes;
    }

    private static PhotoFixResult Refuse(string code, string message) => Refuse(new PhotoIssue(code, PhotoIssueSeverity.Error, message));

    private static PhotoFixResult Refuse(PhotoIssue issue) => new(null, null, issue);

    private static double Lerp(double min, double max, double t) => min + (max - min) * t;

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
