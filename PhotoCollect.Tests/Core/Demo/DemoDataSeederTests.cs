using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Demo;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Storage;
using PhotoCollect.Core.Students;
using PhotoCollect.Tests.Infrastructure;
using SixLabors.ImageSharp;

namespace PhotoCollect.Tests.Core.Demo;

public sealed class DemoDataSeederTests
{
    private static async Task SeedAsync(TestServices services)
    {
        await using var scope = services.Provider.CreateAsyncScope();
        await services.EnsureAdminAsync();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
    }

    [Fact]
    public async Task Seed_CreatesOrdersInEveryStateWithRealPhotos_AndIsIdempotent()
    {
        await using var services = await TestServices.CreateAsync();

        await SeedAsync(services);
        await SeedAsync(services);

        await using var db = services.Database.CreateDbContext();
        Assert.Single(await db.Branches.ToListAsync());
        Assert.Equal(2, await db.CollectionBatches.CountAsync());
        Assert.Equal(3, await db.Users.CountAsync());
        var statuses = await db.Orders.Select(o => o.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<OrderStatus>().OrderBy(s => s), statuses.OrderBy(s => s));
        Assert.True(await db.Orders.CountAsync(o => o.Status == OrderStatus.PendingReview) >= 20);
        Assert.True(await db.Orders.AnyAsync(o => o.ExportedAt != null));
        Assert.True(await db.Orders.AnyAsync(o => o.Status == OrderStatus.PendingReview && o.SubmissionCount == 2));

        var store = services.Provider.GetRequiredService<IFileStore>();
        var photos = await db.PhotoVersions.ToListAsync();
        Assert.NotEmpty(photos);
        foreach (var photo in photos)
        {
            await using var stream = store.OpenRead(photo.StorageKey);
            var info = Image.Identify(stream);
            Assert.Equal((480, 640), (info.Width, info.Height));
            Assert.True(photo.SizeBytes >= 30 * 1024, $"{photo.SizeBytes} bytes");

            // Engine-checked: the stored report is the real verdict on these bytes.
            var report = PhotoCheckReport.FromJson(photo.CheckReportJson!)!;
            Assert.Equal(PhotoCheckOutcome.Pass, report.Outcome);
            Assert.Equal(photo.Outcome, report.Outcome);
            Assert.Equal(photo.SizeBytes, report.Measurements.FileBytes);
            Assert.Equal(1, report.Measurements.FaceCount);
        }

        var protector = services.Provider.GetRequiredService<PersonalDataProtector>();
        var record = await db.StudentRecords.FirstAsync();
        Assert.True(ChineseIdNumber.IsValid(protector.RevealIdNumber(record)));
        Assert.Equal(Masking.IdNumber(protector.RevealIdNumber(record)), record.IdNumberMasked);
    }

    [Fact]
    public async Task Seed_DemoAccountsCanSignIn()
    {
        await using var services = await TestServices.CreateAsync();
        await SeedAsync(services);

        await using var scope = services.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var teacher = await users.FindByEmailAsync(DemoDataSeeder.Teacher.Email);
        var reviewer = await users.FindByEmailAsync(DemoDataSeeder.Reviewer.Email);
        Assert.True(await users.CheckPasswordAsync(teacher!, DemoDataSeeder.Teacher.Password));
        Assert.True(await users.IsInRoleAsync(teacher!, Roles.Teacher));
        Assert.NotNull(teacher!.SchoolId);
        Assert.True(await users.IsInRoleAsync(reviewer!, Roles.Reviewer));
        Assert.NotNull(reviewer!.BranchId);
    }
}
