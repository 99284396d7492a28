namespace PhotoCollect.Core.Photos;

/// <summary>
/// Every number the photo rules use (DESIGN.md §4), bound from the <c>PhotoSpec</c> section.
/// Checks read thresholds only from here, so a branch can tune them without a release.
/// Positions are pixels of the 480 × 640 photo, measured from the top-left corner.
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

    // Background (CIELAB ΔE).
    public string BackgroundColor { get; set; } = "#28BEFA";
    public double BackgroundDeltaEWarning { get; set; } = 6;
    public double BackgroundDeltaEError { get; set; } = 10;

    /// <summary>RMS ΔE of background pixels around their mean: above this the background is blotchy.</summary>
    public double BackgroundSpreadWarning { get; set; } = 5;
    public double BackgroundSpreadError { get; set; } = 9;

    /// <summary>L* change across the frame from a plane fit of the background.</summary>
    public double GradientWarning { get; set; } = 5;
    public double GradientError { get; set; } = 10;

    /// <summary>A background block this far (ΔE) from the background mean and darker is a shadow.</summary>
    public double ShadowDeltaE { get; set; } = 10;

    /// <summary>Share of the upper frame beside and above the head that may be something other than background.</summary>
    public double MaxBackgroundClutter { get; set; } = 0.03;

    /// <summary>Below this share of the frame the background is mostly covered (objects, crop).</summary>
    public double MinBackgroundFraction { get; set; } = 0.25;

    // Head geometry.
    public int CrownMinY { get; set; } = 30;
    public int CrownMaxY { get; set; } = 110;
    public int EyeLineMinY { get; set; } = 200;
    public int EyeLineMaxY { get; set; } = 300;
    public int FaceWidthMin { get; set; } = 180;
    public int FaceWidthMax { get; set; } = 300;
    public int CentreMinX { get; set; } = 216;
    public int CentreMaxX { get; set; } = 264;
    public double RollWarningDegrees { get; set; } = 5;
    public double RollErrorDegrees { get; set; } = 10;

    /// <summary>Nose offset from the ears' midpoint, as a share of the ear distance: above this the head is turned.</summary>
    public double YawWarningRatio { get; set; } = 0.18;

    // Framing and clothing.
    /// <summary>Share of the bottom band that must be the subject (shoulders and chest reach the bottom edge).</summary>
    public double MinShoulderCoverage { get; set; } = 0.45;

    /// <summary>Space between the chin and the bottom edge, so the clothing shows down to about the third button.</summary>
    public int MinChinToBottom { get; set; } = 150;

    /// <summary>Median ΔE of the clothing to the background below which they blend in.</summary>
    public double ClothingMinDeltaE { get; set; } = 15;

    /// <summary>Below this the chest region is the background itself (no body in the frame), not clothing.</summary>
    public double ClothingAbsentDeltaE { get; set; } = 4;

    // Quality of the face region.
    /// <summary>Laplacian variance of the 128 × 128 face crop.</summary>
    public double SharpnessWarning { get; set; } = 40;
    public double SharpnessError { get; set; } = 15;
    public double FaceLightnessMin { get; set; } = 35;
    public double FaceLightnessMax { get; set; } = 88;

    /// <summary>Share of face pixels blown out (L* ≥ 98) or crushed (L* ≤ 2).</summary>
    public double MaxClippedFraction { get; set; } = 0.05;

    /// <summary>L* difference between the two halves of the face.</summary>
    public double MaxLightImbalance { get; set; } = 18;
}
