using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Schools;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Batches;

/// <summary>Schools, staff, form input and orders that the batch command and query tests share.</summary>
internal static class BatchArrangements
{
    public static BatchInput Input(int schoolId, string name = "2027届毕业生采集", decimal price = 30.5m) => new()
    {
        SchoolId = schoolId,
        Name = name,
        Type = CollectionType.Centralised,
        OpensAtLocal = new DateTime(2026, 11, 28, 8, 0, 0),
        ClosesAtLocal = new DateTime(2026, 12, 20, 18, 0, 0),
        PriceYuan = price,
        ExpectedHeadcount = 120,
        MaxSubmissions = 3,
    };

    public static async Task<(School A, School B, School SameBranchAsA)> AddSchoolsAsync(TestServices services)
    {
        await using var db = services.Database.CreateDbContext();
        var (branch, a) = await AddSchoolAsync(db, "甲分社", "甲大学");
        var (_, b) = await AddSchoolAsync(db, "乙分社", "乙大学");
        var sibling = new School { Name = "甲师范学院", BranchId = branch.Id, CreatedAt = Now };
        db.Schools.Add(sibling);
        await db.SaveChangesAsync();
        await StaffScopes.AddUsersAsync(db, StaffScopes.Admin, StaffScopes.Teacher(a.Id), StaffScopes.Teacher(b.Id), StaffScopes.Reviewer(a.BranchId), StaffScopes.Reviewer(b.BranchId));
        return (a, b, sibling);
    }

    /// <summary>Submitted orders (awaiting payment) plus approved ones, submitted "now".</summary>
    public static async Task AddSubmittedOrdersAsync(TestServices services, int batchId, int submitted, int approved)
    {
        await using var db = services.Database.CreateDbContext();
        var batch = await db.CollectionBatches.SingleAsync(b => b.Id == batchId);
        for (var i = 0; i < submitted + approved; i++)
        {
            var record = Record();
            db.StudentRecords.Add(record);
            await db.SaveChangesAsync();
            var order = NewOrder(batch, record);
            db.Orders.Add(order);
            order.AttachPhoto(Photo(), batch, Actor.System, Now);
            order.Submit(batch, Actor.System, Now);
            if (i >= submitted)
            {
                order.ConfirmPayment(order.PriceFen, Actor.System, Now);
                order.Approve(Actor.System, Now);
            }
        }

        await db.SaveChangesAsync();
    }
}
