using PhotoCollect.Core.Audit;

namespace PhotoCollect.Core.Schools;

/// <summary>What the audit log records about branches and schools.</summary>
public static class SchoolAuditActions
{
    public static readonly AuditAction BranchCreated = new("branch.created", "新增分社");
    public static readonly AuditAction BranchUpdated = new("branch.updated", "修改分社");
    public static readonly AuditAction SchoolCreated = new("school.created", "新增学校");
    public static readonly AuditAction SchoolUpdated = new("school.updated", "修改学校");
}
