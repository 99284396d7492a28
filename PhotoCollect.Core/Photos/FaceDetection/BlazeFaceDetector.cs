using System.Buffers;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Core.Photos.FaceDetection;

/// <summary>
/// Face detection with MediaPipe BlazeFace (front model, 128×128) on ONNX Runtime. Register as a
/// singleton: it owns one <see cref="InferenceSession"/>, which ONNX Runtime allows to run
/// concurrently; every call uses its own pooled buffers, so <see cref="Detect(Image{Rgb24})"/> is
/// thread-safe and gives identical results for identical input.
/// </summary>
public sealed class BlazeFaceDetector : IFaceDetector, IDisposable
{
    private const int Size = BlazeFaceDecoder.InputSize;
    private const int InputLength = Size * Size * 3;
    private const int FineScoresOffset = InputLength;
    private const int CoarseScoresOffset = FineScoresOffset + BlazeFaceAnchors.FineCount;
    private const int FineRegressorsOffset = CoarseScoresOffset + BlazeFaceAnchors.CoarseCount;
    private const int CoarseRegressorsOffset = FineRegressorsOffset + BlazeFaceAnchors.FineCount * FaceGeometry.Length;
    private const int BufferLength = CoarseRegressorsOffset + BlazeFaceAnchors.CoarseCount * FaceGeometry.Length;

    private static readonly long[] InputShape = [1, Size, Size, 3];
    private static readonly long[] FineScoresShape = [1, BlazeFaceAnchors.FineCount, 1];
    private static readonly long[] CoarseScoresShape = [1, BlazeFaceAnchors.CoarseCount, 1];
    private static readonly long[] FineRegressorsShape = [1, BlazeFaceAnchors.FineCount, FaceGeometry.Length];
    private static readonly long[] CoarseRegressorsShape = [1, BlazeFaceAnchors.CoarseCount, FaceGeometry.Length];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly float _minScore;
    private readonly float _mergeIouThreshold;

