using BenchmarkDotNet.Attributes;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Photos.FaceDetection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Benchmarks;

/// <summary>
/// The inspection budget (DESIGN.md §10): <see cref="PhotoInspector.Inspect(byte[], PhotoSpec)"/>
/// on a real 480×640 photo, real BlazeFace detector included, against the raw JPEG decode of the
/// same bytes, which no inspection can beat.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class InspectBenchmarks
{
    private readonly PhotoSpec _spec = new();
    private BlazeFaceDetector _detector = null!;
    private PhotoInspector _inspector = null!;
    private Image<Rgb24> _decoded = null!;
    private byte[] _jpeg = [];

    [GlobalSetup]
    public void Setup()
    {
        _detector = BenchmarkPhoto.CreateDetector();
        _inspector = new PhotoInspector(_detector, TimeProvider.System);
        _jpeg = BenchmarkPhoto.GraceHopperJpeg(_detector);
        _decoded = Image.Load<Rgb24>(_jpeg);

        // A benchmark of a photo that does not pass would measure the wrong path.
        var report = _inspector.Inspect(_jpeg, _spec);
        if (report.Outcome == PhotoCheckOutcome.Fail || report.Measurements.FaceCount != 1)
        {
            throw new InvalidOperationException($"The benchmark photo should pass with one face: {report.ToJson()}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _decoded.Dispose();
        _detector.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Raw JPEG decode (Image.Load<Rgb24>)")]
    public int Decode()
    {
        using var image = Image.Load<Rgb24>(_jpeg);
        return image.Width;
    }

    [Benchmark(Description = "Face detection (BlazeFace, decoded 480×640)")]
    public int DetectFaces() => _detector.Detect(_decoded).Count;

    [Benchmark(Description = "Inspect (intake + faces + rules)")]
    public PhotoCheckOutcome Inspect() => _inspector.Inspect(_jpeg, _spec).Outcome;
}
