using Microsoft.AspNetCore.Identity;
using PhotoCollect.Core.Schools;

namespace PhotoCollect.Core.Identity;

/// <summary>A portal user. Reviewers belong to a branch, teachers to a school.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? BranchId { get; set; }
    public Branch? Branch { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
