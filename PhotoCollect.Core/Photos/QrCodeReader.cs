using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode.Internal;
using ZXing.QrCode.Internal;

namespace PhotoCollect.Core.Photos;

/// <summary>
/// Finds and decodes the QR code in an uploaded picture: a phone screenshot of the 学信网
/// “图像采集码” page, where the code may be a small part of the screen, or a saved QR image.
/// Input is untrusted; bad input gives a failed <see cref="QrReadResult"/>, never an exception.
/// Stateless and thread-safe.
/// </summary>
public sealed class QrCodeReader
{
    public const int MaxBytes = 30 * 1024 * 1024;

    public const long MaxPixels = 40_000_000;

    // ZXing's try-harder finder scans every row, so cost grows with the pixel count. Pictures
    // larger than a phone screenshot are tried downscaled first; a QR that fills a good part of
    // a camera photo still has several pixels per module at this size.
    private const int DownscaledLongSide = 1600;

    // A thumbnail-sized saved QR has modules of one or two pixels, too fine for the finder
    // pattern search; enlarged, its modules are distinct again.
    private const int UpscaleBelowLongSide = 400;

    private static Configuration DecoderConfiguration => UntrustedPictures.JpegOrPng;

    /// <summary>Decodes the first QR code found in a JPEG or PNG picture.</summary>
    public QrReadResult Read(ReadOnlyMemory<byte> image)
    {
        var bytes = image.Span;
        var kind = ImageFileSniffer.Sniff(bytes);
        if (kind is not (ImageFileKind.Jpeg or ImageFileKind.Png))
        {
            return QrReadResult.Failure(QrReadError.NotImage);
        }

        if (bytes.Length > MaxBytes)
        {
            return QrReadResult.Failure(QrReadError.TooLarge);
        }

        if (!ImageFileSniffer.HasCompleteStructure(bytes, kind))
        {
            return QrReadResult.Failure(QrReadError.Corrupt);
        }

        return TryLoadLuminance(image, out var luminance, out var error)
            ? Decode(luminance)
            : QrReadResult.Failure(error);
    }

    /// <summary>
    /// Decodes the picture as displayed (EXIF orientation applied) into a luminance plane,
    /// transparent areas counted as white. The pixel count is checked from the header first,
    /// so a crafted header never makes the decoder allocate its claimed size.
    /// </summary>
    internal static bool TryLoadLuminance(
        ReadOnlyMemory<byte> image,
        [NotNullWhen(true)] out GrayLuminanceSource? luminance,
        [NotNullWhen(false)] out QrReadError? error)
    {
        luminance = null;
        error = null;
        try
        {
            using var stream = OpenReadOnly(image);
            var info = Image.Identify(DecoderConfiguration, stream);
            if (info is null || info.Width <= 0 || info.Height <= 0)
            {
                error = QrReadError.Corrupt;
                return false;
            }

            if ((long)info.Width * info.Height > MaxPixels)
            {
                error = QrReadError.TooLarge;
                return false;
            }

            stream.Position = 0;

            // Luminance with alpha: a saved QR is often black modules on a transparent background.
            using var decoded = Image.Load<La16>(DecoderConfiguration, stream);
            decoded.Mutate(operations => operations.AutoOrient());
            luminance = FlattenOntoWhite(decoded);
            return true;
        }
        catch (Exception exception) when (exception is ImageFormatException or ImageProcessingException)
        {
            error = QrReadError.Corrupt;
            return false;
        }
        catch (NotSupportedException)
        {
            // Lossless, arithmetic-coded and hierarchical JPEGs: real JPEG files, but not a
            // picture we can read, and phones never produce them.
            error = QrReadError.NotImage;
            return false;
        }
        catch (InvalidMemoryOperationException)
        {
            error = QrReadError.TooLarge;
            return false;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Hostile input may trip anything inside a decoder; none of it may reach the student as a 500.
            error = QrReadError.Corrupt;
            return false;
        }
    }

