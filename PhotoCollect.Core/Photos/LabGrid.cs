using System.Buffers;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Core.Photos;

/// <summary>
/// The photo at half resolution in CIELAB (each cell the mean of a 2 × 2 block), and which
/// cells are background. Half resolution keeps the whole analysis within a few milliseconds
/// and averages away JPEG noise. The cell buffers are pooled: dispose the grid when done.
/// </summary>
internal sealed class LabGrid : IDisposable
{
    // Segmentation tuning (not rule thresholds): a border cell this close to the reference seeds
    // the background; growth continues while a cell stays near the reference and changes little
    // from its neighbour, so soft shadows and gradients join and hard subject edges stop it.
    private const float SeedDeltaE = 18f;
    private const float GrowDeltaE = 30f;
    private const float StepDeltaE = 7f;

    // A 480×640 photo has 76,800 cells: 900 KB of CieLab, which would land on the large object
    // heap on every inspection and drag in gen-2 collections. Pooled, they cost nothing.
    private CieLab[] _cells;
    private bool[] _isBackground;

    private LabGrid(int width, int height)
    {
        Width = width;
        Height = height;
        _cells = ArrayPool<CieLab>.Shared.Rent(width * height);
        _isBackground = ArrayPool<bool>.Shared.Rent(width * height);
        Array.Clear(_isBackground, 0, width * height);
    }

    public int Width { get; }
    public int Height { get; }
    public ReadOnlySpan<CieLab> Cells => _cells.AsSpan(0, Width * Height);
    public ReadOnlySpan<bool> IsBackground => _isBackground.AsSpan(0, Width * Height);
    public CieLab Reference { get; private set; }
    public int BackgroundCount { get; private set; }

    public CieLab this[int x, int y] => _cells[y * Width + x];

    public bool Background(int x, int y) => _isBackground[y * Width + x];

    public static LabGrid Build(Image<Rgb24> image)
    {
        var grid = new LabGrid(image.Width / 2, image.Height / 2);
        try
        {
            grid.Convert(image);
            grid.Segment();
            return grid;
        }
        catch
        {
            grid.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // Idempotent: the second call finds the buffers already handed back.
        if (_cells.Length > 0)
        {
            ArrayPool<CieLab>.Shared.Return(_cells);
            ArrayPool<bool>.Shared.Return(_isBackground);
            _cells = [];
            _isBackground = [];
        }
    }

    private void Convert(Image<Rgb24> image)
    {
        var cells = _cells;
        var width = Width;
        var height = Height;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var top = rows.GetRowSpan(2 * y);
                var bottom = rows.GetRowSpan(2 * y + 1);
                var row = cells.AsSpan(y * width, width);
                for (var x = 0; x < row.Length; x++)
                {
                    var a = top[2 * x];
                    var b = top[2 * x + 1];
                    var c = bottom[2 * x];
                    var d = bottom[2 * x + 1];
                    row[x] = CieLab.FromRgb(
                        (byte)((a.R + b.R + c.R + d.R + 2) >> 2),
                        (byte)((a.G + b.G + c.G + d.G + 2) >> 2),
                        (byte)((a.B + b.B + c.B + d.B + 2) >> 2));
                }
            }
        });
    }

    /// <summary>Estimates the background from the top band and upper sides, then grows it from the border.</summary>
    private void Segment()
    {
        Reference = MedianOfBorder();
        var count = Width * Height;
        var cells = _cells;
        var isBackground = _isBackground;

        // Every cell joins at most once, so a flat array is the whole FIFO. The grown region does
        // not depend on the visiting order: a cell joins when any background neighbour accepts it.
        var queue = ArrayPool<int>.Shared.Rent(count);
        var head = 0;
        var tail = 0;
        try
        {
            for (var x = 0; x < Width; x++)
            {
                Seed(x, 0);
                Seed(x, Height - 1);
            }

            for (var y = 0; y < Height; y++)
            {
                Seed(0, y);
                Seed(Width - 1, y);
            }

            while (head < tail)
            {
                var index = queue[head++];
                var x = index % Width;
                var current = cells[index];
                if (x > 0) Grow(index - 1, current);
                if (x < Width - 1) Grow(index + 1, current);
                if (index >= Width) Grow(index - Width, current);
                if (index < count - Width) Grow(index + Width, current);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(queue);
        }

        // Each joined cell went through the queue exactly once.
        BackgroundCount = tail;

        void Seed(int x, int y)
        {
            var index = y * Width + x;
            if (!isBackground[index] && CieLab.DeltaE76(cells[index], Reference) < SeedDeltaE)
            {
                isBackground[index] = true;
                queue[tail++] = index;
            }
        }

        void Grow(int index, in CieLab from)
        {
            if (isBackground[index])
            {
                return;
            }

            var cell = cells[index];
            if (CieLab.DeltaE76(cell, Reference) < GrowDeltaE && CieLab.DeltaE76(cell, from) < StepDeltaE)
            {
                isBackground[index] = true;
                queue[tail++] = index;
            }
        }
    }

    private CieLab MedianOfBorder()
    {
        var band = Math.Max(2, Height / 80);
        var sideRows = Math.Max(0, Height * 45 / 100 - band);
        var capacity = band * Width + 2 * band * sideRows;
        var pool = ArrayPool<float>.Shared.Rent(3 * capacity);
        try
        {
            var l = pool.AsSpan(0, capacity);
            var a = pool.AsSpan(capacity, capacity);
            var b = pool.AsSpan(2 * capacity, capacity);
            var n = 0;
            for (var y = 0; y < band; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    Add(x, y, l, a, b, ref n);
                }
            }

            for (var y = band; y < Height * 45 / 100; y++)
            {
                for (var x = 0; x < band; x++)
                {
                    Add(x, y, l, a, b, ref n);
                    Add(Width - 1 - x, y, l, a, b, ref n);
                }
            }

            return new CieLab(Median(l[..n]), Median(a[..n]), Median(b[..n]));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(pool);
        }
    }

    private void Add(int x, int y, Span<float> l, Span<float> a, Span<float> b, ref int n)
    {
        var cell = this[x, y];
        l[n] = cell.L;
        a[n] = cell.A;
        b[n] = cell.B;
        n++;
    }

    private static float Median(Span<float> values)
    {
        values.Sort();
        return values[values.Length / 2];
    }
}
