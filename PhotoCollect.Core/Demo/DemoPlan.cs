using PhotoCollect.Core.Batches;

namespace PhotoCollect.Core.Demo;

/// <summary>How far a demo order gets through its life.</summary>
internal enum DemoState
{
    DraftNoPhoto,
    Draft,
    AwaitingPayment,
    PendingReview,
    Resubmitted,
    Approved,
    Exported,
    Rejected,
    Cancelled,
    Refunded,
}

/// <summary>The demo orders, in creation order: every state, most of them waiting for review.</summary>
internal static class DemoPlan
{
    public static IReadOnlyList<(CollectionBatch Batch, DemoState State)> For(CollectionBatch paidBatch, CollectionBatch freeBatch) =>
    [
        .. Repeat(paidBatch, DemoState.DraftNoPhoto, 1),
        .. Repeat(paidBatch, DemoState.Draft, 1),
        .. Repeat(paidBatch, DemoState.AwaitingPayment, 2),
        .. Repeat(paidBatch, DemoState.PendingReview, 18),
        .. Repeat(paidBatch, DemoState.Resubmitted, 2),
        .. Repeat(paidBatch, DemoState.Approved, 3),
        .. Repeat(paidBatch, DemoState.Exported, 1),
        .. Repeat(paidBatch, DemoState.Rejected, 2),
        .. Repeat(paidBatch, DemoState.Cancelled, 1),
        .. Repeat(paidBatch, DemoState.Refunded, 1),
        .. Repeat(freeBatch, DemoState.PendingReview, 3),
        .. Repeat(freeBatch, DemoState.Approved, 1),
        .. Repeat(freeBatch, DemoState.Draft, 1),
    ];

    private static IEnumerable<(CollectionBatch, DemoState)> Repeat(CollectionBatch batch, DemoState state, int count) =>
        Enumerable.Repeat((batch, state), count);
}
