using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Demo;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Orders;

/// <summary>Simultaneous requests from the same student (double taps, two phones) on a real SQLite file.</summary>
public sealed class StudentOrderCommandsConcurrencyTests
{
    private static readonly string IdNumber = "11010520040101123" + ChineseIdNumber.ComputeCheckCharacter("11010520040101123");

    [Fact]
    public async Task Confirm_SameStudentManyTimesAtOnce_ExactlyOneOrder_OthersToldItExists()
    {
        await using var database = await TestDatabase.CreateFileAsync();
        await using var services = await TestServices.CreateAsync(database: database);
        var (accountId, batches) = await ArrangeAsync(services, batchCount: 1);
        var orders = services.Provider.GetRequiredService<StudentOrderCommands>();
        var request = Request(services, batches[0]);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await orders.ConfirmAsync(accountId, request, null, CancellationToken.None)).OrderNo;
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        })));

        Assert.Single(results, r => r.StartsWith("PC", StringComparison.Ordinal));
        Assert.All(results.Where(r => !r.StartsWith("PC", StringComparison.Ordinal)), r => Assert.Equal(OrderErrors.DuplicateLiveOrder.Code, r));
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync());
        Assert.Equal(1, await db.StudentRecords.CountAsync());
    }

    [Fact]
    public async Task Confirm_SameStudentIntoTwoBatchesAtOnce_BothOrders_OneRecord()
    {
        await using var database = await TestDatabase.CreateFileAsync();
        await using var services = await TestServices.CreateAsync(database: database);
        var (accountId, batches) = await ArrangeAsync(services, batchCount: 2);
        var orders = services.Provider.GetRequiredService<StudentOrderCommands>();

        await Task.WhenAll(batches.Select(b => Task.Run(() => orders.ConfirmAsync(accountId, Request(services, b), null, CancellationToken.None))));

        await using var db = database.CreateDbContext();
        Assert.Equal(2, await db.Orders.CountAsync());
        var record = await db.StudentRecords.SingleAsync();
        Assert.Equal(IdNumber, services.Provider.GetRequiredService<PersonalDataProtector>().RevealIdNumber(record));
    }

    [Fact]
    public async Task UploadPhoto_TwoAtOnce_EachStoredVersionHasItsFile_NoneOrphaned()
    {
        await using var database = await TestDatabase.CreateFileAsync();
        await using var services = await TestServices.CreateAsync(database: database);
        var (accountId, batches) = await ArrangeAsync(services, batchCount: 1);
        var orders = services.Provider.GetRequiredService<StudentOrderCommands>();
        var photos = services.Provider.GetRequiredService<StudentPhotoCommands>();
        var order = await orders.ConfirmAsync(accountId, Request(services, batches[0]), null, CancellationToken.None);
        var inspector = services.Provider.GetRequiredService<PhotoInspector>();
        var spec = services.Provider.GetRequiredService<IOptions<PhotoSpec>>().Value;
        var pictures = Enumerable.Range(1, 60).Select(DemoPhotoFactory.Create).Where(b => inspector.Inspect(b, spec).Outcome == PhotoCheckOutcome.Pass).Take(2).ToList();

        var outcomes = await Task.WhenAll(pictures.Select(photo => Task.Run(async () =>
        {
            try
            {
                return (await photos.UploadPhotoAsync(accountId, order.Id, photo, PhotoSource.Camera, null, CancellationToken.None)).Accepted ? "stored" : "refused";
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        })));

        Assert.All(outcomes, o => Assert.Contains(o, new[] { "stored", OrderErrors.ConcurrentChange.Code }));
        Assert.Contains("stored", outcomes);
        await using var db = database.CreateDbContext();
        var versions = await db.PhotoVersions.Where(p => p.OrderId == order.Id).ToListAsync();
        Assert.Equal(outcomes.Count(o => o == "stored"), versions.Count);
        Assert.Equal(versions.Select(v => v.VersionNo).Order(), Enumerable.Range(1, versions.Count));
        var files = Directory.Exists(services.FileRoot) ? Directory.EnumerateFiles(services.FileRoot, "*.jpg", SearchOption.AllDirectories).Count() : 0;
        Assert.Equal(versions.Count, files);
    }

    private static ConfirmOrderRequest Request(TestServices services, CollectionBatch batch)
    {
        var student = new ChsiStudent { ChsiStudentId = "CHSI-RACE", Name = "孙小芳", IdNumber = IdNumber, SchoolName = "测试大学" };
        var code = services.Provider.GetRequiredService<ChsiCodeIssuer>().Issue(student, services.Time.GetUtcNow());
        return new ConfirmOrderRequest(batch.FeatureCode, batch.Type, code, IdNumber[^4..], "student@example.com", "13800138000");
    }

    private static async Task<(long AccountId, List<CollectionBatch> Batches)> ArrangeAsync(TestServices services, int batchCount)
    {
        await using var db = services.Database.CreateDbContext();
        var (_, school) = await AddSchoolAsync(db);
        var batches = new List<CollectionBatch>();
        for (var i = 0; i < batchCount; i++)
        {
            var batch = Batch(priceFen: 0, school: school, featureCode: "RACE" + "ABCD"[i] + "XYZ");
            batches.Add(batch);
        }

        db.CollectionBatches.AddRange(batches);
        var account = new StudentAccount { OpenId = "o-race", CreatedAt = Now };
        db.StudentAccounts.Add(account);
        await db.SaveChangesAsync();
        return (account.Id, batches);
    }
}
