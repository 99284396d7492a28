using System.Runtime.CompilerServices;

namespace PhotoCollect.Core.Photos.FaceDetection;

/// <summary>
/// Box centre x, y, width and height, then x, y of the six keypoints, all in the unit square of
/// the model input. An inline array keeps candidates allocation-free and makes the weighted merge
/// one loop over 16 numbers.
/// </summary>
[InlineArray(Length)]
internal struct FaceGeometry
{
    public const int Length = 16;
    public const int KeypointCount = 6;

    private float _element;

    public readonly float CenterX => this[0];
    public readonly float CenterY => this[1];
    public readonly float Width => this[2];
    public readonly float Height => this[3];

    public readonly float KeypointX(int index) => this[4 + 2 * index];
    public readonly float KeypointY(int index) => this[5 + 2 * index];

    public static float IntersectionOverUnion(in FaceGeometry a, in FaceGeometry b)
    {
        var left = Math.Max(a.CenterX - a.Width / 2, b.CenterX - b.Width / 2);
        var top = Math.Max(a.CenterY - a.Height / 2, b.CenterY - b.Height / 2);
        var right = Math.Min(a.CenterX + a.Width / 2, b.CenterX + b.Width / 2);
        var bottom = Math.Min(a.CenterY + a.Height / 2, b.CenterY + b.Height / 2);
        var intersection = Math.Max(0, right - left) * Math.Max(0, bottom - top);
        var union = a.Width * a.Height + b.Width * b.Height - intersection;
        return union > 0 ? intersection / union : 0;
    }
}

/// <summary>One detection before it is mapped back to image pixels.</summary>
internal readonly struct FaceCandidate(float score, FaceGeometry geometry)
{
    public float Score { get; } = score;
    public FaceGeometry Geometry { get; } = geometry;
}
