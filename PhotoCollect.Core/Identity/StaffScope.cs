using System.Globalization;
using System.Security.Claims;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Schools;

namespace PhotoCollect.Core.Identity;

/// <summary>
/// What a portal user may see: admins everything, reviewers their branch, teachers their
/// school. Applied inside queries, so a hidden button is never the only guard.
/// </summary>
public sealed record StaffScope(string UserId, bool IsAdmin, int? BranchId, int? SchoolId)
{
    public static StaffScope FromPrincipal(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (user.IsInRole(Roles.Admin))
        {
            return new StaffScope(userId, true, null, null);
        }

        return new StaffScope(
            userId,
            false,
            user.IsInRole(Roles.Reviewer) ? ParseId(user.FindFirstValue(StaffClaims.BranchId)) : null,
            user.IsInRole(Roles.Teacher) ? ParseId(user.FindFirstValue(StaffClaims.SchoolId)) : null);
    }

    public IQueryable<CollectionBatch> Apply(IQueryable<CollectionBatch> batches)
    {
        if (IsAdmin)
        {
            return batches;
        }

        var branchId = BranchId;
        var schoolId = SchoolId;
        return batches.Where(b => (branchId != null && b.BranchId == branchId) || (schoolId != null && b.SchoolId == schoolId));
    }

    public IQueryable<Order> Apply(IQueryable<Order> orders)
    {
        if (IsAdmin)
        {
            return orders;
        }

        var branchId = BranchId;
        var schoolId = SchoolId;
        return orders.Where(o => (branchId != null && o.Batch!.BranchId == branchId) || (schoolId != null && o.Batch!.SchoolId == schoolId));
    }

    /// <summary>Schools the user may create batches for: a teacher's own, a reviewer's branch's, all for admins.</summary>
    public IQueryable<School> Apply(IQueryable<School> schools)
    {
        if (IsAdmin)
        {
            return schools;
        }

        var branchId = BranchId;
        var schoolId = SchoolId;
        return schools.Where(s => (branchId != null && s.BranchId == branchId) || (schoolId != null && s.Id == schoolId));
    }

    /// <summary>Branch staff and admins manage a batch's life cycle end to end (archiving starts the retention clock).</summary>
    public bool CanArchive => IsAdmin || BranchId is not null;

    public bool CanAccess(CollectionBatch batch) =>
        IsAdmin || (BranchId is not null && batch.BranchId == BranchId) || (SchoolId is not null && batch.SchoolId == SchoolId);

    private static int? ParseId(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
