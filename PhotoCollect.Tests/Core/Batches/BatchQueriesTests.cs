using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Core.Batches.BatchArrangements;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Batches;

public sealed class BatchQueriesTests
{
    [Fact]
    public async Task ListAsync_ScopedByRole_WithProgressAndCodeSearch()
    {
        await using var services = await TestServices.CreateAsync();
        var (a, b, sibling) = await AddSchoolsAsync(services);
        var commands = services.Provider.GetRequiredService<BatchCommands>();
        var queries = services.Provider.GetRequiredService<BatchQueries>();
        var actor = StaffScopes.ActorFor(StaffScopes.Admin);
        var inA = await commands.CreateAsync(StaffScopes.Admin, actor, Input(a.Id, "甲大学批次"));
        await commands.CreateAsync(StaffScopes.Admin, actor, Input(b.Id, "乙大学批次"));
        await commands.CreateAsync(StaffScopes.Admin, actor, Input(sibling.Id, "甲师范批次"));
        await AddSubmittedOrdersAsync(services, inA.Id, submitted: 3, approved: 1);

        var teacherRows = await queries.ListAsync(StaffScopes.Teacher(a.Id), new BatchListQuery());
        var reviewerRows = await queries.ListAsync(StaffScopes.Reviewer(a.BranchId), new BatchListQuery());
        var adminRows = await queries.ListAsync(StaffScopes.Admin, new BatchListQuery());
        var byCode = await queries.ListAsync(StaffScopes.Admin, new BatchListQuery { Search = inA.FeatureCode.ToLowerInvariant().Insert(4, "-") });
        var otherSchoolsCode = await queries.ListAsync(StaffScopes.Teacher(b.Id), new BatchListQuery { Search = inA.FeatureCode });

        var row = Assert.Single(teacherRows.Items);
        Assert.Equal("甲大学批次", row.Name);
        Assert.Equal((1, 4, 120), (row.Approved, row.Submitted, row.ExpectedHeadcount));
        Assert.Equal(["甲大学批次", "甲师范批次"], reviewerRows.Items.Select(r => r.Name).Order().ToList());
        Assert.Equal(3, adminRows.TotalCount);
        Assert.Equal(inA.Id, Assert.Single(byCode.Items).Id);
        Assert.Empty(otherSchoolsCode.Items);
    }


    [Fact]
    public async Task GetAndListOrders_OutsideScope_NotFound()
    {
        await using var services = await TestServices.CreateAsync();
        var (a, b, _) = await AddSchoolsAsync(services);
        var commands = services.Provider.GetRequiredService<BatchCommands>();
        var queries = services.Provider.GetRequiredService<BatchQueries>();
        var inB = await commands.CreateAsync(StaffScopes.Admin, StaffScopes.ActorFor(StaffScopes.Admin), Input(b.Id));
        var teacherA = StaffScopes.Teacher(a.Id);
        var reviewerA = StaffScopes.Reviewer(a.BranchId);

        foreach (var scope in new[] { teacherA, reviewerA })
        {
            Assert.Equal(BatchErrors.NotFound.Code, (await Assert.ThrowsAsync<DomainException>(() => queries.GetAsync(scope, inB.Id))).Code);
            Assert.Equal(BatchErrors.NotFound.Code, (await Assert.ThrowsAsync<DomainException>(() => queries.ListOrdersAsync(scope, inB.Id, new BatchOrderQuery()))).Code);
            Assert.Equal(BatchErrors.NotFound.Code, (await Assert.ThrowsAsync<DomainException>(() => commands.CloseAsync(scope, StaffScopes.ActorFor(scope), inB.Id, inB.Version))).Code);
        }

        var details = await queries.GetAsync(StaffScopes.Reviewer(b.BranchId), inB.Id);
        Assert.True(details.Permissions.CanClose);
    }


    [Fact]
    public async Task GetAsync_CountsPerStatusAndDailySubmissionsInChinaDays()
    {
        await using var services = await TestServices.CreateAsync();
        var (school, _, _) = await AddSchoolsAsync(services);
        var commands = services.Provider.GetRequiredService<BatchCommands>();
        var queries = services.Provider.GetRequiredService<BatchQueries>();
        var batch = await commands.CreateAsync(StaffScopes.Admin, StaffScopes.ActorFor(StaffScopes.Admin), Input(school.Id));
        await AddSubmittedOrdersAsync(services, batch.Id, submitted: 2, approved: 1);

        var details = await queries.GetAsync(StaffScopes.Admin, batch.Id);

        Assert.Equal(2, details.OrdersByStatus[OrderStatus.AwaitingPayment]);
        Assert.Equal(1, details.OrdersByStatus[OrderStatus.Approved]);
        Assert.Equal(3, details.Submitted);
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(Now).DateTime);
        Assert.Equal(today, details.DailySubmissions[^1].Day);
        Assert.Equal(3, details.DailySubmissions.Sum(d => d.Count));
        Assert.Equal(3, details.DailySubmissions[^1].Count);
    }
}
