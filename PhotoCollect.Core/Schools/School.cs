namespace PhotoCollect.Core.Schools;

/// <summary>学校, served by one branch.</summary>
public sealed class School
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>院校代码 as used by CHSI (5 digits).</summary>
    public string? ChsiCode { get; set; }

    public int BranchId { get; set; }
    public Branch? Branch { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
