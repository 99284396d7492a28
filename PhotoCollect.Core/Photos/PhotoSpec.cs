namespace PhotoCollect.Core.Photos;

/// <summary>
/// Every number the photo rules use (DESIGN.md §4), bound from the <c>PhotoSpec</c> section.
/// Checks read thresholds only from here, so a branch can tune them without a release.
/// </summary>
public sealed class PhotoSpec
{
    public const string SectionName = "PhotoSpec";

    /// <summary>Changes whenever a default below changes; stored with every report.</summary>
    public string Version { get; set; } = "2026.11";

    // Format and size.
    public int Width { get; set; } = 480;
    public int Height { get; set; } = 640;
    public int MinBytes { get; set; } = 30 * 1024;
    public int MaxBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest upload accepted at all (phone photos for auto-fix).</summary>
    public int MaxUploadBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Largest decoded image (width × height) accepted; larger headers are refused before decoding.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    public int MinJpegQuality { get; set; } = 60;

    // Background.
    public string BackgroundColor { get; set; } = "#28BEFA";
    public double BackgroundDeltaEWarning { get; set; } = 6;
    public double BackgroundDeltaEError { get; set; } = 10;
}
