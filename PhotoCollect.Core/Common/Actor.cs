using System.Globalization;

namespace PhotoCollect.Core.Common;

public enum ActorKind
{
    System = 0,
    Staff = 1,
    Student = 2,
}

/// <summary>Who performs an action, for the audit trail.</summary>
public sealed record Actor(ActorKind Kind, string Id, string Name, string? IpAddress = null)
{
    public static Actor System { get; } = new(ActorKind.System, "system", "系统");

    public static Actor Staff(string userId, string name, string? ip = null) => new(ActorKind.Staff, userId, name, ip);

    public static Actor Student(long accountId, string? ip = null) => new(ActorKind.Student, accountId.ToString(CultureInfo.InvariantCulture), "学生", ip);
}
