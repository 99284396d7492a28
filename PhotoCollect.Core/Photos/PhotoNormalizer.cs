using PhotoCollect.Core.Photos.FaceDetection;

namespace PhotoCollect.Core.Photos;

/// <summary>
/// Auto-fix (issue 3, item 5). Placeholder with the final API so the CLI can be built and tested
/// while the engine is written on its own branch; it refuses every photo.
/// </summary>
public sealed class PhotoNormalizer
{
    public PhotoNormalizer(IFaceDetector faceDetector, PhotoInspector inspector, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(faceDetector);
        ArgumentNullException.ThrowIfNull(inspector);
        ArgumentNullException.ThrowIfNull(time);
    }

    /// <summary>Produces a compliant JPEG from <paramref name="bytes"/>, or the reason it cannot.</summary>
    public PhotoFixResult Fix(byte[] bytes, PhotoSpec spec) =>
        new(null, null, new PhotoIssue("fix.not_available", PhotoIssueSeverity.Error, "自动修正功能暂不可用，请按检查结果重新拍摄。"));
}

/// <summary>The fixed photo and its new verdict, or why the photo could not be fixed.</summary>
public sealed record PhotoFixResult(byte[]? Jpeg, PhotoCheckReport? Report, PhotoIssue? Refusal)
{
    public bool Succeeded => Jpeg is not null;
}
