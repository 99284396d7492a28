using PhotoCollect.Core.Photos.FaceDetection;

namespace PhotoCollect.Tests.Core.Photos;

public sealed class BlazeFaceDecoderTests
{
    [Theory]
    [InlineData(0f, 0.5f)]
    [InlineData(1000f, 1f)]
    [InlineData(-1000f, 0f)]
    [InlineData(float.NaN, float.NaN)]
    [InlineData(float.PositiveInfinity, 1f)]
    public void Sigmoid_ExtremeRawScores_StayInRange(float raw, float expected)
    {
        var score = BlazeFaceDecoder.Sigmoid(raw);

        Assert.Equal(expected, score, 1e-6f);
    }

    [Fact]
    public void Decode_RegressorsArePixelOffsetsFromTheAnchorCentre()
    {
        var scores = new float[BlazeFaceAnchors.CoarseCount];
        Array.Fill(scores, -10f);
        var regressors = new float[BlazeFaceAnchors.CoarseCount * FaceGeometry.Length];
        const int index = 6 * 9 + 4; // second row, second column of the 8×8 grid: centre (1.5/8, 1.5/8)
        scores[index] = 3f;
        float[] values = [8, -4, 32, 40, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        values.CopyTo(regressors.AsSpan(index * FaceGeometry.Length));
        var candidates = new List<FaceCandidate>();

        BlazeFaceDecoder.Decode(scores, regressors, BlazeFaceAnchors.FineCount, minScore: 0.75f, candidates);

        var candidate = Assert.Single(candidates);
        Assert.Equal(BlazeFaceDecoder.Sigmoid(3f), candidate.Score);
        var g = candidate.Geometry;
        Assert.Equal(1.5f / 8 + 8f / 128, g.CenterX, 1e-6f);
        Assert.Equal(1.5f / 8 - 4f / 128, g.CenterY, 1e-6f);
        Assert.Equal(32f / 128, g.Width, 1e-6f);
        Assert.Equal(40f / 128, g.Height, 1e-6f);
        for (var k = 0; k < FaceGeometry.KeypointCount; k++)
        {
            Assert.Equal(1.5f / 8 + values[4 + 2 * k] / 128, g.KeypointX(k), 1e-6f);
            Assert.Equal(1.5f / 8 + values[5 + 2 * k] / 128, g.KeypointY(k), 1e-6f);
        }
    }

    [Fact]
    public void Decode_ScoreBelowThreshold_IsDropped()
    {
        var scores = new float[BlazeFaceAnchors.FineCount];
        scores[10] = 1.0f; // sigmoid 0.731
        scores[11] = 1.2f; // sigmoid 0.769
        scores[12] = float.NaN;
        var candidates = new List<FaceCandidate>();

        BlazeFaceDecoder.Decode(scores, new float[scores.Length * FaceGeometry.Length], 0, minScore: 0.75f, candidates);

        Assert.Equal(BlazeFaceDecoder.Sigmoid(1.2f), Assert.Single(candidates).Score);
    }

    [Fact]
    public void MergeOverlapping_OverlappingPair_BecomesScoreWeightedMeanWithBestScore()
    {
        var best = Candidate(0.9f, 0.50f, 0.50f, 0.20f, 0.20f, keypointShift: 0f);
        var second = Candidate(0.6f, 0.52f, 0.51f, 0.22f, 0.18f, keypointShift: 0.05f);

        var merged = BlazeFaceDecoder.MergeOverlapping([second, best], iouThreshold: 0.3f);

        var face = Assert.Single(merged);
        Assert.Equal(0.9f, face.Score);
        for (var k = 0; k < FaceGeometry.Length; k++)
        {
            var expected = (best.Geometry[k] * 0.9f + second.Geometry[k] * 0.6f) / 1.5f;
            Assert.Equal(expected, face.Geometry[k], 1e-6f);
        }

        Assert.Equal(0.508f, face.Geometry.CenterX, 1e-6f);
        Assert.Equal(0.208f, face.Geometry.Width, 1e-6f);
    }

    [Fact]
    public void MergeOverlapping_SeparateFaces_StayApartAndSortedByScore()
    {
        var left = Candidate(0.8f, 0.25f, 0.5f, 0.2f, 0.2f);
        var right = Candidate(0.95f, 0.75f, 0.5f, 0.2f, 0.2f);

        var merged = BlazeFaceDecoder.MergeOverlapping([left, right], iouThreshold: 0.3f);

        Assert.Equal(2, merged.Count);
        Assert.Equal(0.95f, merged[0].Score);
        Assert.Equal(0.75f, merged[0].Geometry.CenterX);
        Assert.Equal(0.8f, merged[1].Score);
        Assert.Equal(0.25f, merged[1].Geometry.CenterX);
    }

    [Fact]
    public void MergeOverlapping_OverlapIsMeasuredAgainstTheBestBoxOnly()
    {
        // b overlaps a (IoU 0.6) and c overlaps b (IoU 0.48), but c overlaps a only by IoU 0.25.
        var a = Candidate(0.9f, 0.50f, 0.5f, 0.2f, 0.2f);
        var b = Candidate(0.8f, 0.55f, 0.5f, 0.2f, 0.2f);
        var c = Candidate(0.7f, 0.62f, 0.5f, 0.2f, 0.2f);

        var merged = BlazeFaceDecoder.MergeOverlapping([c, b, a], iouThreshold: 0.3f);

        Assert.Equal(2, merged.Count);
        Assert.Equal(0.9f, merged[0].Score);
        Assert.Equal((0.50f * 0.9f + 0.55f * 0.8f) / 1.7f, merged[0].Geometry.CenterX, 1e-6f);
        Assert.Equal(0.7f, merged[1].Score);
        Assert.Equal(0.62f, merged[1].Geometry.CenterX, 1e-6f);
    }

    [Fact]
    public void MergeOverlapping_MergesOnlyAboveTheThreshold()
    {
        // Two unit-height boxes of width 0.2 offset by 0.1: intersection 0.1, union 0.3, IoU 1/3.
        var a = Candidate(0.9f, 0.5f, 0.5f, 0.2f, 1f);
        var b = Candidate(0.8f, 0.6f, 0.5f, 0.2f, 1f);

        Assert.Single(BlazeFaceDecoder.MergeOverlapping([a, b], iouThreshold: 0.33f));
        Assert.Equal(2, BlazeFaceDecoder.MergeOverlapping([a, b], iouThreshold: 0.34f).Count);
    }

    [Fact]
    public void MergeOverlapping_NoCandidates_ReturnsEmpty()
    {
        Assert.Empty(BlazeFaceDecoder.MergeOverlapping([], iouThreshold: 0.3f));
    }

    private static FaceCandidate Candidate(float score, float centerX, float centerY, float width, float height, float keypointShift = 0f)
    {
        var geometry = new FaceGeometry();
        geometry[0] = centerX;
        geometry[1] = centerY;
        geometry[2] = width;
        geometry[3] = height;
        for (var k = 0; k < FaceGeometry.KeypointCount; k++)
        {
            geometry[4 + 2 * k] = centerX - width / 2 + k * width / 5 + keypointShift;
            geometry[5 + 2 * k] = centerY + keypointShift;
        }

        return new FaceCandidate(score, geometry);
    }
}
