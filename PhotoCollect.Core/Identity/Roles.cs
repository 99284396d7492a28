namespace PhotoCollect.Core.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Reviewer = "Reviewer";
    public const string Teacher = "Teacher";

    public static readonly IReadOnlyList<string> All = [Admin, Reviewer, Teacher];

    public static string DisplayName(string role) => role switch
    {
        Admin => "管理员",
        Reviewer => "分社审核员",
        Teacher => "老师",
        _ => role,
    };
}

public static class Policies
{
    /// <summary>Any active portal user (admin, reviewer or teacher).</summary>
    public const string Staff = "Staff";
    public const string Admin = "AdminOnly";
    public const string ReviewerOrAdmin = "ReviewerOrAdmin";

    /// <summary>A mini-program student with a bearer token from <c>/api/v1/auth/wechat</c>; never satisfied by a portal cookie.</summary>
    public const string Student = "Student";
}

/// <summary>Claims added to the portal cookie so scope checks need no extra query.</summary>
public static class StaffClaims
{
    public const string BranchId = "pc:branch";
    public const string SchoolId = "pc:school";
    public const string DisplayName = "pc:name";
}
