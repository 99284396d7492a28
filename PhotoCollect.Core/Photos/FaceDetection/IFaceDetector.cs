using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Core.Photos.FaceDetection;

/// <summary>Finds faces in an image. Implementations are thread-safe.</summary>
public interface IFaceDetector
{
    /// <summary>Faces in <paramref name="image"/>, highest score first; empty when there is none.</summary>
    IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image);
}
