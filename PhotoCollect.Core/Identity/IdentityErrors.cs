using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Identity;

/// <summary>Errors of the staff account administration.</summary>
public static class IdentityErrors
{
    public static readonly DomainError UserNotFound = new("user.not_found", "账号不存在。");

    /// <summary>{0}: the form's (or Identity's) messages, joined.</summary>
    public static readonly DomainError Invalid = new("user.invalid", "账号信息有误：{0}");

    public static readonly DomainError BranchUnavailable = new("user.invalid", "所选分社不存在或已停用。");
    public static readonly DomainError SchoolUnavailable = new("user.invalid", "所选学校不存在或已停用。");
    public static readonly DomainError EmailTaken = new("user.email_taken", "该邮箱已被其他账号使用。");
    public static readonly DomainError SelfRole = new("user.self", "不能修改自己的角色。");
    public static readonly DomainError SelfDeactivation = new("user.self", "不能停用自己的账号。");
    public static readonly DomainError LastAdmin = new("user.last_admin", "这是最后一个启用的管理员账号，不能停用或改为其他角色。");
}
