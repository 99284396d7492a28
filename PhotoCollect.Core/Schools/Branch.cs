namespace PhotoCollect.Core.Schools;

/// <summary>分社: a China Photo Service branch that reviews and exports photos.</summary>
public sealed class Branch
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? City { get; set; }
    public string? ContactPhone { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
