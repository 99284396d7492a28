using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhotoCollect.Core.Photos;

/// <summary>What the engine measured; null where a measurement did not apply (e.g. no face).</summary>
public sealed record PhotoMeasurements
{
    public int Width { get; init; }
    public int Height { get; init; }
    public long FileBytes { get; init; }
    public int? JpegQuality { get; init; }
    public bool Grayscale { get; init; }
    public bool Cmyk { get; init; }
    public double? BackgroundDeltaE { get; init; }
    public double? BackgroundSpread { get; init; }
    public double? BackgroundGradient { get; init; }
    public double? ShadowDeltaE { get; init; }
    public double? BackgroundClutter { get; init; }
    public double? BackgroundFraction { get; init; }
    public int FaceCount { get; init; }
    public double? FaceScore { get; init; }
    public double? CrownY { get; init; }
    public double? EyeLineY { get; init; }
    public double? FaceWidth { get; init; }
    public double? FaceCentreX { get; init; }
    public double? RollDegrees { get; init; }
    public double? YawRatio { get; init; }
    public double? ChinToBottom { get; init; }
    public double? ShoulderCoverage { get; init; }
    public double? ClothingDeltaE { get; init; }
    public double? Sharpness { get; init; }
    public double? FaceLightness { get; init; }
    public double? ClippedFraction { get; init; }
    public double? LightImbalance { get; init; }
}

public sealed record PointF(double X, double Y);

public sealed record BoxF(double X, double Y, double Width, double Height);

/// <summary>Where things are, for the reviewer's overlays (image pixels).</summary>
public sealed record PhotoGeometry
{
    public BoxF? FaceBox { get; init; }

    /// <summary>Subject's right eye, left eye, nose tip, mouth centre, right ear, left ear.</summary>
    public IReadOnlyList<PointF>? Keypoints { get; init; }

    public double? CrownY { get; init; }
    public double? EyeLineY { get; init; }

    /// <summary>Bounding box of the subject (everything not background).</summary>
    public BoxF? SubjectBox { get; init; }
}

/// <summary>The verdict on one photo: what to fix, what was measured, where things are.</summary>
public sealed record PhotoCheckReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public required PhotoCheckOutcome Outcome { get; init; }
    public required IReadOnlyList<PhotoIssue> Issues { get; init; }
    public required PhotoMeasurements Measurements { get; init; }
    public PhotoGeometry? Geometry { get; init; }
    public required string EngineVersion { get; init; }
    public required string SpecVersion { get; init; }
    public double ElapsedMs { get; init; }

    public bool HasBlockingIssue => Issues.Any(i => i.Severity == PhotoIssueSeverity.Error);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PhotoCheckReport? FromJson(string json) => JsonSerializer.Deserialize<PhotoCheckReport>(json, Json);

    /// <summary>
    /// The report kept with a photo (<see cref="PhotoVersion.CheckReportJson"/>), or null when there
    /// is none or it cannot be read: a screen showing a stored photo must not fail because a report
    /// was written by an older engine.
    /// </summary>
    public static PhotoCheckReport? ReadStored(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return FromJson(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static PhotoCheckOutcome OutcomeOf(IEnumerable<PhotoIssue> issues)
    {
        var worst = issues.Select(i => (PhotoIssueSeverity?)i.Severity).Max();
        return worst switch
        {
            PhotoIssueSeverity.Error => PhotoCheckOutcome.Fail,
            PhotoIssueSeverity.Warning => PhotoCheckOutcome.PassWithWarnings,
            _ => PhotoCheckOutcome.Pass,
        };
    }
}
