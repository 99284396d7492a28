using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Audit;

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
        ["batch.created"] = "创建批次",
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
    };

    public static string ToChinese(string action) => Names.GetValueOrDefault(action, action);

    public static string EntityToChinese(string entityType) => EntityNames.GetValueOrDefault(entityType, entityType);
}
