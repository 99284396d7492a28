using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Core.Photos;

/// <summary>
/// The photo at half resolution in CIELAB (each cell the mean of a 2 × 2 block), and which
/// cells are background. Half resolution keeps the whole analysis within a few milliseconds
/// and averages away JPEG noise.
/// </summary>
internal sealed class LabGrid
{
    // Segmentation tuning (not rule thresholds): a border cell this close to the reference seeds
    // the background; growth continues while a cell stays near the reference and changes little
    // from its neighbour, so soft shadows and gradients join and hard subject edges stop it.
    private const float SeedDeltaE = 18f;
    private const float GrowDeltaE = 30f;
    private const float StepDeltaE = 7f;

    private LabGrid(int width, int height, CieLab[] cells)
    {
        Width = width;
        Height = height;
        Cells = cells;
        IsBackground = new bool[cells.Length];
    }

    public int Width { get; }
    public int Height { get; }
    public CieLab[] Cells { get; }
    public bool[] IsBackground { get; }
    public CieLab Reference { get; private set; }
    public int BackgroundCount { get; private set; }

    public CieLab this[int x, int y] => Cells[y * Width + x];

    public bool Background(int x, int y) => IsBackground[y * Width + x];

    public static LabGrid Build(Image<Rgb24> image)
    {
        var width = image.Width / 2;
        var height = image.Height / 2;
        var cells = new CieLab[width * height];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var top = rows.GetRowSpan(2 * y);
                var bottom = rows.GetRowSpan(2 * y + 1);
                for (var x = 0; x < width; x++)
                {
                    var a = top[2 * x];
                    var b = top[2 * x + 1];
                    var c = bottom[2 * x];
                    var d = bottom[2 * x + 1];
                    cells[y * width + x] = CieLab.FromRgb(
                        (byte)((a.R + b.R + c.R + d.R + 2) >> 2),
                        (byte)((a.G + b.G + c.G + d.G + 2) >> 2),
                        (byte)((a.B + b.B + c.B + d.B + 2) >> 2));
                }
            }
        });

        var grid = new LabGrid(width, height, cells);
        grid.Segment();
        return grid;
    }

    /// <summary>Estimates the background from the top band and upper sides, then grows it from the border.</summary>
    private void Segment()
    {
        Reference = MedianOfBorder();
        var queue = new Queue<int>();
        void Seed(int x, int y)
        {
            var index = y * Width + x;
            if (!IsBackground[index] && CieLab.DeltaE76(Cells[index], Reference) < SeedDeltaE)
            {
                IsBackground[index] = true;
                queue.Enqueue(index);
            }
        }

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

        while (queue.Count > 0)
        {
            var index = queue.Dequeue();
            var x = index % Width;
            var y = index / Width;
            var current = Cells[index];
            if (x > 0) Grow(index - 1, current, queue);
            if (x < Width - 1) Grow(index + 1, current, queue);
            if (y > 0) Grow(index - Width, current, queue);
            if (y < Height - 1) Grow(index + Width, current, queue);
        }

        BackgroundCount = IsBackground.Count(b => b);
    }

    private void Grow(int index, in CieLab from, Queue<int> queue)
    {
        if (IsBackground[index])
        {
            return;
        }

        var cell = Cells[index];
        if (CieLab.DeltaE76(cell, Reference) < GrowDeltaE && CieLab.DeltaE76(cell, from) < StepDeltaE)
        {
            IsBackground[index] = true;
            queue.Enqueue(index);
        }
    }

    private CieLab MedianOfBorder()
    {
        var band = Math.Max(2, Height / 80);
        var l = new List<float>();
        var a = new List<float>();
        var b = new List<float>();
        void Add(int x, int y)
        {
            var cell = Cells[y * Width + x];
            l.Add(cell.L);
            a.Add(cell.A);
            b.Add(cell.B);
        }

        for (var y = 0; y < band; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                Add(x, y);
            }
        }

        for (var y = band; y < Height * 45 / 100; y++)
        {
            for (var x = 0; x < band; x++)
            {
                Add(x, y);
                Add(Width - 1 - x, y);
            }
        }

        return new CieLab(Median(l), Median(a), Median(b));
    }

    private static float Median(List<float> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
