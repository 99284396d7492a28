using System.Globalization;

namespace PhotoCollect.Core.Photos;

/// <summary>
/// The configured background colour as students read it: its code ("28BEFA") and a plain name
/// ("蓝色"), so every message follows the colour an admin sets instead of naming blue.
/// </summary>
public static class BackgroundColour
{
    public static string Code(PhotoSpec spec) => Code(spec.BackgroundColor);

    public static string Name(PhotoSpec spec) => Name(spec.BackgroundColor);

    /// <summary><c>#28BEFA</c> → <c>28BEFA</c>.</summary>
    public static string Code(string hexColour) => hexColour.Trim().TrimStart('#').ToUpperInvariant();

    /// <summary>A plain Chinese name for a <c>#RRGGBB</c> colour (by hue, lightness and saturation), as a student would call it.</summary>
    public static string Name(string hexColour)
    {
        var hex = Code(hexColour);
        if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return "规定颜色";
        }

        var (r, g, b) = (((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var lightness = (max + min) / 2;
        var chroma = max - min;
        var saturation = chroma == 0 ? 0 : chroma / (1 - Math.Abs(2 * lightness - 1));
        if (saturation < 0.15 || chroma < 0.08)
        {
            return lightness > 0.85 ? "白色" : lightness < 0.15 ? "黑色" : "灰色";
        }

        var hue = max == r ? 60 * ((g - b) / chroma % 6) : max == g ? 60 * ((b - r) / chroma + 2) : 60 * ((r - g) / chroma + 4);
        hue = (hue + 360) % 360;
        return hue switch
        {
            < 15 or >= 330 => "红色",
            < 45 => "橙色",
            < 70 => "黄色",
            < 165 => "绿色",
            < 255 => "蓝色",
            _ => "紫色",
        };
    }
}
