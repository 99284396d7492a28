namespace PhotoCollect.Core.Reviews;

/// <summary>
/// A reviewer has an order open in the workspace. One row per order (the key), so two
/// reviewers can never both hold it; a claim lapses at <see cref="ExpiresAt"/> so a closed
/// browser does not lock an order for good.
/// </summary>
public sealed class ReviewClaim
{
    public long OrderId { get; set; }
    public required string ReviewerId { get; set; }
    public required string ReviewerName { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    public bool IsHeldBy(string reviewerId, DateTimeOffset now) => ReviewerId == reviewerId && ExpiresAt > now;

    public bool IsHeldByOther(string reviewerId, DateTimeOffset now) => ReviewerId != reviewerId && ExpiresAt > now;
}
