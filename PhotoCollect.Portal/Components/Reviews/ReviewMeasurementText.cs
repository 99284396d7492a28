using System.Globalization;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;

namespace PhotoCollect.Portal.Components.Reviews;

/// <summary>The engine's measurements as the reviewer reads them: value and the window it should be in.</summary>
public static class ReviewMeasurementText
{
    public static IEnumerable<(string Label, string Value)> Lines(PhotoMeasurements m, ReviewSpecWindows spec)
    {
        yield return ("尺寸", $"{m.Width}×{m.Height} · {m.FileBytes / 1024} KB" + (m.JpegQuality is { } q ? $" · 质量 {q}" : ""));
        if (m.CrownY is { } crown)
        {
            yield return ("头顶位置", $"{F(crown)} px（{spec.CrownMinY}–{spec.CrownMaxY}）");
        }

        if (m.EyeLineY is { } eye)
        {
            yield return ("眼线位置", $"{F(eye)} px（{spec.EyeLineMinY}–{spec.EyeLineMaxY}）");
        }

        if (m.FaceCentreX is { } centre)
        {
            yield return ("脸部中心", $"{F(centre)} px（{spec.CentreMinX}–{spec.CentreMaxX}）");
        }

        if (m.FaceWidth is { } width)
        {
            yield return ("脸宽", $"{F(width)} px");
        }

        if (m.RollDegrees is { } roll)
        {
            yield return ("头部倾斜", $"{F(roll)}°");
        }

        if (m.BackgroundDeltaE is { } background)
        {
            yield return ("背景色差 ΔE", F(background));
        }

        if (m.Sharpness is { } sharpness)
        {
            yield return ("清晰度", F(sharpness));
        }
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
