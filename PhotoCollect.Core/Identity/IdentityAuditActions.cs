using PhotoCollect.Core.Audit;

namespace PhotoCollect.Core.Identity;

/// <summary>What the audit log records about staff accounts.</summary>
public static class IdentityAuditActions
{
    public static readonly AuditAction UserCreated = new("user.created", "创建账号");
    public static readonly AuditAction UserUpdated = new("user.updated", "修改账号");
    public static readonly AuditAction UserDeactivated = new("user.deactivated", "停用账号");
    public static readonly AuditAction UserActivated = new("user.activated", "启用账号");
    public static readonly AuditAction PasswordReset = new("user.password_reset", "重置密码");
    public static readonly AuditAction SignedOut = new("user.signed_out", "强制下线");
}
