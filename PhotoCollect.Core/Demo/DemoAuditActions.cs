using PhotoCollect.Core.Audit;

namespace PhotoCollect.Core.Demo;

/// <summary>What the audit log records about demo data.</summary>
public static class DemoAuditActions
{
    public static readonly AuditAction Seeded = new("demo.seeded", "生成演示数据");
}
