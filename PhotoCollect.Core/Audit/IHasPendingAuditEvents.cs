namespace PhotoCollect.Core.Audit;

/// <summary>
/// An aggregate whose transitions raise their own audit events (<c>Order</c>, <c>CollectionBatch</c>):
/// <see cref="Data.PhotoCollectDbContext"/> takes them on save and writes them in the same
/// transaction as the change they record.
/// </summary>
public interface IHasPendingAuditEvents
{
    /// <summary>Events raised since the entity was created or loaded, oldest first.</summary>
    IReadOnlyList<AuditEvent> PendingAuditEvents { get; }

    /// <summary>
    /// Removes and returns the events to save now. An entity named in the log by a key the
    /// database generates returns none until it has been inserted; the context then saves again.
    /// </summary>
    IReadOnlyList<AuditEvent> TakePendingAuditEvents();
}
