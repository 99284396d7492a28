using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhotoCollect.Core.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.OrderNo).HasMaxLength(32).IsUnicode(false);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.PendingAuditEvents);
        builder.Ignore(o => o.CurrentPhoto);
        builder.HasIndex(o => o.OrderNo).IsUnique();
        builder.HasIndex(o => new { o.BatchId, o.Status });

        // A batch's orders table sorts by last change; its chart counts submissions by day.
        builder.HasIndex(o => new { o.BatchId, o.UpdatedAt });
        builder.HasIndex(o => new { o.BatchId, o.SubmittedAt });
        builder.HasIndex(o => new { o.Status, o.SubmittedAt });
        builder.HasIndex(o => new { o.Status, o.CurrentPhotoOutcome, o.SubmittedAt });
        builder.HasIndex(o => o.StudentAccountId);

        // One live order per (batch, student) — the student is CHSI's id, so a second WeChat
        // account cannot open a second order. Cancelled (5) and refunded (6) orders free the slot.
        // SQL Server filtered indexes accept neither NOT IN nor OR; <> with AND works on both
        // providers, and SQLite understands the bracket quoting.
        builder.Property(o => o.ChsiStudentId).HasMaxLength(64);
        builder.HasIndex(o => new { o.BatchId, o.ChsiStudentId })
            .IsUnique()
            .HasFilter($"[Status] <> {(int)OrderStatus.Cancelled} AND [Status] <> {(int)OrderStatus.Refunded}")
            .HasDatabaseName("IX_Orders_LiveOrderPerStudent");
        builder.HasIndex(o => o.StudentRecordId);

        builder.HasOne(o => o.Batch).WithMany().HasForeignKey(o => o.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.StudentAccount).WithMany().HasForeignKey(o => o.StudentAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.StudentRecord).WithMany().HasForeignKey(o => o.StudentRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Photos).WithOne(p => p.Order).HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
