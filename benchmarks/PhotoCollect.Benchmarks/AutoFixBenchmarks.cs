using BenchmarkDotNet.Attributes;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Photos.FaceDetection;
using PhotoCollect.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Benchmarks;

/// <summary>
/// The auto-fix budget (DESIGN.md §10, ≤ 400 ms): <see cref="PhotoNormalizer.Fix"/> on a 12 MP
/// (3000 × 4000) phone photo of a real face in front of a grey wall, decode and re-inspection
/// included, against the raw decode of the same 12 MP file.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AutoFixBenchmarks
{
    private readonly PhotoSpec _spec = new();
    private BlazeFaceDetector _detector = null!;
    private PhotoNormalizer _normalizer = null!;
    private byte[] _jpeg = [];

    [GlobalSetup]
    public void Setup()
    {
        _detector = BenchmarkPhoto.CreateDetector();
        _normalizer = new PhotoNormalizer(_detector, new PhotoInspector(_detector, TimeProvider.System));
        using var source = TestImages.Load(TestImages.GraceHopper);
        var face = _detector.Detect(source).Single();
        var canvas = new SyntheticPhoto { Width = 3000, Height = 4000, Background = new Rgb24(150, 152, 155), NoiseAmplitude = 3 };
        using var photo = RealFacePhoto.Compose(source, face, canvas, faceWidth: 640, centreX: 1450, eyeLineY: 1500);
        using var output = new MemoryStream();
        photo.SaveAsJpeg(output, new JpegEncoder { Quality = 90 });
        _jpeg = output.ToArray();

        var result = _normalizer.Fix(_jpeg, _spec);
        if (!result.Succeeded || result.Report!.Outcome == PhotoCheckOutcome.Fail)
        {
            throw new InvalidOperationException($"The benchmark photo should be fixable: {result.Refusal?.Message ?? result.Report?.ToJson()}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _detector.Dispose();

    [Benchmark(Baseline = true, Description = "Raw JPEG decode, 12 MP")]
    public int Decode()
    {
        using var image = Image.Load<Rgb24>(_jpeg);
        return image.Width;
    }

    [Benchmark(Description = "Auto-fix 12 MP (decode, frame, matte, encode, inspect)")]
    public bool Fix() => _normalizer.Fix(_jpeg, _spec).Succeeded;
}
