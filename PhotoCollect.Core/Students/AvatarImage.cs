using PhotoCollect.Core.Common;
using PhotoCollect.Core.Photos;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Core.Students;

/// <summary>
/// Turns an uploaded avatar (JPEG or PNG) into a fresh 256×256 JPEG. Re-encoding drops whatever
/// else the file carried (metadata, trailers, polyglot payloads); the header's size is checked
/// before the decoder allocates anything.
/// </summary>
public static class AvatarImage
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int Size = 256;
    private const long MaxPixels = 40_000_000;

    // Slivers are no avatar and make the crop-resize degenerate.
    private const int MaxAspect = 20;

    private static Configuration Decoders => UntrustedPictures.JpegOrPng;

    public static byte[] Normalize(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes.Length > MaxBytes)
        {
            throw new DomainException(StudentErrors.AvatarTooLarge, MaxBytes / (1024 * 1024));
        }

        var kind = ImageFileSniffer.Sniff(bytes);
        if (kind is not (ImageFileKind.Jpeg or ImageFileKind.Png) || !ImageFileSniffer.HasCompleteStructure(bytes, kind))
        {
            throw new DomainException(StudentErrors.AvatarInvalid);
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var info = Image.Identify(Decoders, stream);
            if (info is null || info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels
                || Math.Max(info.Width, info.Height) > MaxAspect * Math.Min(info.Width, info.Height))
            {
                throw new DomainException(StudentErrors.AvatarOddSize);
            }

            stream.Position = 0;
            using var image = Image.Load<Rgb24>(Decoders, stream);
            image.Mutate(x => x.AutoOrient().Resize(new ResizeOptions { Size = new Size(Size, Size), Mode = ResizeMode.Crop }));
            image.Metadata.ExifProfile = null;
            image.Metadata.IccProfile = null;
            image.Metadata.XmpProfile = null;
            using var output = new MemoryStream();
            image.SaveAsJpeg(output, new JpegEncoder { Quality = 85 });
            return output.ToArray();
        }
        catch (Exception e) when (e is ImageFormatException or ImageProcessingException or NotSupportedException or InvalidMemoryOperationException)
        {
            throw new DomainException(StudentErrors.AvatarDamaged);
        }
    }
}
