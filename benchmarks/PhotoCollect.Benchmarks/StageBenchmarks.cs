using BenchmarkDotNet.Attributes;
using PhotoCollect.Core.Photos;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Benchmarks;

/// <summary>
/// The stages of <see cref="PhotoInspector.Inspect(byte[], PhotoSpec)"/> that can be timed on
/// their own, to see where the budget goes. Face detection is in <see cref="InspectBenchmarks"/>;
/// the rules (background statistics, face metrics, report) are what Inspect costs beyond these.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class StageBenchmarks
{
    private readonly PhotoSpec _spec = new();
    private Image<Rgb24> _decoded = null!;
    private byte[] _jpeg = [];

    [GlobalSetup]
    public void Setup()
    {
        using var detector = BenchmarkPhoto.CreateDetector();
        _jpeg = BenchmarkPhoto.GraceHopperJpeg(detector);
        _decoded = Image.Load<Rgb24>(_jpeg);
    }

    [GlobalCleanup]
    public void Cleanup() => _decoded.Dispose();

    [Benchmark(Description = "Intake (checks + identify + decode)")]
    public int Intake()
    {
        using var photo = PhotoIntake.Read(_jpeg, _spec, _spec.MaxUploadBytes).Photo!;
        return photo.Image.Width;
    }

    [Benchmark(Description = "LabGrid.Build (Lab + segmentation)")]
    public int BuildLabGrid()
    {
        using var grid = LabGrid.Build(_decoded);
        return grid.BackgroundCount;
    }
}
