using ZXing;

namespace PhotoCollect.Core.Photos;

/// <summary>
/// An 8-bit luminance plane handed to ZXing without copying (ZXing.Net has no ImageSharp
/// binding, and <see cref="RGBLuminanceSource"/> would copy the plane once more).
/// </summary>
internal sealed class GrayLuminanceSource : LuminanceSource
{
    private readonly byte[] _luminance;

    public GrayLuminanceSource(byte[] luminance, int width, int height)
        : base(width, height)
    {
        if (luminance.Length != width * height)
        {
            throw new ArgumentException("The plane must hold exactly width × height bytes.", nameof(luminance));
        }

        _luminance = luminance;
    }

    public override byte[] Matrix => _luminance;

    public override byte[] getRow(int y, byte[] row)
    {
        if (row is null || row.Length < Width)
        {
            row = new byte[Width];
        }

        Array.Copy(_luminance, y * Width, row, 0, Width);
        return row;
    }

    /// <summary>Box-filters the plane down by an integer factor (the last partial cells are dropped).</summary>
    public GrayLuminanceSource Downscale(int factor)
    {
        var width = Width / factor;
        var height = Height / factor;
        var output = new byte[width * height];
        var sums = new int[width];
        var area = factor * factor;
        for (var y = 0; y < height; y++)
        {
            Array.Clear(sums);
            for (var dy = 0; dy < factor; dy++)
            {
                var source = _luminance.AsSpan((y * factor + dy) * Width, width * factor);
                for (var x = 0; x < width; x++)
                {
                    var cell = source.Slice(x * factor, factor);
                    var sum = 0;
                    foreach (var value in cell)
                    {
                        sum += value;
                    }

                    sums[x] += sum;
                }
            }

            var target = output.AsSpan(y * width, width);
            for (var x = 0; x < width; x++)
            {
                target[x] = (byte)((sums[x] + area / 2) / area);
            }
        }

        return new GrayLuminanceSource(output, width, height);
    }

    /// <summary>Enlarges the plane by an integer factor, each pixel becoming a square block.</summary>
    public GrayLuminanceSource Upscale(int factor)
    {
        var width = Width * factor;
        var output = new byte[width * Height * factor];
        for (var y = 0; y < Height; y++)
        {
            var target = output.AsSpan(y * factor * width, width);
            var source = _luminance.AsSpan(y * Width, Width);
            for (var x = 0; x < Width; x++)
            {
                target.Slice(x * factor, factor).Fill(source[x]);
            }

            for (var copy = 1; copy < factor; copy++)
            {
                target.CopyTo(output.AsSpan((y * factor + copy) * width, width));
            }
        }

        return new GrayLuminanceSource(output, width, Height * factor);
    }
}
