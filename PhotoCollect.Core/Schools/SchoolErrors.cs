using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Schools;

/// <summary>Errors of the branch and school administration.</summary>
public static class SchoolErrors
{
    /// <summary>{0}: the form's validation messages, joined.</summary>
    public static readonly DomainError Invalid = new("school.invalid", "填写有误：{0}");

    public static readonly DomainError BranchMissing = new("school.invalid", "所选分社不存在。");
    public static readonly DomainError NotFound = new("school.not_found", "学校不存在。");
    public static readonly DomainError BranchNotFound = new("school.not_found", "分社不存在。");

    /// <summary>{0}: the school's name.</summary>
    public static readonly DomainError Duplicate = new("school.duplicate", "已有名为“{0}”的学校。");

    /// <summary>{0}: the branch's name.</summary>
    public static readonly DomainError DuplicateBranch = new("school.duplicate", "已有名为“{0}”的分社。");

    /// <summary>{0}: the 院校代码.</summary>
    public static readonly DomainError DuplicateChsiCode = new("school.duplicate", "院校代码 {0} 已被其他学校使用。");
}
