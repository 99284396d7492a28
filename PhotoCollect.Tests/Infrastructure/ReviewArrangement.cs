using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>
/// Two branches with the seeded reason catalogue; orders pending review in branch A (oldest first
/// as listed) and one in branch B. Shared by the Core review tests and the workspace's bUnit tests.
/// </summary>
internal sealed class ReviewArrangement : IAsyncDisposable
{
    public required TestServices Services { get; init; }
    public required StaffScope ReviewerA { get; init; }
    public required StaffScope ReviewerA2 { get; init; }
    public required StaffScope ReviewerB { get; init; }
    public required int BatchA { get; init; }
    public required int SchoolA { get; init; }
    public required List<long> OrdersA { get; init; }
    public required long OrderB { get; init; }

    public ReviewQueue Queue => Services.Provider.GetRequiredService<ReviewQueue>();
    public ReviewClaims Claims => Services.Provider.GetRequiredService<ReviewClaims>();
    public ReviewDecisions Decisions => Services.Provider.GetRequiredService<ReviewDecisions>();
    public ReviewStats Stats => Services.Provider.GetRequiredService<ReviewStats>();
    public RejectionReasonService Reasons => Services.Provider.GetRequiredService<RejectionReasonService>();

    public static Actor Actor(StaffScope scope) => PhotoCollect.Core.Common.Actor.Staff(scope.UserId, scope.UserId == "reviewer2" ? "王审核" : StaffScopes.ActorFor(scope).Name);

    /// <param name="outcomes">Current photo outcome of each branch-A order; an index in <paramref name="resubmitted"/> marks a resubmission.</param>
    public static async Task<ReviewArrangement> CreateAsync(PhotoCheckOutcome[]? outcomes = null, int[]? resubmitted = null, TestDatabase? database = null)
    {
        outcomes ??= [PhotoCheckOutcome.Pass, PhotoCheckOutcome.PassWithWarnings, PhotoCheckOutcome.Pass];
        var services = await TestServices.CreateAsync(database: database);
        await services.Provider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        await using var db = services.Database.CreateDbContext();
        var (branchA, schoolA) = await AddSchoolAsync(db, "甲分社", "甲大学");
        var (_, schoolB) = await AddSchoolAsync(db, "乙分社", "乙大学");
        var reviewerA = StaffScopes.Reviewer(branchA.Id);
        var reviewerA2 = new StaffScope("reviewer2", false, branchA.Id, null);
        var reviewerB = StaffScopes.Reviewer(schoolB.BranchId);
        await StaffScopes.AddUsersAsync(db, StaffScopes.Admin, reviewerA, reviewerB);
        db.Users.Add(new AppUser { Id = "reviewer2", UserName = "r2@test.local", Email = "r2@test.local", DisplayName = "王审核", BranchId = branchA.Id, CreatedAt = Now });

        var batchA = Batch(priceFen: 0, school: schoolA);
        var batchB = Batch(priceFen: 0, school: schoolB, featureCode: "ZZZZZZZZ");
        db.CollectionBatches.AddRange(batchA, batchB);
        await db.SaveChangesAsync();

        var ordersA = new List<long>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            var order = await SavedOrderAsync(db, batchA);
            var photo = Photo(outcomes[i]);
            photo.CheckReportJson = Report(outcomes[i]).ToJson();
            order.AttachPhoto(photo, batchA, PhotoCollect.Core.Common.Actor.System, Now);
            order.Submit(batchA, PhotoCollect.Core.Common.Actor.System, Now.AddMinutes(-100 + i));
            if (resubmitted?.Contains(i) == true)
            {
                order.Reject(["blurry"], null, Actor(reviewerA), Now.AddMinutes(-90 + i));
                order.AttachPhoto(Photo(outcomes[i]), batchA, PhotoCollect.Core.Common.Actor.System, Now.AddMinutes(-80 + i));
                order.Resubmit(batchA, PhotoCollect.Core.Common.Actor.System, Now.AddMinutes(-70 + i));
            }

            await db.SaveChangesAsync();
            ordersA.Add(order.Id);
        }

        var orderB = await SavedOrderAsync(db, batchB);
        orderB.AttachPhoto(Photo(), batchB, PhotoCollect.Core.Common.Actor.System, Now);
        orderB.Submit(batchB, PhotoCollect.Core.Common.Actor.System, Now.AddMinutes(-200));
        await db.SaveChangesAsync();

        return new ReviewArrangement
        {
            Services = services, ReviewerA = reviewerA, ReviewerA2 = reviewerA2, ReviewerB = reviewerB,
            BatchA = batchA.Id, SchoolA = schoolA.Id, OrdersA = ordersA, OrderB = orderB.Id,
        };
    }

    public static PhotoCheckReport Report(PhotoCheckOutcome outcome) => new()
    {
        Outcome = outcome,
        Issues = outcome == PhotoCheckOutcome.Pass ? [] : [new PhotoIssue("photo.head_tilted", PhotoIssueSeverity.Warning, "头部略有倾斜。", "5.2°", "≤ 5°")],
        Measurements = new PhotoMeasurements { Width = 480, Height = 640, FileBytes = 40_000, EyeLineY = 250, CrownY = 70, FaceWidth = 220, FaceCentreX = 240 },
        Geometry = new PhotoGeometry { FaceBox = new BoxF(130, 150, 220, 240), CrownY = 70, EyeLineY = 250 },
        EngineVersion = "test",
        SpecVersion = "test",
    };

    /// <summary>What a reviewer sees of the order now: its current photo and version.</summary>
    public async Task<ReviewDecisionInput> InputAsync(long orderId, params string[] reasons)
    {
        await using var db = Services.Database.CreateDbContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        return new ReviewDecisionInput(orderId, order.CurrentPhotoVersionNo!.Value, order.Version, reasons);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    /// <summary>The record first: an order takes its student account id from the saved record.</summary>
    private static async Task<Order> SavedOrderAsync(PhotoCollectDbContext db, CollectionBatch batch)
    {
        var record = Record();
        db.StudentRecords.Add(record);
        await db.SaveChangesAsync();
        var order = NewOrder(batch, record);
        db.Orders.Add(order);
        return order;
    }
}
