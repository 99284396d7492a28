using System.Buffers;
using System.Globalization;
using PhotoCollect.Core.Photos.FaceDetection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Core.Photos;

/// <summary>
/// Checks a photo against <see cref="PhotoSpec"/> and explains the verdict (DESIGN.md §4).
/// Pure and thread-safe: no I/O, no shared mutable state; the face detector is thread-safe.
/// </summary>
public sealed class PhotoInspector(IFaceDetector faceDetector, TimeProvider time)
{
    public const string EngineVersion = "1.0.0";

    /// <summary>Inspects untrusted bytes. Never throws for bad input: every problem is an issue.</summary>
    public PhotoCheckReport Inspect(byte[] bytes, PhotoSpec spec)
    {
        var started = time.GetTimestamp();
        var intake = PhotoIntake.Read(bytes, spec, spec.MaxUploadBytes);
        if (intake.Photo is not { } photo)
        {
            return Finish([intake.Failure!], new PhotoMeasurements { FileBytes = bytes.Length }, null, spec, started);
        }

        using (photo)
        {
            return Inspect(photo, spec, started);
        }
    }

    private PhotoCheckReport Inspect(DecodedPhoto photo, PhotoSpec spec, long started)
    {
        var issues = new List<PhotoIssue>();
        var image = photo.Image;
        var rightSize = image.Width == spec.Width && image.Height == spec.Height;
        CheckFormat(photo, spec, rightSize, issues);

        // A photo of the wrong size is measured scaled to the spec width; its positions are not judged.
        using var scaled = rightSize ? null : image.Clone(x => x.Resize(new ResizeOptions { Size = new Size(spec.Width, spec.Height * 2), Mode = ResizeMode.Max }));
        var subject = scaled ?? image;

        var faces = faceDetector.Detect(subject);
        var face = faces.OrderByDescending(f => f.Box.Width * f.Box.Height).FirstOrDefault();
        using var grid = LabGrid.Build(subject);
        var specColour = CieLab.FromHex(spec.BackgroundColor);

        var measurements = new PhotoMeasurements
        {
            Width = image.Width,
            Height = image.Height,
            FileBytes = photo.FileBytes,
            JpegQuality = photo.JpegQuality,
            Grayscale = photo.IsGrayscale,
            Cmyk = photo.IsCmyk,
            FaceCount = faces.Count,
            FaceScore = face?.Score,
        };

        var background = MeasureBackground(grid, face, specColour);
        measurements = measurements with
        {
            BackgroundFraction = background.Fraction,
            BackgroundDeltaE = background.DeltaE,
            BackgroundSpread = background.Spread,
            BackgroundGradient = background.Gradient,
            ShadowDeltaE = background.Shadow,
            BackgroundClutter = background.Clutter,
        };
        CheckBackground(background, spec, issues);

        PhotoGeometry? geometry = null;
        if (face is null)
        {
            issues.Add(Error(PhotoIssueCodes.NoFace, "没有检测到人脸。请正对镜头、露出完整面部，在光线充足处重新拍摄。"));
        }
        else
        {
            if (faces.Count > 1)
            {
                issues.Add(Error(PhotoIssueCodes.SeveralFaces, $"照片中检测到 {faces.Count} 张人脸。照片中只能有本人，请重新拍摄。", faces.Count.ToString(CultureInfo.InvariantCulture), "1"));
            }

            var metrics = MeasureFace(subject, grid, face, background.Mean);
            measurements = measurements with
            {
                CrownY = metrics.CrownY,
                EyeLineY = metrics.EyeLineY,
                FaceWidth = face.Box.Width,
                FaceCentreX = face.Box.CenterX,
                RollDegrees = metrics.Roll,
                YawRatio = metrics.Yaw,
                ChinToBottom = subject.Height - face.Box.Bottom,
                ShoulderCoverage = metrics.ShoulderCoverage,
                ClothingDeltaE = metrics.ClothingDeltaE,
                Sharpness = metrics.Sharpness,
                FaceLightness = metrics.Lightness,
                ClippedFraction = metrics.Clipped,
                LightImbalance = metrics.Imbalance,
            };
            if (rightSize)
            {
                CheckGeometry(measurements, spec, issues);
            }

            CheckFaceQuality(measurements, spec, issues);
            geometry = new PhotoGeometry
            {
                FaceBox = new BoxF(face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height),
                Keypoints = [.. new[] { face.Keypoints.RightEye, face.Keypoints.LeftEye, face.Keypoints.NoseTip, face.Keypoints.MouthCenter, face.Keypoints.RightEar, face.Keypoints.LeftEar }.Select(p => new PointF(p.X, p.Y))],
                CrownY = metrics.CrownY,
                EyeLineY = metrics.EyeLineY,
                SubjectBox = background.SubjectBox,
            };
        }

        return Finish(issues, measurements, geometry, spec, started);
    }

