namespace PhotoCollect.Core.Photos.FaceDetection;

/// <summary>Turns raw BlazeFace outputs into scored candidates and merges overlapping ones.</summary>
internal static class BlazeFaceDecoder
{
    public const int InputSize = 128;

    // MediaPipe clips raw scores before the sigmoid so extreme logits cannot overflow exp().
    private const float RawScoreClip = 100f;

    /// <summary>
    /// Appends a candidate for every anchor of one output pair whose score reaches
    /// <paramref name="minScore"/>. <paramref name="firstAnchor"/> is the index in
    /// <see cref="BlazeFaceAnchors.All"/> of the pair's first anchor.
    /// </summary>
    public static void Decode(
        ReadOnlySpan<float> rawScores,
        ReadOnlySpan<float> regressors,
        int firstAnchor,
        float minScore,
        List<FaceCandidate> candidates)
    {
        var anchors = BlazeFaceAnchors.All.Slice(firstAnchor, rawScores.Length);
        if (regressors.Length != rawScores.Length * FaceGeometry.Length)
        {
            throw new ArgumentException("Expected 16 regressors per score.", nameof(regressors));
        }

        for (var i = 0; i < rawScores.Length; i++)
        {
            var score = Sigmoid(rawScores[i]);
            // Written so that a NaN score is dropped too.
            if (!(score >= minScore))
            {
                continue;
            }

            // Regressors are in model-input pixels: positions are offsets from the anchor centre,
            // width and height are plain sizes.
            var values = regressors.Slice(i * FaceGeometry.Length, FaceGeometry.Length);
            var anchor = anchors[i];
            var geometry = new FaceGeometry();
            geometry[0] = anchor.CenterX + values[0] / InputSize;
            geometry[1] = anchor.CenterY + values[1] / InputSize;
            geometry[2] = values[2] / InputSize;
            geometry[3] = values[3] / InputSize;
            for (var k = 4; k < FaceGeometry.Length; k += 2)
            {
                geometry[k] = anchor.CenterX + values[k] / InputSize;
                geometry[k + 1] = anchor.CenterY + values[k + 1] / InputSize;
            }

            candidates.Add(new FaceCandidate(score, geometry));
        }
    }

    public static float Sigmoid(float raw) => 1f / (1f + MathF.Exp(-Math.Clamp(raw, -RawScoreClip, RawScoreClip)));

    /// <summary>
    /// MediaPipe's weighted non-maximum suppression: the best remaining candidate absorbs every
    /// other candidate whose box overlaps it by more than <paramref name="iouThreshold"/>; the
    /// merged geometry is the score-weighted mean of the group and keeps the best score.
    /// Averaging the group rather than keeping only the best box steadies the keypoints.
    /// </summary>
    public static List<FaceCandidate> MergeOverlapping(IReadOnlyList<FaceCandidate> candidates, float iouThreshold)
    {
        var order = new int[candidates.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Ties keep their input (anchor) order, so the result never depends on the sort algorithm.
        Array.Sort(order, (a, b) =>
        {
            var byScore = candidates[b].Score.CompareTo(candidates[a].Score);
            return byScore != 0 ? byScore : a.CompareTo(b);
        });

        var merged = new List<FaceCandidate>();
        var absorbed = new bool[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            if (absorbed[i])
            {
                continue;
            }

            var best = candidates[order[i]];
            var bestGeometry = best.Geometry;
            var sum = new FaceGeometry();
            var weight = 0f;
            for (var j = i; j < order.Length; j++)
            {
                if (absorbed[j])
                {
                    continue;
                }

                var other = candidates[order[j]];
                var otherGeometry = other.Geometry;
                if (j != i && FaceGeometry.IntersectionOverUnion(bestGeometry, otherGeometry) <= iouThreshold)
                {
                    continue;
                }

                absorbed[j] = true;
                weight += other.Score;
                for (var k = 0; k < FaceGeometry.Length; k++)
                {
                    sum[k] += otherGeometry[k] * other.Score;
                }
            }

            for (var k = 0; k < FaceGeometry.Length; k++)
            {
                sum[k] /= weight;
            }

            merged.Add(new FaceCandidate(best.Score, sum));
        }

        return merged;
    }
}
