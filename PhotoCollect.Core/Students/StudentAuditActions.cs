using PhotoCollect.Core.Audit;

namespace PhotoCollect.Core.Students;

/// <summary>What the audit log records about students and 学信网 codes.</summary>
public static class StudentAuditActions
{
    public static readonly AuditAction Consented = new("student.consented", "同意个人信息说明");
    public static readonly AuditAction ChsiTestCodeIssued = new("chsi.test_code_issued", "生成测试采集码");
}
