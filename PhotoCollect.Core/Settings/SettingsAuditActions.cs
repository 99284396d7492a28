using PhotoCollect.Core.Audit;

namespace PhotoCollect.Core.Settings;

/// <summary>What the audit log records about system settings.</summary>
public static class SettingsAuditActions
{
    public static readonly AuditAction Updated = new("settings.updated", "修改系统设置");
}
