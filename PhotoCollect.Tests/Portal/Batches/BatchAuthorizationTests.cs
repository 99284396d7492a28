using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Demo;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Schools;
using PhotoCollect.Core.Storage;
using PhotoCollect.Core.Students;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Batches;

/// <summary>
/// The authorization matrix over the real portal: the demo teacher and reviewer against a
/// second branch's school, by URL and through the services the pages call.
/// </summary>
public sealed class BatchAuthorizationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string OtherSchoolName = "乙地大学（授权测试）";

    [Fact]
    public async Task Teacher_OtherSchoolsBatchAndOrder_NotFoundByUrl_OwnFound()
    {
        var (other, own) = await ArrangeAsync();
        using var client = await factory.SignInAsync(DemoDataSeeder.Teacher.Email, DemoDataSeeder.Teacher.Password);

        foreach (var path in new[]
        {
            $"/batches/{other.BatchId}", $"/batches/{other.BatchId}/edit", $"/batches/{other.BatchId}/notice",
            $"/orders/{other.OrderId}", $"/orders/{other.OrderId}/photos/1",
        })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain(other.FeatureCode, await response.Content.ReadAsStringAsync());
        }

        var ownBatch = await client.GetAsync($"/batches/{own.BatchId}");
        Assert.Equal(HttpStatusCode.OK, ownBatch.StatusCode);
        Assert.Contains(own.FeatureCode, await ownBatch.Content.ReadAsStringAsync());
        var ownPhoto = await client.GetAsync($"/orders/{own.OrderId}/photos/1");
        Assert.Equal(HttpStatusCode.OK, ownPhoto.StatusCode);
        Assert.Equal("image/jpeg", ownPhoto.Content.Headers.ContentType!.MediaType);
        Assert.True(ownPhoto.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Reviewer_OtherBranch_NotFoundByUrl_OwnBranchFound()
    {
        var (other, own) = await ArrangeAsync();
        using var client = await factory.SignInAsync(DemoDataSeeder.Reviewer.Email, DemoDataSeeder.Reviewer.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/batches/{other.BatchId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/orders/{other.OrderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/batches/{own.BatchId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/orders/{own.OrderId}")).StatusCode);
    }

    [Fact]
    public async Task TeacherAndReviewer_ActionsOnOtherBranch_RefusedAndNothingChanges()
    {
        var (other, _) = await ArrangeAsync();
        var queries = factory.Services.GetRequiredService<BatchQueries>();
        var commands = factory.Services.GetRequiredService<BatchCommands>();
        var orders = factory.Services.GetRequiredService<OrderDetailsService>();
        var input = new BatchInput
        {
            SchoolId = other.SchoolId, Name = "篡改", OpensAtLocal = DateTime.Today, ClosesAtLocal = DateTime.Today.AddDays(9), PriceYuan = 1,
        };

        foreach (var email in new[] { DemoDataSeeder.Teacher.Email, DemoDataSeeder.Reviewer.Email })
        {
            var scope = await ScopeOfAsync(email);
            var actor = Actor.Staff(scope.UserId, email);
            var version = other.Version;
            await AssertNotFoundAsync(() => commands.CloseAsync(scope, actor, other.BatchId, version));
            await AssertNotFoundAsync(() => commands.RegenerateFeatureCodeAsync(scope, actor, other.BatchId, version));
            await AssertNotFoundAsync(() => commands.UpdateAsync(scope, actor, other.BatchId, version, input));
            await AssertNotFoundAsync(() => queries.ListOrdersAsync(scope, other.BatchId, new BatchOrderQuery()));
            Assert.Equal(OrderErrors.NotFound.Code, (await Assert.ThrowsAsync<DomainException>(() => orders.GetAsync(scope, other.OrderId))).Code);
            Assert.Null(await orders.PhotoKeyAsync(scope, other.OrderId, 1));
            Assert.DoesNotContain((await queries.ListAsync(scope, new BatchListQuery { Page = new PageRequest(PageSize: 200) })).Items, b => b.Id == other.BatchId);
            var created = await Assert.ThrowsAsync<DomainException>(() => commands.CreateAsync(scope, actor, input));
            Assert.Equal(BatchErrors.SchoolNotAllowed.Code, created.Code);
        }

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();
        var batch = await db.CollectionBatches.SingleAsync(b => b.Id == other.BatchId);
        Assert.Equal((BatchStatus.Open, other.FeatureCode, other.Version), (batch.Status, batch.FeatureCode, batch.Version));
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/branches")]
    [InlineData("/admin/schools")]
    [InlineData("/admin/reasons")]
    [InlineData("/admin/settings")]
    [InlineData("/admin/audit")]
    public async Task NonAdmins_AdminPages_AccessDenied(string path)
    {
        foreach (var account in new[] { DemoDataSeeder.Teacher, DemoDataSeeder.Reviewer })
        {
            using var client = await factory.SignInAsync(account.Email, account.Password);

            var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        }

        using var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
    }

    private static async Task AssertNotFoundAsync(Func<Task> action) =>
        Assert.Equal(BatchErrors.NotFound.Code, (await Assert.ThrowsAsync<DomainException>(action)).Code);

    private async Task<StaffScope> ScopeOfAsync(string email)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return new StaffScope(user.Id, false, user.BranchId, user.SchoolId);
    }

    private sealed record Target(int SchoolId, int BatchId, string FeatureCode, Guid Version, long OrderId);

    /// <summary>A second branch's school with a batch and an order with a photo, plus the demo school's first batch and photographed order.</summary>
    private async Task<(Target Other, Target Own)> ArrangeAsync()
    {
        _ = factory.Server;
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Schools.AnyAsync(s => s.Name == OtherSchoolName))
        {
            var branch = new Branch { Name = "乙地分社（授权测试）", CreatedAt = Builders.Now };
            var school = new School { Name = OtherSchoolName, Branch = branch, CreatedAt = Builders.Now };
            db.AddRange(branch, school);
            await db.SaveChangesAsync();
            var batch = Builders.Batch(school: school, featureCode: "QQQQ2345", opensAt: DateTimeOffset.UtcNow.AddDays(-1), closesAt: DateTimeOffset.UtcNow.AddDays(30));
            db.CollectionBatches.Add(batch);
            var record = Builders.Record(factory.Services.GetRequiredService<PersonalDataProtector>());
            db.StudentRecords.Add(record);
            await db.SaveChangesAsync();
            var order = Order.Create("PCAUTHZ0000000001", batch, record, Actor.System, DateTimeOffset.UtcNow);
            db.Orders.Add(order);
            var stored = await factory.Services.GetRequiredService<IFileStore>().PutAsync(new MemoryStream([0xFF, 0xD8, 0xFF, 0xD9]), "jpg");
            var photo = Builders.Photo();
            photo.StorageKey = stored.Key;
            photo.Sha256 = stored.Sha256;
            order.AttachPhoto(photo, batch, Actor.System, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var otherBatch = await db.CollectionBatches.AsNoTracking().SingleAsync(b => b.School!.Name == OtherSchoolName);
        var otherOrder = await db.Orders.SingleAsync(o => o.BatchId == otherBatch.Id);
        var ownOrder = await db.Orders.AsNoTracking().Where(o => o.Batch!.School!.Name == DemoDataSeeder.SchoolName && o.Photos.Any()).OrderBy(o => o.Id).FirstAsync();
        var ownBatch = await db.CollectionBatches.AsNoTracking().SingleAsync(b => b.Id == ownOrder.BatchId);
        return (new Target(otherBatch.SchoolId, otherBatch.Id, otherBatch.FeatureCode, otherBatch.Version, otherOrder.Id),
                new Target(ownBatch.SchoolId, ownBatch.Id, ownBatch.FeatureCode, ownBatch.Version, ownOrder.Id));
    }
}
