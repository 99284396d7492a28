using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Dashboard;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Dashboard;

public sealed class DashboardServiceTests : IAsyncLifetime
{
    private TestServices _services = null!;
    private int _schoolA;
    private int _schoolB;
    private int _branchA;

    public async Task InitializeAsync()
    {
        _services = await TestServices.CreateAsync();
        await using var db = _services.Database.CreateDbContext();
        var (branchA, schoolA) = await AddSchoolAsync(db, "甲分社", "甲大学");
        var (_, schoolB) = await AddSchoolAsync(db, "乙分社", "乙大学");
        (_schoolA, _schoolB, _branchA) = (schoolA.Id, schoolB.Id, branchA.Id);

        var batchA = Batch(priceFen: 0, school: schoolA);
        var batchB = Batch(priceFen: 0, school: schoolB, featureCode: "BBBBBBBB");
        db.CollectionBatches.AddRange(batchA, batchB);
        await db.SaveChangesAsync();

        // School A: 2 pending review (submitted today), 1 draft. School B: 1 pending review submitted yesterday.
        foreach (var (batch, submit, at) in new[] { (batchA, true, Now), (batchA, true, Now), (batchA, false, Now), (batchB, true, Now.AddDays(-1)) })
        {
            var record = Record();
            db.StudentRecords.Add(record);
            await db.SaveChangesAsync();
            var order = Order.Create("PC" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), batch, record, Actor.System, at);
            db.Orders.Add(order);
            order.AttachPhoto(Photo(), batch, Actor.System, at);
            if (submit)
            {
                order.Submit(batch, Actor.System, at);
            }
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private Task<DashboardFigures> GetAsync(StaffScope scope) =>
        _services.Provider.GetRequiredService<DashboardService>().GetAsync(scope);

    [Fact]
    public async Task Admin_SeesEverything()
    {
        var figures = await GetAsync(new StaffScope("admin", true, null, null));

        Assert.Equal("全部分社", figures.ScopeName);
        Assert.Equal(4, figures.TotalOrders);
        Assert.Equal(3, figures.OrdersByStatus[OrderStatus.PendingReview]);
        Assert.Equal(1, figures.OrdersByStatus[OrderStatus.Draft]);
        Assert.Equal(0, figures.OrdersByStatus[OrderStatus.Approved]);
        Assert.Equal(2, figures.OpenBatches);
        Assert.Equal(2, figures.SubmittedToday);
    }

    [Fact]
    public async Task Teacher_SeesOnlyOwnSchool()
    {
        var figures = await GetAsync(new StaffScope("t", false, null, _schoolB));

        Assert.Equal("乙大学", figures.ScopeName);
        Assert.Equal(1, figures.TotalOrders);
        Assert.Equal(1, figures.OrdersByStatus[OrderStatus.PendingReview]);
        Assert.Equal(1, figures.OpenBatches);
        Assert.Equal(0, figures.SubmittedToday);
    }

    [Fact]
    public async Task Reviewer_SeesOnlyOwnBranch()
    {
        var figures = await GetAsync(new StaffScope("r", false, _branchA, null));

        Assert.Equal("甲分社", figures.ScopeName);
        Assert.Equal(3, figures.TotalOrders);
        Assert.Equal(2, figures.SubmittedToday);
    }

    [Fact]
    public async Task UserWithoutBranchOrSchool_SeesNothing()
    {
        var figures = await GetAsync(new StaffScope("x", false, null, null));

        Assert.Equal(0, figures.TotalOrders);
        Assert.Equal(0, figures.OpenBatches);
    }

    [Fact]
    public async Task SubmittedToday_UsesChinaCalendarDay()
    {
        // 15:59 UTC on the 28th is 23:59 in China; an hour later it is the 29th there.
        _services.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 17, 0, 0, TimeSpan.Zero));

        var figures = await GetAsync(new StaffScope("admin", true, null, null));

        Assert.Equal(0, figures.SubmittedToday);
    }

    [Fact]
    public async Task SubmittedToday_JustBeforeChinaMidnight_CountsTodaysSubmissions()
    {
        // Submissions were at 02:00 UTC = 10:00 China; 15:59 UTC is still the same China day.
        _services.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 15, 59, 0, TimeSpan.Zero));

        var figures = await GetAsync(new StaffScope("admin", true, null, null));

        Assert.Equal(2, figures.SubmittedToday);
    }

    [Fact]
    public async Task OpenBatches_PastTheirDeadline_NotCounted()
    {
        _services.Time.SetUtcNow(Now.AddDays(31));

        var figures = await GetAsync(new StaffScope("admin", true, null, null));

        Assert.Equal(0, figures.OpenBatches);
    }
}
