namespace PhotoCollect.Core.Photos.FaceDetection;

/// <summary>Face detector settings, bound from the <c>FaceDetection</c> section.</summary>
public sealed class FaceDetectorOptions
{
    public const string SectionName = "FaceDetection";

    /// <summary>Where the build puts the verified model (see <c>PhotoCollect.Core/BlazeFaceModel.targets</c>).</summary>
    public const string DefaultModelPath = "Models/blazeface_front_128.onnx";

    /// <summary>Path to the BlazeFace front ONNX model; relative paths start at the application folder.</summary>
    public string ModelPath { get; set; } = DefaultModelPath;

    /// <summary>Minimum sigmoid score for a detection (MediaPipe uses 0.75).</summary>
    public float MinScore { get; set; } = 0.75f;

    /// <summary>Detections whose boxes overlap by more than this IoU are merged into one face.</summary>
    public float MergeIouThreshold { get; set; } = 0.3f;

    internal string ResolveModelPath() => Path.GetFullPath(ModelPath, AppContext.BaseDirectory);
}
