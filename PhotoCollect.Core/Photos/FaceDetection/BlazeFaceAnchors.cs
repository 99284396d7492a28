namespace PhotoCollect.Core.Photos.FaceDetection;

/// <summary>An anchor centre in the unit square of the model input (y down).</summary>
internal readonly record struct Anchor(float CenterX, float CenterY);

/// <summary>
/// The 896 fixed anchors of the BlazeFace front model, in the order of its outputs: a 16×16 grid
/// with 2 anchors per cell (the 512 outputs), then an 8×8 grid with 6 per cell (the 384 outputs);
/// each grid row-major, the anchors of one cell consecutive. Every anchor of a cell shares the
/// cell centre; the model regresses sizes itself, so anchors carry no size.
/// </summary>
internal static class BlazeFaceAnchors
{
    public const int FineGridCells = 16;
    public const int FineAnchorsPerCell = 2;
    public const int CoarseGridCells = 8;
    public const int CoarseAnchorsPerCell = 6;

    public const int FineCount = FineGridCells * FineGridCells * FineAnchorsPerCell;
    public const int CoarseCount = CoarseGridCells * CoarseGridCells * CoarseAnchorsPerCell;
    public const int Count = FineCount + CoarseCount;

    private static readonly Anchor[] Anchors = Generate();

    public static ReadOnlySpan<Anchor> All => Anchors;

    private static Anchor[] Generate()
    {
        var anchors = new Anchor[Count];
        var next = 0;
        foreach (var (cells, perCell) in new[] { (FineGridCells, FineAnchorsPerCell), (CoarseGridCells, CoarseAnchorsPerCell) })
        {
            for (var row = 0; row < cells; row++)
            {
                for (var column = 0; column < cells; column++)
                {
                    var anchor = new Anchor((column + 0.5f) / cells, (row + 0.5f) / cells);
                    for (var k = 0; k < perCell; k++)
                    {
                        anchors[next++] = anchor;
                    }
                }
            }
        }

        return anchors;
    }
}