    public BlazeFaceDetector(IOptions<FaceDetectorOptions> options)
    {
        var settings = options.Value;
        if (settings.MinScore is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), settings.MinScore, "FaceDetection:MinScore must be between 0 and 1.");
        }

        if (settings.MergeIouThreshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), settings.MergeIouThreshold, "FaceDetection:MergeIouThreshold must be between 0 and 1.");
        }

        _minScore = settings.MinScore;
        _mergeIouThreshold = settings.MergeIouThreshold;

        var modelPath = settings.ResolveModelPath();
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException(
                $"BlazeFace model not found at {modelPath}. Building PhotoCollect.Core fetches it (BlazeFaceModel.targets) and copies it to the output folder.",
                modelPath);
        }

        using var sessionOptions = new SessionOptions
        {
            // The model carries unused constant-folding initializers; ONNX Runtime warns about each
            // one on every load, straight to stderr. Errors are still logged.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            // Measured on the 2-core target: 2.7 ms per detection on one thread, 6.3 ms with two.
            // Requests already run in parallel, so a per-call thread pool only oversubscribes.
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
        };
        _session = new InferenceSession(modelPath, sessionOptions);
        try
        {
            _inputNames = [FindInput(_session)];
            _outputNames =
            [
                FindOutput(_session, FineScoresShape),
                FindOutput(_session, CoarseScoresShape),
                FindOutput(_session, FineRegressorsShape),
                FindOutput(_session, CoarseRegressorsShape),
            ];
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        _runOptions = new RunOptions();
    }

    /// <summary>Faces in <paramref name="image"/> scoring at least the configured minimum, highest score first.</summary>
    public IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image) => Detect(image, _minScore);

    /// <summary>Faces in <paramref name="image"/> scoring at least <paramref name="minScore"/>, highest score first.</summary>
    public IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image, float minScore)
    {
        ArgumentNullException.ThrowIfNull(image);
        var letterbox = Letterbox.Fit(image.Width, image.Height, Size);
        var buffer = ArrayPool<float>.Shared.Rent(BufferLength);
        try
        {
            WriteInput(image, letterbox, buffer);
            Run(buffer);

            var candidates = new List<FaceCandidate>();
            BlazeFaceDecoder.Decode(
                buffer.AsSpan(FineScoresOffset, BlazeFaceAnchors.FineCount),
                buffer.AsSpan(FineRegressorsOffset, BlazeFaceAnchors.FineCount * FaceGeometry.Length),
                firstAnchor: 0,
                minScore,
                candidates);
            BlazeFaceDecoder.Decode(
                buffer.AsSpan(CoarseScoresOffset, BlazeFaceAnchors.CoarseCount),
                buffer.AsSpan(CoarseRegressorsOffset, BlazeFaceAnchors.CoarseCount * FaceGeometry.Length),
                firstAnchor: BlazeFaceAnchors.FineCount,
                minScore,
                candidates);
            if (candidates.Count == 0)
            {
                return [];
            }

            var merged = BlazeFaceDecoder.MergeOverlapping(candidates, _mergeIouThreshold);
            var faces = new DetectedFace[merged.Count];
            for (var i = 0; i < faces.Length; i++)
            {
                faces[i] = ToImage(merged[i], letterbox);
            }

            return Array.AsReadOnly(faces);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    /// <summary>Letterboxed NHWC RGB in [-1, 1]; the padding is black (-1), as in MediaPipe.</summary>
    private static void WriteInput(Image<Rgb24> image, Letterbox letterbox, float[] buffer)
    {
        buffer.AsSpan(0, InputLength).Fill(-1f);
        using var resized = image.Clone(context => context.Resize(new ResizeOptions
        {
            Size = new Size(letterbox.ContentWidth, letterbox.ContentHeight),
            Mode = ResizeMode.Stretch,
            Sampler = KnownResamplers.Triangle,
        }));
        resized.ProcessPixelRows(accessor =>
        {
            for (var y = 0; y < accessor.Height; y++)
            {
                var row = accessor.GetRowSpan(y);
                var target = buffer.AsSpan(((letterbox.OffsetY + y) * Size + letterbox.OffsetX) * 3, row.Length * 3);
                for (var x = 0; x < row.Length; x++)
                {
                    target[3 * x] = row[x].R / 127.5f - 1f;
                    target[3 * x + 1] = row[x].G / 127.5f - 1f;
                    target[3 * x + 2] = row[x].B / 127.5f - 1f;
                }
            }
        });
    }

    private void Run(float[] buffer)
    {
        var memory = buffer.AsMemory();
        var info = OrtMemoryInfo.DefaultInstance;
        using var input = OrtValue.CreateTensorValueFromMemory(info, memory.Slice(0, InputLength), InputShape);
        using var fineScores = OrtValue.CreateTensorValueFromMemory(info, memory.Slice(FineScoresOffset, BlazeFaceAnchors.FineCount), FineScoresShape);
        using var coarseScores = OrtValue.CreateTensorValueFromMemory(info, memory.Slice(CoarseScoresOffset, BlazeFaceAnchors.CoarseCount), CoarseScoresShape);
        using var fineRegressors = OrtValue.CreateTensorValueFromMemory(
            info, memory.Slice(FineRegressorsOffset, BlazeFaceAnchors.FineCount * FaceGeometry.Length), FineRegressorsShape);
        using var coarseRegressors = OrtValue.CreateTensorValueFromMemory(
            info, memory.Slice(CoarseRegressorsOffset, BlazeFaceAnchors.CoarseCount * FaceGeometry.Length), CoarseRegressorsShape);

        // Outputs are written straight into the pooled buffer: no per-call tensors to allocate.
        _session.Run(_runOptions, _inputNames, [input], _outputNames, [fineScores, coarseScores, fineRegressors, coarseRegressors]);
    }

    private static DetectedFace ToImage(FaceCandidate candidate, Letterbox letterbox)
    {
        var g = candidate.Geometry;
        var width = letterbox.ToImageWidth(g.Width);
        var height = letterbox.ToImageHeight(g.Height);
        var box = new FaceBox(letterbox.ToImageX(g.CenterX) - width / 2, letterbox.ToImageY(g.CenterY) - height / 2, width, height);

        FacePoint Keypoint(int index) => new(letterbox.ToImageX(g.KeypointX(index)), letterbox.ToImageY(g.KeypointY(index)));

        // BlazeFace's keypoint order.
        var keypoints = new FaceKeypoints(
            RightEye: Keypoint(0),
            LeftEye: Keypoint(1),
            NoseTip: Keypoint(2),
            MouthCenter: Keypoint(3),
            RightEar: Keypoint(4),
            LeftEar: Keypoint(5));
        return new DetectedFace(candidate.Score, box, keypoints);
    }

    private static string FindInput(InferenceSession session)
    {
        var inputs = session.InputMetadata;
        if (inputs.Count != 1 || !inputs.First().Value.Dimensions.SequenceEqual(InputShape.Select(d => (int)d)))
        {
            throw new InvalidDataException("Not the BlazeFace front model: expected one float input of shape [1,128,128,3].");
        }

        return inputs.First().Key;
    }

    // Outputs are matched by shape, not by name or position, which differ between conversions.
    private static string FindOutput(InferenceSession session, long[] shape)
    {
        var matches = session.OutputMetadata
            .Where(output => output.Value.Dimensions.SequenceEqual(shape.Select(d => (int)d)))
            .Select(output => output.Key)
            .ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidDataException($"Not the BlazeFace front model: expected exactly one output of shape [{string.Join(",", shape)}].");
    }
}
