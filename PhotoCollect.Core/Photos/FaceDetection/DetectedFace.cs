namespace PhotoCollect.Core.Photos.FaceDetection;

/// <summary>A face found in an image; coordinates are pixels of the image given to the detector.</summary>
/// <param name="Score">Detector confidence in [0, 1].</param>
/// <param name="Box">Face box. Not clipped: a face cut off by the frame extends past the image edges.</param>
/// <param name="Keypoints">The six BlazeFace landmarks.</param>
public sealed record DetectedFace(float Score, FaceBox Box, FaceKeypoints Keypoints);

/// <summary>An axis-aligned box in image pixels, from its top-left corner.</summary>
public readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    public float Right => X + Width;
    public float Bottom => Y + Height;
    public float CenterX => X + Width / 2;
    public float CenterY => Y + Height / 2;

    public bool Contains(FacePoint point) => point.X >= X && point.X <= Right && point.Y >= Y && point.Y <= Bottom;
}

/// <summary>A point in image pixels.</summary>
public readonly record struct FacePoint(float X, float Y);

/// <summary>
/// BlazeFace landmarks, named from the subject's point of view: on a photo of someone facing the
/// camera, the subject's right eye has the smaller x.
/// </summary>
public sealed record FaceKeypoints(
    FacePoint RightEye,
    FacePoint LeftEye,
    FacePoint NoseTip,
    FacePoint MouthCenter,
    FacePoint RightEar,
    FacePoint LeftEar);
