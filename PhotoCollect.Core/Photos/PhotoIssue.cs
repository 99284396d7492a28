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
    public const string BackgroundColor = "photo.background_color";
    public const string BackgroundNotUniform = "photo.background_not_uniform";
    public const string BackgroundGradient = "photo.background_gradient";
    public const string BackgroundShadow = "photo.background_shadow";
    public const string BackgroundCovered = "photo.background_covered";
    public const string NoFace = "photo.no_face";
    public const string SeveralFaces = "photo.several_faces";
    public const string CrownTooClose = "photo.crown_too_close";
    public const string HeadTooLow = "photo.head_too_low";
    public const string EyeLineOutOfRange = "photo.eye_line";
    public const string HeadTooLarge = "photo.head_too_large";
    public const string HeadTooSmall = "photo.head_too_small";
    public const string OffCentre = "photo.off_centre";
    public const string Tilted = "photo.tilted";
    public const string Turned = "photo.turned";
    public const string ShouldersNotVisible = "photo.shoulders_not_visible";
    public const string ClothingLikeBackground = "photo.clothing_like_background";
    public const string Blurry = "photo.blurry";
    public const string Underexposed = "photo.underexposed";
    public const string Overexposed = "photo.overexposed";
    public const string UnevenLight = "photo.uneven_light";
}