    private PhotoCheckReport Finish(List<PhotoIssue> issues, PhotoMeasurements measurements, PhotoGeometry? geometry, PhotoSpec spec, long started) => new()
    {
        Outcome = PhotoCheckReport.OutcomeOf(issues),
        Issues = issues,
        Measurements = measurements,
        Geometry = geometry,
        EngineVersion = EngineVersion,
        SpecVersion = spec.Version,
        ElapsedMs = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2),
    };

    private static void CheckFormat(DecodedPhoto photo, PhotoSpec spec, bool rightSize, List<PhotoIssue> issues)
    {
        if (!rightSize)
        {
            issues.Add(Error(PhotoIssueCodes.WrongDimensions, $"照片尺寸必须是宽 {spec.Width} × 高 {spec.Height} 像素（当前 {photo.Image.Width} × {photo.Image.Height}）。可使用“一键修正”自动裁剪。", $"{photo.Image.Width}×{photo.Image.Height}", $"{spec.Width}×{spec.Height}"));
        }

        if (photo.FileBytes < spec.MinBytes)
        {
            issues.Add(Error(PhotoIssueCodes.FileTooSmall, $"照片文件太小（{PhotoIntake.FormatBytes(photo.FileBytes)}），要求不小于 {PhotoIntake.FormatBytes(spec.MinBytes)}。请使用原图，不要压缩。", PhotoIntake.FormatBytes(photo.FileBytes), "≥ " + PhotoIntake.FormatBytes(spec.MinBytes)));
        }
        else if (photo.FileBytes > spec.MaxBytes)
        {
            issues.Add(Error(PhotoIssueCodes.FileTooLarge, $"照片文件太大（{PhotoIntake.FormatBytes(photo.FileBytes)}），要求不超过 {PhotoIntake.FormatBytes(spec.MaxBytes)}。可使用“一键修正”重新生成。", PhotoIntake.FormatBytes(photo.FileBytes), "≤ " + PhotoIntake.FormatBytes(spec.MaxBytes)));
        }

        if (photo.JpegQuality is { } quality && quality < spec.MinJpegQuality)
        {
            issues.Add(Error(PhotoIssueCodes.LowJpegQuality, "照片压缩过度，画质太差。请使用原图，不要经过聊天软件或压缩工具处理。", quality.ToString(CultureInfo.InvariantCulture), "≥ " + spec.MinJpegQuality.ToString(CultureInfo.InvariantCulture)));
        }

        if (photo.IsCmyk)
        {
            issues.Add(Error(PhotoIssueCodes.Cmyk, "照片是印刷用的 CMYK 格式，请使用手机或相机直接拍摄的彩色照片。"));
        }
        else if (photo.IsGrayscale)
        {
            issues.Add(Error(PhotoIssueCodes.Grayscale, "照片是黑白的，请上传彩色照片。"));
        }
    }

    private sealed record BackgroundMeasurement(double Fraction, double? DeltaE, double? Spread, double? Gradient, double? Shadow, double? Clutter, CieLab Mean, BoxF? SubjectBox);

    private static BackgroundMeasurement MeasureBackground(LabGrid grid, DetectedFace? face, CieLab specColour)
    {
        var total = grid.Width * grid.Height;
        var fraction = grid.BackgroundCount / (double)total;

        // One pass over the grid: the subject's bounding box, and over background cells the mean
        // colour, its spread and an L* plane fit (x, y in frame units).
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        double sl = 0, sa = 0, sb = 0, n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0, sxl = 0, syl = 0, squares = 0;
        var cells = grid.Cells;
        var isBackground = grid.IsBackground;
        for (var y = 0; y < grid.Height; y++)
        {
            var fy = (y + 0.5) / grid.Height;
            var row = y * grid.Width;
            for (var x = 0; x < grid.Width; x++)
            {
                if (!isBackground[row + x])
                {
                    minX = Math.Min(minX, x);
                    maxX = Math.Max(maxX, x);
                    minY = Math.Min(minY, y);
                    maxY = Math.Max(maxY, y);
                    continue;
                }

                var cell = cells[row + x];
                var fx = (x + 0.5) / grid.Width;
                n++;
                sl += cell.L;
                sa += cell.A;
                sb += cell.B;
                squares += (double)cell.L * cell.L + (double)cell.A * cell.A + (double)cell.B * cell.B;
                sx += fx;
                sy += fy;
                sxx += fx * fx;
                sxy += fx * fy;
                syy += fy * fy;
                sxl += fx * cell.L;
                syl += fy * cell.L;
            }
        }

        BoxF? subjectBox = maxX < 0 ? null : new BoxF(minX * 2, minY * 2, (maxX - minX + 1) * 2, (maxY - minY + 1) * 2);
        if (grid.BackgroundCount < total / 50)
        {
            return new BackgroundMeasurement(fraction, null, null, null, null, null, grid.Reference, subjectBox);
        }

        var mean = new CieLab((float)(sl / n), (float)(sa / n), (float)(sb / n));
        var (p0, px, py) = SolvePlane(n, sx, sy, sxx, sxy, syy, sl, sxl, syl);

        // RMS ΔE76 to the mean, from the sums: E|c|² − |E c|².
        var ml = sl / n;
        var ma = sa / n;
        var mb = sb / n;
        var spread = Math.Sqrt(Math.Max(0, squares / n - (ml * ml + ma * ma + mb * mb)));
        var shadow = MeasureShadow(grid, face, mean, p0, px, py);
        return new BackgroundMeasurement(fraction, CieLab.DeltaE2000(mean, specColour), spread, Math.Sqrt(px * px + py * py), shadow, MeasureClutter(grid, face), mean, subjectBox);
    }

    /// <summary>
    /// Share of the upper frame, away from the head, that is not background: objects, other
    /// people or patterns behind the subject.
    /// </summary>
    private static double MeasureClutter(LabGrid grid, DetectedFace? face)
    {
        double left, right, top, bottom;
        if (face is null)
        {
            (left, right, top, bottom) = (grid.Width * 0.25, grid.Width * 0.75, 0, grid.Height * 0.55);
        }
        else
        {
            var box = face.Box;
            (left, right, top, bottom) = ((box.X - box.Width * 0.3) / 2, (box.Right + box.Width * 0.3) / 2, (box.Y - box.Height * 0.8) / 2, Math.Min(box.Bottom, grid.Height * 2 * 0.55) / 2);
        }

        var rows = (int)bottom;
        var clutter = 0;
        var total = 0;
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < grid.Width; x++)
            {
                if (x >= left && x <= right && y >= top)
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

        return total == 0 ? 0 : clutter / (double)total;
    }

    /// <summary>
    /// Largest colour step of a darker block in the upper background (beside and above the head)
    /// against the fitted plane, counting shadow-like cells that the segmentation left out.
    /// </summary>
    private static double MeasureShadow(LabGrid grid, DetectedFace? face, CieLab mean, double p0, double px, double py)
    {
        const int columns = 8;
        const int rows = 10;
        var blockWidth = grid.Width / columns;
        var blockHeight = grid.Height / rows;
        var upperRows = rows * 55 / 100;
        double worst = 0;
        for (var by = 0; by < upperRows; by++)
        {
            for (var bx = 0; bx < columns; bx++)
            {
                double l = 0, a = 0, b = 0;
                var count = 0;
                var x0 = bx * blockWidth;
                var y0 = by * blockHeight;
                if (face is not null && OverlapsHead(face, x0 * 2, y0 * 2, blockWidth * 2, blockHeight * 2))
                {
                    continue;
                }

                for (var y = y0; y < y0 + blockHeight; y++)
                {
                    for (var x = x0; x < x0 + blockWidth; x++)
                    {
                        var cell = grid[x, y];
                        var shadowLike = !grid.Background(x, y) && cell.L < mean.L - 3 && CieLab.DeltaE76(cell, mean) < 35
                            && Math.Abs(cell.A - mean.A) < 15 && Math.Abs(cell.B - mean.B) < 15;
                        if (grid.Background(x, y) || shadowLike)
                        {
                            l += cell.L;
                            a += cell.A;
                            b += cell.B;
                            count++;
                        }
                    }
                }

                if (count < blockWidth * blockHeight / 2)
                {
                    continue;
                }

                var expected = p0 + px * (x0 + blockWidth / 2.0) / grid.Width + py * (y0 + blockHeight / 2.0) / grid.Height;
                var dl = l / count - expected;
                if (dl >= 0)
                {
                    continue;
                }

                var da = a / count - mean.A;
                var db = b / count - mean.B;
                worst = Math.Max(worst, Math.Sqrt(dl * dl + da * da + db * db));
            }
        }

        return worst;
    }

    private static bool OverlapsHead(DetectedFace face, int x, int y, int width, int height)
    {
        var box = face.Box;
        var left = box.X - box.Width * 0.15;
        var right = box.Right + box.Width * 0.15;
        var top = box.Y - box.Height * 0.7;
        var bottom = box.Bottom + box.Height * 0.3;
        return x < right && x + width > left && y < bottom && y + height > top;
    }

    private static (double P0, double Px, double Py) SolvePlane(double n, double sx, double sy, double sxx, double sxy, double syy, double sl, double sxl, double syl)
    {
        // Normal equations of L = p0 + px·x + py·y, solved by Cramer's rule.
        double[,] m = { { n, sx, sy }, { sx, sxx, sxy }, { sy, sxy, syy } };
        double[] v = [sl, sxl, syl];
        var det = Det(m);
        if (Math.Abs(det) < 1e-9)
        {
            return (sl / n, 0, 0);
        }

        double Solve(int column)
        {
            var copy = (double[,])m.Clone();
            for (var r = 0; r < 3; r++)
            {
                copy[r, column] = v[r];
            }

            return Det(copy) / det;
        }

        return (Solve(0), Solve(1), Solve(2));
    }

    private static double Det(double[,] m) =>
        m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
        - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
        + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);

    private sealed record FaceMetrics(double? CrownY, double EyeLineY, double Roll, double Yaw, double ShoulderCoverage, double? ClothingDeltaE, double Sharpness, double Lightness, double Clipped, double Imbalance);

    private static FaceMetrics MeasureFace(Image<Rgb24> image, LabGrid grid, DetectedFace face, CieLab background)
    {
        var k = face.Keypoints;
        var box = face.Box;
        var eyeLine = (k.RightEye.Y + k.LeftEye.Y) / 2.0;
        var roll = Math.Atan2(k.LeftEye.Y - k.RightEye.Y, k.LeftEye.X - k.RightEye.X) * 180 / Math.PI;
        var earDistance = Math.Abs(k.LeftEar.X - k.RightEar.X);
        var yaw = earDistance < 1 ? 0 : (k.NoseTip.X - (k.LeftEar.X + k.RightEar.X) / 2.0) / earDistance;

        // Crown: the first row, in the head's column band, where the subject starts.
        var bandLeft = Math.Clamp((int)((box.CenterX - box.Width * 0.6) / 2), 0, grid.Width - 1);
        var bandRight = Math.Clamp((int)((box.CenterX + box.Width * 0.6) / 2), bandLeft, grid.Width - 1);
        var needed = Math.Max(2, (bandRight - bandLeft + 1) / 20);
        double? crown = null;
        var lastRow = Math.Clamp((int)(box.CenterY / 2), 0, grid.Height - 1);
        for (var y = 0; y <= lastRow && crown is null; y++)
        {
            var count = 0;
            for (var x = bandLeft; x <= bandRight; x++)
            {
                if (!grid.Background(x, y))
                {
                    count++;
                }
            }

            if (count >= needed)
            {
                crown = y * 2;
            }
        }

        // Shoulders: share of the bottom band that is the subject.
        var bandRows = Math.Max(4, grid.Height / 25);
        var subjectCells = 0;
        for (var y = grid.Height - bandRows; y < grid.Height; y++)
        {
            for (var x = 0; x < grid.Width; x++)
            {
                if (!grid.Background(x, y))
                {
                    subjectCells++;
                }
            }
        }

        var shoulderCoverage = subjectCells / (double)(bandRows * grid.Width);
        var clothing = MeasureClothing(grid, box, background);
        var (sharpness, lightness, clipped, imbalance) = MeasureFaceRegion(image, grid, box);
        return new FaceMetrics(crown, eyeLine, roll, yaw, shoulderCoverage, clothing, sharpness, lightness, clipped, imbalance);
    }

    /// <summary>Median ΔE to the background of the chest region below the chin (all cells, so look-alike clothing counts).</summary>
    private static double? MeasureClothing(LabGrid grid, FaceBox box, CieLab background)
    {
        var top = (int)((box.Bottom + box.Height * 0.3) / 2);
        var left = Math.Max(0, (int)((box.CenterX - box.Width * 0.6) / 2));
        var right = Math.Min(grid.Width - 1, (int)((box.CenterX + box.Width * 0.6) / 2));
        if (top >= grid.Height - 2 || right <= left)
        {
            return null;
        }

        Span<int> histogram = stackalloc int[128];
        var count = 0;
        for (var y = top; y < grid.Height; y++)
        {
            for (var x = left; x <= right; x++)
            {
                histogram[Math.Min(127, (int)CieLab.DeltaE76(grid[x, y], background))]++;
                count++;
            }
        }

        var half = count / 2;
        var seen = 0;
        for (var bin = 0; bin < histogram.Length; bin++)
        {
            seen += histogram[bin];
            if (seen > half)
            {
                return bin;
            }
        }

        return 127;
    }

    /// <summary>Sharpness (Laplacian variance of a 128 × 128 grey crop), lightness, clipping and left/right balance of the face.</summary>
    private static (double Sharpness, double Lightness, double Clipped, double Imbalance) MeasureFaceRegion(Image<Rgb24> image, LabGrid grid, FaceBox box)
    {
        const int size = 128;
        var x0 = Math.Clamp(box.X + box.Width * 0.15f, 0, image.Width - 2);
        var y0 = Math.Clamp(box.Y + box.Height * 0.15f, 0, image.Height - 2);
        var x1 = Math.Clamp(box.Right - box.Width * 0.15f, x0 + 1, image.Width - 1);
        var y1 = Math.Clamp(box.Bottom - box.Height * 0.15f, y0 + 1, image.Height - 1);
        // Pooled: 64 KB a call was most of what an inspection allocated. Not returned if this
        // throws, which only costs the pool a fresh array.
        var grey = ArrayPool<float>.Shared.Rent(size * size);
        var clipped = 0;
        var total = 0;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < size; y++)
            {
                var row = rows.GetRowSpan((int)(y0 + (y1 - y0) * y / (size - 1)));
                for (var x = 0; x < size; x++)
                {
                    var p = row[(int)(x0 + (x1 - x0) * x / (size - 1))];
                    grey[y * size + x] = 0.299f * p.R + 0.587f * p.G + 0.114f * p.B;
                    if ((p.R >= 250 && p.G >= 250 && p.B >= 250) || (p.R <= 5 && p.G <= 5 && p.B <= 5))
                    {
                        clipped++;
                    }

                    total++;
                }
            }
        });

        double sum = 0, sumSquares = 0;
        var n = 0;
        for (var y = 1; y < size - 1; y++)
        {
            for (var x = 1; x < size - 1; x++)
            {
                var i = y * size + x;
                double laplacian = grey[i - 1] + grey[i + 1] + grey[i - size] + grey[i + size] - 4 * grey[i];
                sum += laplacian;
                sumSquares += laplacian * laplacian;
                n++;
            }
        }

        ArrayPool<float>.Shared.Return(grey);
        var sharpness = sumSquares / n - (sum / n) * (sum / n);

        double left = 0, right = 0;
        int leftCount = 0, rightCount = 0;
        var gx0 = (int)(x0 / 2);
        var gx1 = Math.Min(grid.Width - 1, (int)(x1 / 2));
        var gxm = (gx0 + gx1) / 2;
        for (var y = (int)(y0 / 2); y <= Math.Min(grid.Height - 1, (int)(y1 / 2)); y++)
        {
            for (var x = gx0; x <= gx1; x++)
            {
                if (x < gxm)
                {
                    left += grid[x, y].L;
                    leftCount++;
                }
                else
                {
                    right += grid[x, y].L;
                    rightCount++;
                }
            }
        }

        var lightness = (left + right) / Math.Max(1, leftCount + rightCount);
        var imbalance = Math.Abs(left / Math.Max(1, leftCount) - right / Math.Max(1, rightCount));
        return (sharpness, lightness, clipped / (double)total, imbalance);
    }

    private static void CheckBackground(BackgroundMeasurement background, PhotoSpec spec, List<PhotoIssue> issues)
    {
        if (background.Fraction < spec.MinBackgroundFraction || background.DeltaE is null)
        {
            issues.Add(Error(PhotoIssueCodes.BackgroundCovered, $"背景露出太少或被物体遮挡。请站在纯{BackgroundColour.Name(spec)}背景前，与镜头保持适当距离，画面中不要有其他人或物体。", Percent(background.Fraction), "≥ " + Percent(spec.MinBackgroundFraction)));
            return;
        }

        var deltaE = background.DeltaE.Value;
        if (deltaE > spec.BackgroundDeltaEWarning)
        {
            issues.Add(new PhotoIssue(PhotoIssueCodes.BackgroundColor, deltaE > spec.BackgroundDeltaEError ? PhotoIssueSeverity.Error : PhotoIssueSeverity.Warning,
                $"背景颜色不是要求的{BackgroundColour.Name(spec)}（色号 {BackgroundColour.Code(spec)}）。请使用{BackgroundColour.Name(spec)}背景重新拍摄，或使用“一键修正”替换背景。", $"ΔE {deltaE:0.0}", $"ΔE ≤ {spec.BackgroundDeltaEWarning:0.#}"));
        }

        if (background.Spread > spec.BackgroundSpreadWarning)
        {
            issues.Add(new PhotoIssue(PhotoIssueCodes.BackgroundNotUniform, background.Spread > spec.BackgroundSpreadError ? PhotoIssueSeverity.Error : PhotoIssueSeverity.Warning,
                "背景颜色不均匀（有杂物、花纹或色块）。请使用平整、纯色的背景。", $"{background.Spread:0.0}", $"≤ {spec.BackgroundSpreadWarning:0.#}"));
        }

        if (background.Clutter > spec.MaxBackgroundClutter)
        {
            issues.Add(Error(PhotoIssueCodes.BackgroundNotUniform, $"背景中有其他物体、人或图案。请站在干净的纯{BackgroundColour.Name(spec)}背景前重新拍摄。", Percent(background.Clutter.Value), "≤ " + Percent(spec.MaxBackgroundClutter)));
        }

        if (background.Gradient > spec.GradientWarning)
        {
            issues.Add(new PhotoIssue(PhotoIssueCodes.BackgroundGradient, background.Gradient > spec.GradientError ? PhotoIssueSeverity.Error : PhotoIssueSeverity.Warning,
                "背景有明暗渐变。请让背景光线均匀，或使用“一键修正”替换背景。", $"ΔL* {background.Gradient:0.0}", $"≤ {spec.GradientWarning:0.#}"));
        }

        if (background.Shadow > spec.ShadowDeltaE)
        {
            issues.Add(Error(PhotoIssueCodes.BackgroundShadow, "背景上有阴影。请离背景远一些（半米以上），并让光线从正面均匀照射。", $"ΔE {background.Shadow:0.0}", $"≤ {spec.ShadowDeltaE:0.#}"));
        }
    }

    private static void CheckGeometry(PhotoMeasurements m, PhotoSpec spec, List<PhotoIssue> issues)
    {
        if (m.CrownY is { } crown)
        {
            if (crown < spec.CrownMinY)
            {
                issues.Add(Error(PhotoIssueCodes.CrownTooClose, "头顶上方空间不足。请将镜头稍稍后退或上移，让头顶与照片上边缘留出空间。", Px(crown), $"{spec.CrownMinY}–{spec.CrownMaxY} px"));
            }
            else if (crown > spec.CrownMaxY)
            {
                issues.Add(Error(PhotoIssueCodes.HeadTooLow, "人像位置太低，头顶上方空白太多。请将镜头稍稍下移，让头部位于照片上部。", Px(crown), $"{spec.CrownMinY}–{spec.CrownMaxY} px"));
            }
        }

        if (m.EyeLineY is { } eyes && (eyes < spec.EyeLineMinY || eyes > spec.EyeLineMaxY))
        {
            issues.Add(Error(PhotoIssueCodes.EyeLineOutOfRange, eyes < spec.EyeLineMinY
                ? "眼睛位置太高。请将镜头稍稍上移，让眼睛位于照片上部三分之一附近。"
                : "眼睛位置太低。请将镜头稍稍下移，让眼睛位于照片上部三分之一附近。", Px(eyes), $"{spec.EyeLineMinY}–{spec.EyeLineMaxY} px"));
        }

        if (m.FaceWidth is { } width)
        {
            if (width > spec.FaceWidthMax)
            {
                issues.Add(Error(PhotoIssueCodes.HeadTooLarge, "头部太大（大头照）。请离镜头远一些，衣服至少拍到第三颗扣子的位置。", Px(width), $"{spec.FaceWidthMin}–{spec.FaceWidthMax} px"));
            }
            else if (width < spec.FaceWidthMin)
            {
                issues.Add(Error(PhotoIssueCodes.HeadTooSmall, "头部太小。请靠近镜头一些，让头部和肩部占满照片的主要部分。", Px(width), $"{spec.FaceWidthMin}–{spec.FaceWidthMax} px"));
            }
        }

        if (m.FaceCentreX is { } centre && (centre < spec.CentreMinX || centre > spec.CentreMaxX))
        {
            issues.Add(Error(PhotoIssueCodes.OffCentre, centre < spec.CentreMinX ? "人像偏左。请让人像位于照片正中。" : "人像偏右。请让人像位于照片正中。", Px(centre), $"{spec.CentreMinX}–{spec.CentreMaxX} px"));
        }

        // Clothing the colour of the background reads as "no shoulders" to the segmentation;
        // the clothing rule explains that case, so only the chin margin speaks for framing then.
        var clothingBlends = m.ClothingDeltaE is { } clothing && clothing >= spec.ClothingAbsentDeltaE && clothing < spec.ClothingMinDeltaE;
        if ((m.ChinToBottom is { } chin && chin < spec.MinChinToBottom) || (!clothingBlends && m.ShoulderCoverage is { } coverage && coverage < spec.MinShoulderCoverage))
        {
            issues.Add(Error(PhotoIssueCodes.ShouldersNotVisible, $"肩部和胸部拍得太少（或衣服与背景同色）。不要拍大头照，请把镜头后退，拍到双肩，衣服至少拍到第三颗扣子的位置，并穿与{BackgroundColour.Name(spec)}背景区分明显的衣服。",
                $"下巴距底边 {Px(m.ChinToBottom ?? 0)}，肩部占比 {Percent(m.ShoulderCoverage ?? 0)}", $"≥ {spec.MinChinToBottom} px，≥ {Percent(spec.MinShoulderCoverage)}"));
        }
    }

    private static void CheckFaceQuality(PhotoMeasurements m, PhotoSpec spec, List<PhotoIssue> issues)
    {
        if (m.RollDegrees is { } roll && Math.Abs(roll) > spec.RollWarningDegrees)
        {
            issues.Add(new PhotoIssue(PhotoIssueCodes.Tilted, Math.Abs(roll) > spec.RollErrorDegrees ? PhotoIssueSeverity.Error : PhotoIssueSeverity.Warning,
                "头部倾斜。请保持头部端正，双眼平视，双肩平衡。", $"{roll:0.0}°", $"≤ {spec.RollWarningDegrees:0.#}°"));
        }

        if (m.YawRatio is { } yaw && Math.Abs(yaw) > spec.YawWarningRatio)
        {
            issues.Add(Warning(PhotoIssueCodes.Turned, "脸部没有正对镜头。请正面面对镜头，双耳对称。", $"{yaw:0.00}", $"≤ {spec.YawWarningRatio:0.00}"));
        }

        if (m.ClothingDeltaE is { } clothing && clothing >= spec.ClothingAbsentDeltaE && clothing < spec.ClothingMinDeltaE)
        {
            issues.Add(Error(PhotoIssueCodes.ClothingLikeBackground, $"衣服颜色与{BackgroundColour.Name(spec)}背景太接近。请换一件颜色区分明显的衣服（避免与背景相近的颜色）。", $"ΔE {clothing:0}", $"≥ {spec.ClothingMinDeltaE:0}"));
        }

        if (m.Sharpness is { } sharpness && sharpness < spec.SharpnessWarning)
        {
            issues.Add(new PhotoIssue(PhotoIssueCodes.Blurry, sharpness < spec.SharpnessError ? PhotoIssueSeverity.Error : PhotoIssueSeverity.Warning,
                "照片模糊。请对焦清晰、保持手机稳定后重新拍摄，不要翻拍或放大。", $"{sharpness:0}", $"≥ {spec.SharpnessWarning:0}"));
        }

        if (m.ClippedFraction is { } clipped && clipped > spec.MaxClippedFraction)
        {
            issues.Add(Error(PhotoIssueCodes.Overexposed, "面部过曝（有大片纯白或纯黑）。请避开强光直射，在光线柔和均匀处重新拍摄。", Percent(clipped), "≤ " + Percent(spec.MaxClippedFraction)));
        }
        else if (m.FaceLightness is { } lightness && lightness > spec.FaceLightnessMax)
        {
            issues.Add(Warning(PhotoIssueCodes.Overexposed, "面部太亮。请避开强光直射，在光线柔和处重新拍摄。", $"L* {lightness:0}", $"{spec.FaceLightnessMin:0}–{spec.FaceLightnessMax:0}"));
        }
        else if (m.FaceLightness is { } dark && dark < spec.FaceLightnessMin)
        {
            issues.Add(Warning(PhotoIssueCodes.Underexposed, "面部太暗。请在光线充足处重新拍摄，让光线从正面照亮面部。", $"L* {dark:0}", $"{spec.FaceLightnessMin:0}–{spec.FaceLightnessMax:0}"));
        }

        if (m.LightImbalance is { } imbalance && imbalance > spec.MaxLightImbalance)
        {
            issues.Add(Warning(PhotoIssueCodes.UnevenLight, "面部光线不均匀（一侧明显偏暗）。请正对光源拍摄，避免侧光。", $"ΔL* {imbalance:0}", $"≤ {spec.MaxLightImbalance:0}"));
        }
    }

    private static PhotoIssue Error(string code, string message, string? measured = null, string? expected = null) =>
        new(code, PhotoIssueSeverity.Error, message, measured, expected);

    private static PhotoIssue Warning(string code, string message, string? measured = null, string? expected = null) =>
        new(code, PhotoIssueSeverity.Warning, message, measured, expected);

    private static string Px(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " px";

    private static string Percent(double value) => (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
