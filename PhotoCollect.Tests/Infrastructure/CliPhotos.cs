using PhotoCollect.Portal.Cli;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>What one CLI run printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs the CLI in-process, exactly as Program.cs does but with captured writers.</summary>
    public static Task<CliRun> RunAsync(params string[] args) => RunInAsync(null, args);

    /// <summary><see cref="RunAsync"/> as if typed in <paramref name="workingDirectory"/> (null: this process's caller folder).</summary>
    public static async Task<CliRun> RunInAsync(string? workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PhotoCli.RunAsync(args, output, error, CancellationToken.None, workingDirectory);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>
/// Folders of photos for the CLI tests, made once per test class. <c>mixed/</c> holds two passing
/// real-face photos (one in a subfolder, upper-case extension), a drawn photo the real detector finds
/// no face in, a PNG named .jpg, a hidden macOS companion file and a text file; <c>passing/</c> holds
/// only passing photos.
/// </summary>
public sealed class CliPhotos : IDisposable
{
    private readonly TempFolder _folder = new("pc-cli");

    public CliPhotos()
    {
        using var faces = new FaceDetectorFixture();
        var passing = RealFacePhoto.GraceHopperCompliant(faces.Detector);

        _folder.Write("mixed/a-pass.jpg", passing);
        _folder.Write("mixed/b-drawn.jpg", new SyntheticPhoto { Background = new Rgb24(235, 235, 235) }.Jpeg());
        _folder.Write("mixed/c-png.jpg", Png());
        _folder.Write("mixed/sub/d-pass.JPEG", passing);
        _folder.Write("mixed/._a-pass.jpg", [0, 5, 22, 7]);
        _folder.Write("mixed/notes.txt", "拍摄记录"u8.ToArray());

        _folder.Write("passing/one.jpg", passing);
        _folder.Write("passing/two.jpeg", passing);

        PngFile = _folder.Write("explicit/photo.png", Png());
    }

    public string Mixed => _folder.Combine("mixed");
    public string Passing => _folder.Combine("passing");
    public string PngFile { get; }

    /// <summary>The files of <see cref="Mixed"/> that are checked, in the order they are printed.</summary>
    public string[] MixedChecked =>
    [
        Path.Combine(Mixed, "a-pass.jpg"),
        Path.Combine(Mixed, "b-drawn.jpg"),
        Path.Combine(Mixed, "c-png.jpg"),
        Path.Combine(Mixed, "sub", "d-pass.JPEG"),
    ];

    public void Dispose() => _folder.Dispose();

    private static byte[] Png()
    {
        using var image = new SyntheticPhoto().Render();
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }
}
