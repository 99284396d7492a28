using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Exports;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Notifications;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Payments;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Schools;
using PhotoCollect.Core.Settings;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Data;

/// <summary>
/// The application's context. Used as-is for SQL Server (owning <c>Migrations/SqlServer</c>);
/// <see cref="SqlitePhotoCollectDbContext"/> owns the SQLite set. Services always ask for this
/// type through <see cref="IDbContextFactory{TContext}"/>.
/// </summary>
public class PhotoCollectDbContext : IdentityDbContext<AppUser>
{
    public PhotoCollectDbContext(DbContextOptions<PhotoCollectDbContext> options)
        : base(options)
    {
    }

    protected PhotoCollectDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<CollectionBatch> CollectionBatches => Set<CollectionBatch>();
    public DbSet<StudentAccount> StudentAccounts => Set<StudentAccount>();
    public DbSet<StudentRecord> StudentRecords => Set<StudentRecord>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<PhotoVersion> PhotoVersions => Set<PhotoVersion>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();
    public DbSet<RejectionReason> RejectionReasons => Set<RejectionReason>();
    public DbSet<ReviewClaim> ReviewClaims => Set<ReviewClaim>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<PaymentNotification> PaymentNotifications => Set<PaymentNotification>();
    public DbSet<PaymentAnomaly> PaymentAnomalies => Set<PaymentAnomaly>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<SubscriptionCredit> SubscriptionCredits => Set<SubscriptionCredit>();
    public DbSet<Export> Exports => Set<Export>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PhotoCollectDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (AuditEventsAwaitKeys())
        {
            PrepareForSave();
            saved += base.SaveChanges(acceptAllChangesOnSuccess);
        }

        return saved;
    }

    /// <summary>
    /// Saves, then saves again when a new entity could only name itself in its audit events once
    /// inserted (a batch is logged by its generated id): callers that create one hold a
    /// transaction around the save so both land together.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (AuditEventsAwaitKeys())
        {
            PrepareForSave();
            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        return saved;
    }

    /// <summary>
    /// Renews the concurrency tokens of changed orders and batches (works the same on both
    /// providers, unlike SQL Server's rowversion) and saves the audit events that order and
    /// batch transitions raised, in the same transaction.
    /// </summary>
    private void PrepareForSave()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<Order>().ToList())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }

        foreach (var entry in ChangeTracker.Entries<CollectionBatch>().ToList())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }

        foreach (var entry in ChangeTracker.Entries<IHasPendingAuditEvents>().ToList())
        {
            AuditEvents.AddRange(entry.Entity.TakePendingAuditEvents());
        }
    }

    private bool AuditEventsAwaitKeys() =>
        ChangeTracker.Entries<IHasPendingAuditEvents>().Any(e => e.State != EntityState.Detached && e.Entity.PendingAuditEvents.Count > 0);
}
