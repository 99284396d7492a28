using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Demo;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Schools;
using PhotoCollect.Core.Students;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Reviews;

/// <summary>The review pages over the real portal: policy, and scope inside the queries.</summary>
public sealed class ReviewAuthorizationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Reviewer_OtherBranchOrder_NotFound_OwnBranchOrderOpens()
    {
        var (otherOrderNo, otherOrderId, ownOrderNo, ownOrderId) = await ArrangeAsync();
        using var client = await factory.SignInAsync(DemoDataSeeder.Reviewer.Email, DemoDataSeeder.Reviewer.Password);

        var other = await client.GetAsync($"/reviews/{otherOrderId}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain(otherOrderNo, await other.Content.ReadAsStringAsync());

        var own = await client.GetAsync($"/reviews/{ownOrderId}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(ownOrderNo, await own.Content.ReadAsStringAsync());

        var queue = await client.GetStringAsync("/reviews");
        Assert.Contains(ownOrderNo, queue);
        Assert.DoesNotContain(otherOrderNo, queue);

        using var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        Assert.Contains(otherOrderNo, await admin.GetStringAsync($"/reviews/{otherOrderId}"));
    }

    [Theory]
    [InlineData("/reviews")]
    [InlineData("/reviews/1")]
    public async Task Teacher_ReviewPages_AccessDenied(string path)
    {
        using var client = await factory.SignInAsync(DemoDataSeeder.Teacher.Email, DemoDataSeeder.Teacher.Password);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    /// <summary>A second branch's order in 待审核, and the demo branch's oldest order in 待审核.</summary>
    private async Task<(string OtherNo, long OtherId, string OwnNo, long OwnId)> ArrangeAsync()
    {
        _ = factory.Server;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();
        const string orderNo = "PCREVIEWAUTHZ0001";
        if (!await db.Orders.AnyAsync(o => o.OrderNo == orderNo))
        {
            var branch = new Branch { Name = "丙地分社（审核授权测试）", CreatedAt = Builders.Now };
            var school = new School { Name = "丙地大学（审核授权测试）", Branch = branch, CreatedAt = Builders.Now };
            db.AddRange(branch, school);
            await db.SaveChangesAsync();
            var batch = Builders.Batch(priceFen: 0, school: school, featureCode: "RRRR2345", opensAt: DateTimeOffset.UtcNow.AddDays(-1), closesAt: DateTimeOffset.UtcNow.AddDays(30));
            db.CollectionBatches.Add(batch);
            var record = Builders.Record(factory.Services.GetRequiredService<PersonalDataProtector>());
            db.StudentRecords.Add(record);
            await db.SaveChangesAsync();
            var order = Order.Create(orderNo, batch, record, Actor.System, DateTimeOffset.UtcNow);
            db.Orders.Add(order);
            order.AttachPhoto(Builders.Photo(), batch, Actor.System, DateTimeOffset.UtcNow);
            order.Submit(batch, Actor.System, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var other = await db.Orders.AsNoTracking().SingleAsync(o => o.OrderNo == orderNo);
        var own = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.PendingReview && o.Batch!.School!.Name == DemoDataSeeder.SchoolName)
            .OrderBy(o => o.SubmittedAt).FirstAsync();
        return (other.OrderNo, other.Id, own.OrderNo, own.Id);
    }
}
