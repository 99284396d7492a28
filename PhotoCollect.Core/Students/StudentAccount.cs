namespace PhotoCollect.Core.Students;

/// <summary>A WeChat user of the mini program.</summary>
public sealed class StudentAccount
{
    public long Id { get; set; }
    public required string OpenId { get; set; }
    public string? UnionId { get; set; }
    public string? Phone { get; set; }
    public string? Nickname { get; set; }

    /// <summary>File-store key of the avatar image, if uploaded.</summary>
    public string? AvatarKey { get; set; }

    public string? ConsentVersion { get; set; }
    public DateTimeOffset? ConsentedAt { get; set; }
    public DateTimeOffset? ProfileCompletedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }

    public bool HasConsented(string currentVersion) =>
        ConsentedAt is not null && string.Equals(ConsentVersion, currentVersion, StringComparison.Ordinal);
}
