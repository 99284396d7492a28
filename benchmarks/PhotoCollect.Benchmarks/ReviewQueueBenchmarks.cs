using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Schools;

namespace PhotoCollect.Benchmarks;

/// <summary>
/// The review queue (issue 6 budget: queue page with 100,000 orders ≤ 200 ms) on a SQLite file
/// holding 100,000 orders waiting for review in one branch (70 % clean passes, 30 % with
/// warnings, every tenth a resubmission with two photo versions) plus 20,000 decided orders,
/// through <see cref="ReviewService"/> exactly as the pages call it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReviewQueueBenchmarks
{
    private const int PendingOrders = 100_000;
    private const int DecidedOrders = 20_000;

    private string _file = "";
    private ReviewService _reviews = null!;
    private StaffScope _reviewer = null!;
    private StaffScope _admin = null!;
    private Actor _actor = null!;
    private long _middleOrderId;

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"pc-bench-review-{Guid.NewGuid():N}.db");
        var factory = new BenchmarkDatabase($"Data Source={_file}");
        using (var db = factory.CreateDbContext())
        {
            db.Database.Migrate();
        }

        var branchId = Seed(factory);
        _reviews = new ReviewService(factory, new FixedMonitor<PhotoSpec>(new PhotoSpec()), Options.Create(new ReviewOptions()), TimeProvider.System);
        _reviewer = new StaffScope("bench-reviewer", false, branchId, null);
        _admin = new StaffScope("bench-admin", true, null, null);
        _actor = Actor.Staff(_reviewer.UserId, "审核员");
        _middleOrderId = PendingOrders / 2;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Benchmark(Description = "Queue page: reviewer's branch, first 50, counts per filter (100k waiting)")]
    public Task<ReviewQueueResult> QueueFirstPage() => _reviews.GetQueueAsync(_reviewer, new ReviewQueueFilter());

    [Benchmark(Description = "Queue page: 有提示 filter, first 50 + counts")]
    public Task<ReviewQueueResult> QueueWarnings() =>
        _reviews.GetQueueAsync(_reviewer, new ReviewQueueFilter { Outcome = PhotoCheckOutcome.PassWithWarnings });

    [Benchmark(Description = "Queue page: resubmissions + waiting > 24 h, first 50 + counts")]
    public Task<ReviewQueueResult> QueueResubmissionsLongWait() =>
        _reviews.GetQueueAsync(_reviewer, new ReviewQueueFilter { ResubmissionsOnly = true, LongWaitOnly = true });

    [Benchmark(Description = "Queue page: admin, page 1000 (rows 49,951–50,000)")]
    public Task<ReviewQueueResult> QueueDeepPage() => _reviews.GetQueueAsync(_admin, new ReviewQueueFilter(), page: 999);

    [Benchmark(Description = "Workspace: open (claim) one order mid-queue, with neighbours")]
    public Task<ReviewWorkspace> OpenWorkspace() => _reviews.OpenAsync(_reviewer, _actor, _middleOrderId);

    private static int Seed(BenchmarkDatabase factory)
    {
        var now = DateTimeOffset.UtcNow;
        int batchId;
        int branchId;
        using (var db = factory.CreateDbContext())
        {
            var branch = new Branch { Name = "基准分社", CreatedAt = now };
            var school = new School { Name = "基准大学", Branch = branch, CreatedAt = now };
            db.AddRange(branch, school);
            db.Users.Add(new AppUser { Id = "bench-reviewer", UserName = "r@bench", Email = "r@bench", DisplayName = "审核员", CreatedAt = now });
            db.SaveChanges();
            var terms = new BatchTerms(
                "2027届基准批次", CollectionType.Centralised, now.AddDays(-40), now.AddDays(30), 0, PendingOrders + DecidedOrders, CollectionBatch.DefaultMaxSubmissions, null);
            var batch = CollectionBatch.Create(school, terms, "BENCHREV", Actor.System, now);
            batch.ClearPendingAuditEvents();
            db.CollectionBatches.Add(batch);
            db.SaveChanges();
            (batchId, branchId) = (batch.Id, branch.Id);
        }

        using var connection = new SqliteConnection($"Data Source={factory.File}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var account = BenchmarkDatabase.Command(connection, transaction, "INSERT INTO StudentAccounts (Id, OpenId, CreatedAt) VALUES ($id, $openid, $at)", "$id", "$openid", "$at");
        using var record = BenchmarkDatabase.Command(connection, transaction,
            "INSERT INTO StudentRecords (Id, StudentAccountId, ChsiStudentId, Name, IdNumberCipher, IdNumberIndex, IdNumberMasked, SchoolName, StudentNo, CreatedAt) " +
            "VALUES ($id, $id, $chsi, $name, 'x', $index, '110105********1234', '基准大学', $no, $at)", "$id", "$chsi", "$name", "$index", "$no", "$at");
        using var order = BenchmarkDatabase.Command(connection, transaction,
            "INSERT INTO Orders (Id, OrderNo, BatchId, StudentAccountId, StudentRecordId, ChsiStudentId, Status, CurrentPhotoVersionNo, ReviewedPhotoVersionNo, SubmissionCount, PriceFen, CreatedAt, UpdatedAt, SubmittedAt, Version) " +
            "VALUES ($id, $no, $batch, $id, $id, $chsi, $status, $current, $reviewed, $submissions, 0, $created, $created, $submitted, $version)",
            "$id", "$no", "$batch", "$chsi", "$status", "$current", "$reviewed", "$submissions", "$created", "$submitted", "$version");
        using var photo = BenchmarkDatabase.Command(connection, transaction,
            "INSERT INTO PhotoVersions (OrderId, VersionNo, StorageKey, SizeBytes, Width, Height, Sha256, Source, CheckReportJson, Outcome, UploadedAt) " +
            "VALUES ($order, $version, $key, 40000, 480, 640, $sha, 1, NULL, $outcome, $at)", "$order", "$version", "$key", "$sha", "$outcome", "$at");

        for (long id = 1; id <= PendingOrders + DecidedOrders; id++)
        {
            var pending = id <= PendingOrders;
            var resubmission = pending && id % 10 == 0;
            var created = now.AddMinutes(-(PendingOrders + DecidedOrders - id) / 2.0);
            var chsi = "CHSI" + id.ToString("D9", CultureInfo.InvariantCulture);
            var outcome = id % 10 < 7 ? PhotoCheckOutcome.Pass : PhotoCheckOutcome.PassWithWarnings;
            BenchmarkDatabase.Run(account, id, "openid-" + id.ToString(CultureInfo.InvariantCulture), created.UtcTicks);
            BenchmarkDatabase.Run(record, id, chsi, "学生" + id.ToString("D6", CultureInfo.InvariantCulture), "idx" + id.ToString(CultureInfo.InvariantCulture), "S" + id.ToString(CultureInfo.InvariantCulture), created.UtcTicks);
            BenchmarkDatabase.Run(order, id, "PC" + id.ToString("D14", CultureInfo.InvariantCulture), batchId, chsi, (int)(pending ? OrderStatus.PendingReview : OrderStatus.Approved),
                resubmission ? 2 : 1, resubmission ? 1 : DBNull.Value, resubmission ? 2 : 1, created.UtcTicks, created.AddMinutes(5).UtcTicks,
                Guid.NewGuid().ToString().ToUpperInvariant());
            for (var version = 1; version <= (resubmission ? 2 : 1); version++)
            {
                var sha = (id * 10 + version).ToString("D64", CultureInfo.InvariantCulture);
                BenchmarkDatabase.Run(photo, id, version, sha + ".jpg", sha, (int)outcome, created.UtcTicks);
            }
        }

        // Orders.CurrentPhotoOutcome as Order.AttachPhoto keeps it.
        using (var outcome = BenchmarkDatabase.Command(connection, transaction,
            "UPDATE Orders SET CurrentPhotoOutcome = (SELECT p.Outcome FROM PhotoVersions AS p WHERE p.OrderId = Orders.Id AND p.VersionNo = Orders.CurrentPhotoVersionNo)"))
        {
            outcome.ExecuteNonQuery();
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        analyze.ExecuteNonQuery();
        return branchId;
    }

    private sealed class FixedMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
