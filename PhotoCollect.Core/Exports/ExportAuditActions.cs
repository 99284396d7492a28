using PhotoCollect.Core.Audit;

namespace PhotoCollect.Core.Exports;

/// <summary>What the audit log records about exports.</summary>
public static class ExportAuditActions
{
    public static readonly AuditAction Created = new("export.created", "导出");
    public static readonly AuditAction Downloaded = new("export.downloaded", "下载导出文件");
}
