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
            var start = StartOfChinaDay(from);
            events = events.Where(a => a.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = StartOfChinaDay(to.AddDays(1));
            events = events.Where(a => a.OccurredAt < end);
        }

        var total = await events.CountAsync(cancellationToken);
        var items = await events
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEvent>(items, total);
    }

    private static DateTimeOffset StartOfChinaDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
}

public static class AuditActionText
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["order.created"] = "创建订单",
        ["order.photo_attached"] = "上传照片",
        ["order.submitted"] = "提交订单",
        ["order.paid"] = "支付成功",
        ["order.approved"] = "审核通过",
        ["order.rejected"] = "驳回",
        ["order.resubmitted"] = "重新提交",
        ["order.withdrawn"] = "撤回",
        ["order.cancelled"] = "取消订单",
        ["order.refunded"] = "退款",
        ["order.exported"] = "导出",
        ["review.bulk_approved"] = "批量审核通过",
        ["batch.created"] = "创建批次",
        ["batch.updated"] = "修改批次",
        ["batch.feature_code_regenerated"] = "更换特征码",
        ["batch.closed"] = "关闭批次",
        ["batch.reopened"] = "重新开放批次",
        ["batch.archived"] = "归档批次",
        ["student.id_revealed"] = "查看完整证件号",
        ["export.created"] = "导出",
        ["export.downloaded"] = "下载导出文件",
        ["user.created"] = "创建账号",
        ["user.updated"] = "修改账号",
        ["user.deactivated"] = "停用账号",
        ["user.activated"] = "启用账号",
        ["user.password_reset"] = "重置密码",
        ["user.signed_out"] = "强制下线",
        ["branch.created"] = "新增分社",
        ["branch.updated"] = "修改分社",
        ["school.created"] = "新增学校",
        ["school.updated"] = "修改学校",
        ["reason.created"] = "新增驳回原因",
        ["reason.updated"] = "修改驳回原因",
        ["settings.updated"] = "修改系统设置",
        ["demo.seeded"] = "生成演示数据",
        ["student.consented"] = "同意个人信息说明",
        ["chsi.test_code_issued"] = "生成测试采集码",
    };

    private static readonly Dictionary<string, string> EntityNames = new(StringComparer.Ordinal)
    {
        ["Order"] = "订单",
        ["CollectionBatch"] = "采集批次",
        ["Demo"] = "演示数据",
        ["StudentAccount"] = "学生账号",
        ["ChsiTestCode"] = "测试采集码",
        ["AppUser"] = "账号",
        ["Branch"] = "分社",
        ["School"] = "学校",
        ["RejectionReason"] = "驳回原因",
        ["Settings"] = "系统设置",
        ["Export"] = "导出",
    };

    /// <summary>Known actions with their Chinese names, for the audit log's filter.</summary>
    public static IReadOnlyDictionary<string, string> Actions => Names;

    public static IReadOnlyDictionary<string, string> EntityTypes => EntityNames;

    public static string ToChinese(string action) => Names.GetValueOrDefault(action, action);

    public static string EntityToChinese(string entityType) => EntityNames.GetValueOrDefault(entityType, entityType);
}