    private static MemoryStream OpenReadOnly(ReadOnlyMemory<byte> image) =>
        MemoryMarshal.TryGetArray(image, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(image.ToArray(), writable: false);

    private static GrayLuminanceSource FlattenOntoWhite(Image<La16> image)
    {
        var width = image.Width;
        var plane = new byte[width * image.Height];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var target = plane.AsSpan(y * width, width);
                for (var x = 0; x < row.Length; x++)
                {
                    var pixel = row[x];
                    target[x] = (byte)((pixel.L * pixel.A + 255 * (255 - pixel.A) + 127) / 255);
                }
            }
        });

        return new GrayLuminanceSource(plane, width, image.Height);
    }

    private static QrReadResult Decode(GrayLuminanceSource fullSize)
    {
        var sawCode = false;
        foreach (var candidate in Candidates(fullSize))
        {
            var text = TryDecode(candidate, ref sawCode);
            if (text is not null)
            {
                return QrReadResult.Success(text);
            }
        }

        return QrReadResult.Failure(sawCode ? QrReadError.Unreadable : QrReadError.NotFound);
    }

    /// <summary>
    /// Cheapest first, stopping at the first success: the picture at a workable size, the full
    /// size when that was a reduction, light-on-dark (dark-mode screenshots, inverted codes),
    /// and enlarged when the picture is a thumbnail.
    /// </summary>
    private static IEnumerable<LuminanceSource> Candidates(GrayLuminanceSource fullSize)
    {
        var longSide = Math.Max(fullSize.Width, fullSize.Height);
        var reduction = (longSide + DownscaledLongSide - 1) / DownscaledLongSide;
        var workable = reduction > 1 ? fullSize.Downscale(reduction) : fullSize;
        yield return workable;
        if (reduction > 1)
        {
            yield return fullSize;
        }

        yield return new InvertedLuminanceSource(workable);
        if (longSide < UpscaleBelowLongSide)
        {
            yield return fullSize.Upscale((2 * UpscaleBelowLongSide + longSide - 1) / longSide);
        }
    }

    /// <summary>
    /// Runs ZXing's QR detector and decoder separately (what <c>QRCodeReader</c> does inside),
    /// so that "no code located" and "a code was located but failed error correction or format
    /// checks" can be told apart. Only QR classes are involved, so no other symbology is tried.
    /// </summary>
    private static string? TryDecode(LuminanceSource source, ref bool sawCode)
    {
        var hints = new Dictionary<DecodeHintType, object>
        {
            [DecodeHintType.TRY_HARDER] = true,

            // Byte segments without an ECI header are read as UTF-8 instead of guessed:
            // the guess can pick Shift_JIS or GB2312 for UTF-8 Chinese.
            [DecodeHintType.CHARACTER_SET] = "UTF-8",
        };

        try
        {
            var matrix = new HybridBinarizer(source).BlackMatrix;
            if (matrix is null)
            {
                return null;
            }

            var decoder = new Decoder();
            var best = new Detector(matrix).detect(hints);
            if (best is not null)
            {
                sawCode = true;
                var text = decoder.decode(best.Bits, hints)?.Text;
                if (text is not null)
                {
                    return text;
                }
            }

            // The single detector stops at the first three finder-like patterns that fit
            // together, and a dense code can hold one in its data area (seen with version 26
            // codes); then the real third corner is never looked at. The multi detector keeps
            // every candidate and tries each plausible triple.
            foreach (var located in new MultiDetector(matrix).detectMulti(hints))
            {
                sawCode = true;
                var text = decoder.decode(located.Bits, hints)?.Text;
                if (text is not null)
                {
                    return text;
                }
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // ZXing.Net mostly reports failure as null, but some paths over odd geometry still
            // throw (index past a matrix edge, an impossible version number). For the student
            // that is this attempt failing, not a server error.
            return null;
        }

        return null;
    }
}
