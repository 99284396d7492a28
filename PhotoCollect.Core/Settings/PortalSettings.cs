using System.Globalization;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Settings;

/// <summary>A photo rule an administrator may tune, with its bounds and unit.</summary>
public sealed record PhotoSpecField(string Key, string Label, string Unit, double Min, double Max, Func<PhotoSpec, double> Get, Action<PhotoSpec, double> Set);

/// <summary>
/// The settings page: default batch price, retention of archived batches' personal data,
/// and the photo-rule values branches adjust most. Stored as <see cref="SystemSetting"/> rows.
/// </summary>
public sealed class PortalSettings
{
    public const string DefaultPriceKey = "Batches:DefaultPriceFen";
    public const string RetentionDaysKey = "Retention:ArchivedBatchDays";
    public const string BackgroundColorKey = "PhotoSpec:BackgroundColor";
    public const string PhotoSpecPrefix = "PhotoSpec:";
    public const int DefaultRetentionDays = 180;

    public static readonly IReadOnlyList<PhotoSpecField> PhotoSpecFields =
    [
        new("MinBytes", "文件大小下限", "字节", 1_024, 1_048_576, s => s.MinBytes, (s, v) => s.MinBytes = (int)v),
        new("MaxBytes", "文件大小上限", "字节", 65_536, 10_485_760, s => s.MaxBytes, (s, v) => s.MaxBytes = (int)v),
        new("MinJpegQuality", "JPEG 质量下限", "", 30, 95, s => s.MinJpegQuality, (s, v) => s.MinJpegQuality = (int)v),
        new("BackgroundDeltaEWarning", "背景色差提示阈值", "ΔE", 1, 30, s => s.BackgroundDeltaEWarning, (s, v) => s.BackgroundDeltaEWarning = v),
        new("BackgroundDeltaEError", "背景色差不合格阈值", "ΔE", 1, 40, s => s.BackgroundDeltaEError, (s, v) => s.BackgroundDeltaEError = v),
        new("CrownMinY", "头顶距上边缘最小", "像素", 0, 300, s => s.CrownMinY, (s, v) => s.CrownMinY = (int)v),
        new("CrownMaxY", "头顶距上边缘最大", "像素", 0, 300, s => s.CrownMaxY, (s, v) => s.CrownMaxY = (int)v),
        new("EyeLineMinY", "眼线距上边缘最小", "像素", 100, 400, s => s.EyeLineMinY, (s, v) => s.EyeLineMinY = (int)v),
        new("EyeLineMaxY", "眼线距上边缘最大", "像素", 100, 400, s => s.EyeLineMaxY, (s, v) => s.EyeLineMaxY = (int)v),
        new("FaceWidthMin", "脸宽最小", "像素", 100, 400, s => s.FaceWidthMin, (s, v) => s.FaceWidthMin = (int)v),
        new("FaceWidthMax", "脸宽最大", "像素", 100, 480, s => s.FaceWidthMax, (s, v) => s.FaceWidthMax = (int)v),
        new("CentreMinX", "脸部中心横坐标最小", "像素", 100, 380, s => s.CentreMinX, (s, v) => s.CentreMinX = (int)v),
        new("CentreMaxX", "脸部中心横坐标最大", "像素", 100, 380, s => s.CentreMaxX, (s, v) => s.CentreMaxX = (int)v),
    ];

    public int DefaultPriceFen { get; set; }
    public int RetentionDays { get; set; } = DefaultRetentionDays;
    public string BackgroundColor { get; set; } = "#28BEFA";

    /// <summary>Values of <see cref="PhotoSpecFields"/> by key.</summary>
    public Dictionary<string, double> PhotoSpec { get; set; } = [];

    /// <summary>When an administrator last saved; null while everything is the configured default.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    public PortalSettings Clone() => new()
    {
        DefaultPriceFen = DefaultPriceFen,
        RetentionDays = RetentionDays,
        BackgroundColor = BackgroundColor,
        PhotoSpec = new Dictionary<string, double>(PhotoSpec),
        UpdatedAt = UpdatedAt,
    };

    /// <summary>Writes the administered values over <paramref name="spec"/> and marks its version.</summary>
    public void ApplyTo(PhotoSpec spec)
    {
        if (UpdatedAt is null)
        {
            return;
        }

        foreach (var field in PhotoSpecFields)
        {
            if (PhotoSpec.TryGetValue(field.Key, out var value))
            {
                field.Set(spec, value);
            }
        }

        spec.BackgroundColor = BackgroundColor;

        // Reports carry the spec version; an edited spec must not pass for the shipped one.
        spec.Version = $"{spec.Version}+s{UpdatedAt.Value.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
    }
}
