using Microsoft.Extensions.Options;
using PhotoCollect.Core.Photos.FaceDetection;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>One detector per test class, loaded from the model the build copied next to the tests.</summary>
public sealed class FaceDetectorFixture : IDisposable
{
    public BlazeFaceDetector Detector { get; } = new(Options.Create(new FaceDetectorOptions()));

    public void Dispose() => Detector.Dispose();
}
