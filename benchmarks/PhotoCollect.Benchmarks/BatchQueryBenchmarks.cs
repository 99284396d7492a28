using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Schools;

namespace PhotoCollect.Benchmarks;

/// <summary>
/// The portal's batch queries (issue 5 budget: ≤ 200 ms) on a SQLite file with 100,000 orders in
/// one batch plus 199 smaller batches of 100 orders each (119,900 orders in all), through
/// <see cref="BatchQueries"/> exactly as the pages call it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BatchQueryBenchmarks
{
    private const int BigBatchOrders = 100_000;
    private const int OtherBatches = 199;
    private const int OrdersPerOtherBatch = 100;

    private static readonly OrderStatus[] StatusMix =
    [
        OrderStatus.PendingReview, OrderStatus.PendingReview, OrderStatus.PendingReview, OrderStatus.Approved, OrderStatus.Approved,
        OrderStatus.Approved, OrderStatus.Approved, OrderStatus.Rejected, OrderStatus.AwaitingPayment, OrderStatus.Draft,
    ];

    private string _file = "";
    private BatchQueries _batches = null!;
    private StaffScope _admin = null!;
    private StaffScope _reviewer = null!;
    private int _bigBatchId;

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"pc-bench-{Guid.NewGuid():N}.db");
        var factory = new BenchmarkDatabase($"Data Source={_file}");
        using (var db = factory.CreateDbContext())
        {
            db.Database.Migrate();
        }

        var (bigBatchId, branchId) = Seed(factory);
        _bigBatchId = bigBatchId;
        _batches = new BatchQueries(factory, TimeProvider.System);
        _admin = new StaffScope("bench-admin", true, null, null);
        _reviewer = new StaffScope("bench-reviewer", false, branchId, null);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Benchmark(Description = "Batches list, admin, first page (20 rows + progress)")]
    public Task<PagedResult<BatchListItem>> BatchesListAdmin() =>
        _batches.ListAsync(_admin, new BatchListQuery());

    [Benchmark(Description = "Batches list, reviewer's branch, status + deadline filter, by deadline")]
    public Task<PagedResult<BatchListItem>> BatchesListReviewerFiltered() =>
        _batches.ListAsync(_reviewer, new BatchListQuery
        {
            Status = BatchStatus.Open,
            DeadlineFrom = DateOnly.FromDateTime(DateTime.UtcNow),
            Page = new PageRequest(SortBy: BatchSort.ClosesAt),
        });

    [Benchmark(Description = "Batches list, search by 特征码")]
    public Task<PagedResult<BatchListItem>> BatchesListSearch() =>
        _batches.ListAsync(_admin, new BatchListQuery { Search = "ZZZZZZZZ" });

    [Benchmark(Description = "Batch orders, first page by last change (100k batch)")]
    public Task<PagedResult<BatchOrderRow>> BatchOrdersFirstPage() =>
        _batches.ListOrdersAsync(_admin, _bigBatchId, new BatchOrderQuery());

    [Benchmark(Description = "Batch orders, status filter 待审核 (100k batch)")]
    public Task<PagedResult<BatchOrderRow>> BatchOrdersStatusFilter() =>
        _batches.ListOrdersAsync(_admin, _bigBatchId, new BatchOrderQuery { Status = OrderStatus.PendingReview });

    [Benchmark(Description = "Batch orders, page 100 (100k batch)")]
    public Task<PagedResult<BatchOrderRow>> BatchOrdersPage100() =>
        _batches.ListOrdersAsync(_admin, _bigBatchId, new BatchOrderQuery { Page = new PageRequest(Page: 99) });

    [Benchmark(Description = "Batch orders, search by student name (100k batch)")]
    public Task<PagedResult<BatchOrderRow>> BatchOrdersNameSearch() =>
        _batches.ListOrdersAsync(_admin, _bigBatchId, new BatchOrderQuery { Search = "学生0999" });

    [Benchmark(Description = "Batch details: status counts + 30-day chart (100k batch)")]
    public Task<BatchDetails> BatchDetails() =>
        _batches.GetAsync(_admin, _bigBatchId);

    /// <summary>Branches, schools and batches through EF; accounts, records and orders by prepared inserts (EF would take minutes).</summary>
    private static (int BigBatchId, int BranchId) Seed(BenchmarkDatabase factory)
    {
        var now = DateTimeOffset.UtcNow;
        var batches = new List<CollectionBatch>();
        int branchId;
        using (var db = factory.CreateDbContext())
        {
            var branches = Enumerable.Range(1, 10).Select(i => new Branch { Name = $"分社{i:D2}", CreatedAt = now }).ToList();
            var schools = Enumerable.Range(1, 50).Select(i => new School { Name = $"大学{i:D2}", Branch = branches[i % 10], CreatedAt = now }).ToList();
            db.AddRange(branches);
            db.AddRange(schools);
            db.SaveChanges();
            for (var i = 0; i <= OtherBatches; i++)
            {
                var school = schools[i % schools.Count];
                var terms = new BatchTerms(
                    $"2027届采集批次 {i:D3}", CollectionType.Centralised, now.AddDays(-40), now.AddDays(i % 60 - 10), 3000,
                    i == 0 ? BigBatchOrders : OrdersPerOtherBatch, CollectionBatch.DefaultMaxSubmissions, null);

                // The big batch is the newest, so it is on the list's first page.
                var batch = CollectionBatch.Create(school, terms, i == OtherBatches ? "ZZZZZZZZ" : $"B{i:D3}".PadRight(8, 'X'), Actor.System, i == 0 ? now : now.AddMinutes(-i));
                if (i % 7 == 0)
                {
                    batch.Close(Actor.System, now);
                }

                batch.ClearPendingAuditEvents();
                batches.Add(batch);
            }

            db.AddRange(batches);
            db.SaveChanges();
            branchId = batches[0].BranchId;
        }

        using var connection = new SqliteConnection($"Data Source={factory.File}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var account = BenchmarkDatabase.Command(connection, transaction, "INSERT INTO StudentAccounts (Id, OpenId, CreatedAt) VALUES ($id, $openid, $at)", "$id", "$openid", "$at");
        using var record = BenchmarkDatabase.Command(connection, transaction,
            "INSERT INTO StudentRecords (Id, StudentAccountId, ChsiStudentId, Name, IdNumberCipher, IdNumberIndex, IdNumberMasked, SchoolName, StudentNo, CreatedAt) " +
            "VALUES ($id, $id, $chsi, $name, 'x', $index, '110105********1234', '大学', $no, $at)", "$id", "$chsi", "$name", "$index", "$no", "$at");
        using var order = BenchmarkDatabase.Command(connection, transaction,
            "INSERT INTO Orders (Id, OrderNo, BatchId, StudentAccountId, StudentRecordId, ChsiStudentId, Status, SubmissionCount, PriceFen, CreatedAt, UpdatedAt, SubmittedAt, Version) " +
            "VALUES ($id, $no, $batch, $id, $id, $chsi, $status, $submissions, 3000, $created, $updated, $submitted, $version)",
            "$id", "$no", "$batch", "$chsi", "$status", "$submissions", "$created", "$updated", "$submitted", "$version");

        var id = 0L;
        void Add(int batchId)
        {
            id++;
            var created = now.AddMinutes(-(id % (30 * 24 * 60)));
            var status = StatusMix[id % StatusMix.Length];
            var chsi = "CHSI" + id.ToString("D9", CultureInfo.InvariantCulture);
            BenchmarkDatabase.Run(account, id, "openid-" + id.ToString(CultureInfo.InvariantCulture), created.UtcTicks);
            BenchmarkDatabase.Run(record, id, chsi, "学生" + id.ToString("D6", CultureInfo.InvariantCulture), "idx" + id.ToString(CultureInfo.InvariantCulture), "S" + id.ToString(CultureInfo.InvariantCulture), created.UtcTicks);
            BenchmarkDatabase.Run(order, id, "PC" + id.ToString("D14", CultureInfo.InvariantCulture), batchId, chsi, (int)status, status == OrderStatus.Draft ? 0 : 1,
                created.UtcTicks, created.AddMinutes(30).UtcTicks, status == OrderStatus.Draft ? DBNull.Value : created.AddMinutes(10).UtcTicks,
                Guid.NewGuid().ToString().ToUpperInvariant());
        }

        for (var i = 0; i < BigBatchOrders; i++)
        {
            Add(batches[0].Id);
        }

        foreach (var batch in batches.Skip(1))
        {
            for (var i = 0; i < OrdersPerOtherBatch; i++)
            {
                Add(batch.Id);
            }
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        analyze.ExecuteNonQuery();
        return (batches[0].Id, branchId);
    }
}
