using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Core.Photos;

/// <summary>A JPEG decoded to upright RGB, with what its file said about itself.</summary>
public sealed class DecodedPhoto : IDisposable
{
    public required Image<Rgb24> Image { get; init; }
    public required JpegStructure Structure { get; init; }

    /// <summary>Quality estimated by ImageSharp from the quantisation tables (1–100).</summary>
    public int? JpegQuality { get; init; }

    public JpegColorType? ColorType { get; init; }

    /// <summary>EXIF orientation (1 = upright) that was applied.</summary>
    public int ExifOrientation { get; init; } = 1;

    public long FileBytes { get; init; }

    public bool IsGrayscale => ColorType == JpegColorType.Luminance || Structure.Components == 1;

    public bool IsCmyk => ColorType == JpegColorType.Cmyk || Structure.Components == 4;

    public void Dispose() => Image.Dispose();
}

/// <summary>Either a decoded photo or the one reason it cannot be read.</summary>
public sealed record PhotoIntakeResult(DecodedPhoto? Photo, PhotoIssue? Failure)
{
    public bool Succeeded => Photo is not null;
}

/// <summary>
/// Reads untrusted bytes into an image without trusting them: size limits first, then the
/// magic bytes, the marker structure (dimensions and truncation) and the pixel budget, all
/// before ImageSharp allocates anything; decoding uses a JPEG-only configuration.
/// </summary>
public static class PhotoIntake
{
    private const int MinSide = 64;
    private const int MaxAspect = 4;

    // Only the JPEG module: the GIF/BMP/TGA decoders are attack surface we never need.
    private static readonly Configuration JpegOnly = CreateConfiguration();

    public static PhotoIntakeResult Read(byte[] bytes, PhotoSpec spec, long maxBytes)
    {
        if (bytes.Length == 0)
        {
            return Fail(PhotoIssueCodes.Empty, "文件是空的，请重新选择照片。");
        }

        if (bytes.Length > maxBytes)
        {
            return Fail(PhotoIssueCodes.UploadTooLarge, $"文件太大（{FormatBytes(bytes.Length)}），请选择不超过 {FormatBytes(maxBytes)} 的照片。", FormatBytes(bytes.Length), "≤ " + FormatBytes(maxBytes));
        }

        var kind = ImageFileSniffer.Sniff(bytes);
        if (kind != ImageFileKind.Jpeg)
        {
            var name = kind == ImageFileKind.Unknown ? null : kind.ToString().ToUpperInvariant();
            return Fail(PhotoIssueCodes.NotJpeg, $"照片必须是 JPG 格式{(name is null ? "" : $"（当前文件是 {name}）")}，请在相册中选择 JPG 照片或直接拍摄。", name ?? "未知格式", "JPEG");
        }

        var structure = JpegStructure.Read(bytes);
        if (structure is null || structure.Width == 0 || structure.Height == 0)
        {
            return Fail(PhotoIssueCodes.Corrupt, "照片文件已损坏，无法读取，请重新拍摄或选择照片。");
        }

        // Slivers (a 4000 × 1 "photo") are no photo at all and would break the analysis grid.
        var shortSide = Math.Min(structure.Width, structure.Height);
        if (shortSide < MinSide || Math.Max(structure.Width, structure.Height) > shortSide * MaxAspect)
        {
            return Fail(PhotoIssueCodes.WrongDimensions, $"照片尺寸异常（{structure.Width}×{structure.Height}），请上传正常拍摄的竖版照片（宽 {spec.Width} × 高 {spec.Height} 像素）。", $"{structure.Width}×{structure.Height}", $"{spec.Width}×{spec.Height}");
        }

        if ((long)structure.Width * structure.Height > spec.MaxPixels)
        {
            return Fail(PhotoIssueCodes.TooManyPixels, $"照片像素过大（{structure.Width}×{structure.Height}），请选择不超过 {spec.MaxPixels / 1_000_000} 百万像素的照片。", $"{structure.Width}×{structure.Height}", $"≤ {spec.MaxPixels:N0} 像素");
        }

        if (!ImageFileSniffer.HasCompleteStructure(bytes, ImageFileKind.Jpeg))
        {
            return Fail(PhotoIssueCodes.Truncated, "照片文件不完整（可能上传中断），请重新上传。");
        }

        // Hostile input may trip any exception inside a decoder; none of them may escape.
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var info = Image.Identify(JpegOnly, stream);
            if (info is null)
            {
                return Fail(PhotoIssueCodes.Corrupt, "照片文件已损坏，无法读取，请重新拍摄或选择照片。");
            }

            var jpeg = info.Metadata.GetJpegMetadata();
            var orientation = ReadOrientation(info.Metadata.ExifProfile);
            stream.Position = 0;
            var image = Image.Load<Rgb24>(JpegOnly, stream);
            if (orientation is > 1 and <= 8)
            {
                image.Mutate(x => x.AutoOrient());
            }

            return new PhotoIntakeResult(new DecodedPhoto
            {
                Image = image,
                Structure = structure,
                JpegQuality = jpeg.Quality,
                ColorType = jpeg.ColorType,
                ExifOrientation = orientation,
                FileBytes = bytes.Length,
            }, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail(PhotoIssueCodes.Corrupt, "照片文件已损坏，无法读取，请重新拍摄或选择照片。");
        }
    }

    public static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / 1024.0 / 1024.0:0.#} MB"
        : $"{bytes / 1024.0:0.#} KB";

    private static int ReadOrientation(ExifProfile? exif)
    {
        var value = exif?.GetValue(ExifTag.Orientation);
        return value is null ? 1 : value.Value;
    }

    private static PhotoIntakeResult Fail(string code, string message, string? measured = null, string? expected = null) =>
        new(null, new PhotoIssue(code, PhotoIssueSeverity.Error, message, measured, expected));

    private static Configuration CreateConfiguration()
    {
        var configuration = new Configuration(new JpegConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = 512 }),
        };
        return configuration;
    }
}
