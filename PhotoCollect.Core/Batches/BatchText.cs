namespace PhotoCollect.Core.Batches;

public static class BatchText
{
    public static string ToChinese(this BatchStatus status) => status switch
    {
        BatchStatus.Open => "进行中",
        BatchStatus.Closed => "已关闭",
        BatchStatus.Archived => "已归档",
        _ => status.ToString(),
    };

    public static string ToChinese(this CollectionType type) => type switch
    {
        CollectionType.Centralised => "集中采集",
        CollectionType.Individual => "个人采集",
        _ => type.ToString(),
    };
}
