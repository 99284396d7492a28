using PhotoCollect.Core.Audit;

namespace PhotoCollect.Core.Batches;

/// <summary>What the audit log records about collection batches.</summary>
public static class BatchAuditActions
{
    public static readonly AuditAction Created = new("batch.created", "创建批次");
    public static readonly AuditAction Updated = new("batch.updated", "修改批次");
    public static readonly AuditAction FeatureCodeRegenerated = new("batch.feature_code_regenerated", "更换特征码");
    public static readonly AuditAction Closed = new("batch.closed", "关闭批次");
    public static readonly AuditAction Reopened = new("batch.reopened", "重新开放批次");
    public static readonly AuditAction Archived = new("batch.archived", "归档批次");
}
