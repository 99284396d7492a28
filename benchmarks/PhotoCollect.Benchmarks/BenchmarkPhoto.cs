using Microsoft.Extensions.Options;
using PhotoCollect.Core.Photos.FaceDetection;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Benchmarks;

/// <summary>
/// The photo every engine benchmark measures: Grace Hopper composed onto a compliant 480×640
/// background by the engine tests' own <see cref="RealFacePhoto"/>, encoded as a quality-92 JPEG.
/// Needs the Debian fixtures in .test-fixtures/ (./scripts/test.sh fetches them).
/// </summary>
internal static class BenchmarkPhoto
{
    public static BlazeFaceDetector CreateDetector() => new(Options.Create(new FaceDetectorOptions()));

    public static byte[] GraceHopperJpeg(IFaceDetector detector) => RealFacePhoto.GraceHopperCompliant(detector);
}
