using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Reviews;

/// <summary>A reviewer's decision on one photo version of an order.</summary>
public sealed class ReviewDecision
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public Order? Order { get; set; }
    public long PhotoVersionId { get; set; }
    public PhotoVersion? PhotoVersion { get; set; }
    public required string ReviewerId { get; set; }
    public bool Approved { get; set; }

    /// <summary>Catalogue codes of the rejection reasons (<see cref="RejectionReason.Code"/>).</summary>
    public List<string> ReasonCodes { get; set; } = [];

    public string? Comment { get; set; }
    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>From opening the order in the workspace to the decision; null for bulk approvals (no one looked at each).</summary>
    public int? ReviewMilliseconds { get; set; }
}
