using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Audit;

/// <summary>Who did what to which entity, when and from where. Append-only.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public ActorKind ActorKind { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? IpAddress { get; set; }

    /// <summary>Dotted action name, e.g. <c>order.submitted</c>, <c>student.id_revealed</c>.</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? Details { get; set; }

    public static AuditEvent For(Actor actor, DateTimeOffset now, AuditAction action, string entityType, string entityId, string? details) => new()
    {
        OccurredAt = now,
        ActorKind = actor.Kind,
        ActorId = actor.Id,
        ActorName = actor.Name,
        IpAddress = actor.IpAddress,
        Action = action.Code,
        EntityType = entityType,
        EntityId = entityId,
        Details = details,
    };
}
