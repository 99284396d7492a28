using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Audit;

/// <summary>Filters of the audit log page; null means "any". Dates are China calendar days, inclusive.</summary>
public sealed record AuditQuery
{
    /// <summary>Part of the actor's name or their exact id.</summary>
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public PageRequest Page { get; init; } = new(PageSize: 50);
}

/// <summary>Reads the audit trail for administrators.</summary>
public sealed class AuditLogService(IDbContextFactory<PhotoCollectDbContext> factory)
{
    public async Task<IReadOnlyList<AuditEvent>> RecentAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEvents.AsNoTracking()
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(take, 1, 1000))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Appends one event (for actions that change no entity, such as issuing a test 采集码).</summary>
    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AuditEvents.Add(auditEvent);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Newest first, filtered and paged (indexes on time, actor, action and entity serve these).</summary>
    public async Task<PagedResult<AuditEvent>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            events = events.Where(a => a.ActorId == actor || a.ActorName.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            events = events.Where(a => a.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            events = events.Where(a => a.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            var entityId = query.EntityId.Trim();
            events = events.Where(a => a.EntityId == entityId);
        }

        if (query.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            events = events.Where(a => a.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            events = events.Where(a => a.OccurredAt < end);
        }

        var total = await events.CountAsync(cancellationToken);
        var items = await events
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEvent>(items, total);
    }
}
