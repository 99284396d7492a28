namespace PhotoCollect.Core.Identity;

/// <summary>The <c>Admin</c> section: the first administrator created on an empty database.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public string Email { get; set; } = "admin@photocollect.local";
    public string DisplayName { get; set; } = "系统管理员";

    /// <summary>When empty, a strong password is generated and printed once.</summary>
    public string? Password { get; set; }
}
