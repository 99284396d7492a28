using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;

namespace PhotoCollect.Core.Photos;

/// <summary>Decoder set-up for pictures students upload other than the photo itself (QR screenshots, avatars).</summary>
internal static class UntrustedPictures
{
    // One contiguous buffer at most: the 40 MP luminance/alpha image (80 MB) or one JPEG
    // component plane. Anything larger comes from a crafted file, not a real picture.
    private const int AllocationLimitMegabytes = 256;

    /// <summary>Only the two formats students upload: the GIF/BMP/TGA decoders are attack surface.</summary>
    public static readonly Configuration JpegOrPng = new(new JpegConfigurationModule(), new PngConfigurationModule())
    {
        MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = AllocationLimitMegabytes }),
    };
}
