using PhotoCollect.Core.Common;
using PhotoCollect.Core.Identity;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>Scopes and actors for service tests, as the portal builds them from the cookie.</summary>
public static class StaffScopes
{
    public static StaffScope Admin { get; } = new("admin-id", true, null, null);

    public static StaffScope Teacher(int schoolId) => new("teacher-" + schoolId, false, null, schoolId);

    public static StaffScope Reviewer(int branchId) => new("reviewer-" + branchId, false, branchId, null);

    /// <summary>Adds the users behind the scopes (batches reference their creator).</summary>
    public static async Task AddUsersAsync(PhotoCollect.Core.Data.PhotoCollectDbContext db, params StaffScope[] scopes)
    {
        foreach (var scope in scopes)
        {
            db.Users.Add(new AppUser
            {
                Id = scope.UserId,
                UserName = scope.UserId + "@test.local",
                NormalizedUserName = (scope.UserId + "@test.local").ToUpperInvariant(),
                Email = scope.UserId + "@test.local",
                DisplayName = ActorFor(scope).Name,
                BranchId = scope.BranchId,
                SchoolId = scope.SchoolId,
                CreatedAt = Builders.Now,
            });
        }

        await db.SaveChangesAsync();
    }

    public static Actor ActorFor(StaffScope scope) => Actor.Staff(scope.UserId, scope.IsAdmin ? "管理员" : scope.SchoolId is not null ? "王老师" : "李审核");
}
