namespace PhotoCollect.Core.Photos;

public enum PhotoIssueSeverity
{
    /// <summary>Flags the photo for the reviewer; the student may still submit.</summary>
    Warning = 0,

    /// <summary>Blocks submission: the student must take or choose another photo.</summary>
    Error = 1,
}

/// <summary>One finding of the inspection, with a stable code and a Chinese instruction.</summary>
public sealed record PhotoIssue(string Code, PhotoIssueSeverity Severity, string Message, string? Measured = null, string? Expected = null);

/// <summary>Stable issue codes; clients and the review UI switch on these.</summary>
public static class PhotoIssueCodes
{
    public const string Empty = "photo.empty";
    public const string NotJpeg = "photo.not_jpeg";
    public const string Corrupt = "photo.corrupt";
    public const string Truncated = "photo.truncated";
    public const string TooManyPixels = "photo.too_many_pixels";
    public const string UploadTooLarge = "photo.upload_too_large";
    public const string WrongDimensions = "photo.wrong_dimensions";
    public const string FileTooSmall = "photo.file_too_small";
    public const string FileTooLarge = "photo.file_too_large";
    public const string Grayscale = "photo.grayscale";
    public const string Cmyk = "photo.cmyk";
    public const string LowJpegQuality = "photo.low_jpeg_quality";
}
