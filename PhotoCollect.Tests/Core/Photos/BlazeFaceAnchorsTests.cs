using PhotoCollect.Core.Photos.FaceDetection;

namespace PhotoCollect.Tests.Core.Photos;

public sealed class BlazeFaceAnchorsTests
{
    [Fact]
    public void All_Has896Anchors_512FineThen384Coarse()
    {
        Assert.Equal(896, BlazeFaceAnchors.All.Length);
        Assert.Equal(512, BlazeFaceAnchors.FineCount);
        Assert.Equal(384, BlazeFaceAnchors.CoarseCount);
    }

    [Theory]
    // 16×16 grid, 2 per cell: index = (row * 16 + column) * 2 + k.
    [InlineData(0, 0.5f / 16, 0.5f / 16)]
    [InlineData(1, 0.5f / 16, 0.5f / 16)]
    [InlineData(2, 1.5f / 16, 0.5f / 16)]
    [InlineData(32, 0.5f / 16, 1.5f / 16)]
    [InlineData(511, 15.5f / 16, 15.5f / 16)]
    // 8×8 grid, 6 per cell, after the first 512: index = 512 + (row * 8 + column) * 6 + k.
    [InlineData(512, 0.5f / 8, 0.5f / 8)]
    [InlineData(517, 0.5f / 8, 0.5f / 8)]
    [InlineData(518, 1.5f / 8, 0.5f / 8)]
    [InlineData(512 + 8 * 6 * 3 + 6 * 5 + 2, 5.5f / 8, 3.5f / 8)]
    [InlineData(895, 7.5f / 8, 7.5f / 8)]
    public void All_KnownIndex_HasCellCentre(int index, float x, float y)
    {
        var anchor = BlazeFaceAnchors.All[index];

        Assert.Equal(x, anchor.CenterX, 6);
        Assert.Equal(y, anchor.CenterY, 6);
    }
}
