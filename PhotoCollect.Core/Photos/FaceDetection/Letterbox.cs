namespace PhotoCollect.Core.Photos.FaceDetection;

/// <summary>
/// Where an image lands inside the square model input when scaled to fit without distortion and
/// centred, with the rest padded; maps model coordinates back to image pixels.
/// </summary>
internal readonly record struct Letterbox(int ImageWidth, int ImageHeight, int Size, int ContentWidth, int ContentHeight, int OffsetX, int OffsetY)
{
    public static Letterbox Fit(int imageWidth, int imageHeight, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imageWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageHeight, 1);
        var longest = (double)Math.Max(imageWidth, imageHeight);
        var contentWidth = Math.Clamp((int)Math.Round(imageWidth * size / longest), 1, size);
        var contentHeight = Math.Clamp((int)Math.Round(imageHeight * size / longest), 1, size);
        return new Letterbox(imageWidth, imageHeight, size, contentWidth, contentHeight, (size - contentWidth) / 2, (size - contentHeight) / 2);
    }

    /// <summary>Image x of a position given in the unit square of the model input.</summary>
    public float ToImageX(float unitX) => (unitX * Size - OffsetX) * ImageWidth / ContentWidth;

    /// <summary>Image y of a position given in the unit square of the model input.</summary>
    public float ToImageY(float unitY) => (unitY * Size - OffsetY) * ImageHeight / ContentHeight;

    public float ToImageWidth(float unitWidth) => unitWidth * Size * ImageWidth / ContentWidth;

    public float ToImageHeight(float unitHeight) => unitHeight * Size * ImageHeight / ContentHeight;
}
