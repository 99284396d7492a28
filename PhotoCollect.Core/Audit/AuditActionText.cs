namespace PhotoCollect.Core.Audit;

/// <summary>Chinese names of audit actions and entity types, for the audit log and timelines.</summary>
public static class AuditActionText
{
    private static readonly Dictionary<string, string> EntityNames = new(StringComparer.Ordinal)
    {
        ["Order"] = "订单",
        ["CollectionBatch"] = "采集批次",
        ["Demo"] = "演示数据",
        ["StudentAccount"] = "学生账号",
        ["ChsiTestCode"] = "测试采集码",
        ["AppUser"] = "账号",
        ["Branch"] = "分社",
        ["School"] = "学校",
        ["RejectionReason"] = "驳回原因",
        ["Review"] = "审核",
        ["Settings"] = "系统设置",
        ["Export"] = "导出",
    };

    /// <summary>Known actions with their Chinese names, for the audit log's filter.</summary>
    public static IReadOnlyDictionary<string, string> Actions { get; } =
        AuditAction.All.Values.ToDictionary(a => a.Code, a => a.DisplayName, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> EntityTypes => EntityNames;

    public static string ToChinese(string action) => Actions.GetValueOrDefault(action, action);

    public static string EntityToChinese(string entityType) => EntityNames.GetValueOrDefault(entityType, entityType);
}
