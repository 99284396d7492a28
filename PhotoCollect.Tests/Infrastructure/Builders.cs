using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Schools;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>Small builders for valid domain objects; tests change only what they are about.</summary>
public static class Builders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
    private static int _sequence;

    public static CollectionBatch Batch(
        int priceFen = 3000, BatchStatus status = BatchStatus.Open, int maxSubmissions = 3, School? school = null,
        string featureCode = "ABCDEFGH", DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, Actor? createdBy = null)
    {
        var terms = new BatchTerms("2027届毕业生采集", CollectionType.Centralised, opensAt ?? Now.AddDays(-1), closesAt ?? Now.AddDays(30), priceFen, 0, maxSubmissions, null);
        var batch = CollectionBatch.Create(school ?? new School { Id = 1, BranchId = 1, Name = "示例大学" }, terms, featureCode, createdBy ?? Actor.System, Now.AddDays(-1));
        batch.School = school;
        batch.Id = school is null ? 1 : 0;
        MoveTo(batch, status, Now.AddDays(-1));
        batch.ClearPendingAuditEvents();
        return batch;
    }

    /// <summary>Takes an open batch to <paramref name="status"/> the way staff would (close, then archive).</summary>
    public static void MoveTo(CollectionBatch batch, BatchStatus status, DateTimeOffset now)
    {
        if (status != BatchStatus.Open && batch.Status == BatchStatus.Open)
        {
            batch.Close(Actor.System, now);
        }

        if (status == BatchStatus.Archived && batch.Status == BatchStatus.Closed)
        {
            batch.Archive(Actor.System, now);
        }
    }

    public static StudentRecord Record(PersonalDataProtector? protector = null, string idNumber = "110105200401011234")
    {
        var n = Interlocked.Increment(ref _sequence);
        var record = new StudentRecord
        {
            StudentAccount = new StudentAccount { OpenId = $"openid-{n}", CreatedAt = Now },
            ChsiStudentId = $"CHSI{n:D6}",
            Name = "孙小芳",
            IdNumberCipher = "",
            IdNumberIndex = "",
            IdNumberMasked = "",
            SchoolName = "示例大学",
            StudentNo = $"2023{n:D5}",
            CreatedAt = Now,
        };
        (protector ?? TestKeys.Protector()).SetIdNumber(record, idNumber);
        return record;
    }

    public static PhotoVersion Photo(PhotoCheckOutcome outcome = PhotoCheckOutcome.Pass) => new()
    {
        StorageKey = new string('a', 64) + ".jpg",
        Sha256 = new string('a', 64),
        SizeBytes = 40_000,
        Width = 480,
        Height = 640,
        Outcome = outcome,
        UploadedAt = Now,
    };

    public static Order NewOrder(CollectionBatch batch, StudentRecord? record = null) =>
        Order.Create("PC20261128" + Interlocked.Increment(ref _sequence).ToString("D8", System.Globalization.CultureInfo.InvariantCulture), batch, record ?? Record(), Actor.System, Now);

    /// <summary>Saves a branch and a school and returns them.</summary>
    public static async Task<(Branch Branch, School School)> AddSchoolAsync(PhotoCollectDbContext db, string branchName = "测试分社", string schoolName = "测试大学")
    {
        var branch = new Branch { Name = branchName, CreatedAt = Now };
        var school = new School { Name = schoolName, Branch = branch, CreatedAt = Now };
        db.AddRange(branch, school);
        await db.SaveChangesAsync();
        return (branch, school);
    }
}
