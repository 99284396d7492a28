using PhotoCollect.Core.Photos.FaceDetection;

namespace PhotoCollect.Tests.Core.Photos;

public sealed class LetterboxTests
{
    [Fact]
    public void Fit_PortraitPhoto_CentresContentWithSideBars()
    {
        var letterbox = Letterbox.Fit(480, 640, 128);

        Assert.Equal(96, letterbox.ContentWidth);
        Assert.Equal(128, letterbox.ContentHeight);
        Assert.Equal(16, letterbox.OffsetX);
        Assert.Equal(0, letterbox.OffsetY);
    }

    [Fact]
    public void ToImage_ContentEdgesMapToImageEdges()
    {
        var letterbox = Letterbox.Fit(480, 640, 128);

        Assert.Equal(0f, letterbox.ToImageX(16f / 128), 1e-3f);
        Assert.Equal(480f, letterbox.ToImageX(112f / 128), 1e-3f);
        Assert.Equal(240f, letterbox.ToImageX(0.5f), 1e-3f);
        Assert.Equal(0f, letterbox.ToImageY(0f), 1e-3f);
        Assert.Equal(640f, letterbox.ToImageY(1f), 1e-3f);
        Assert.Equal(120f, letterbox.ToImageWidth(24f / 128), 1e-3f);
        Assert.Equal(320f, letterbox.ToImageHeight(0.5f), 1e-3f);
    }

    [Fact]
    public void Fit_VeryThinImage_KeepsAtLeastOnePixelOfContent()
    {
        var letterbox = Letterbox.Fit(4000, 3, 128);

        Assert.Equal(128, letterbox.ContentWidth);
        Assert.Equal(1, letterbox.ContentHeight);
        Assert.Equal(63, letterbox.OffsetY);
    }
}
