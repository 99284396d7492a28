using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoCollect.Core.Identity;

namespace PhotoCollect.Core.Payments;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.OutTradeNo).HasMaxLength(32).IsUnicode(false);
        builder.Property(p => p.PrepayId).HasMaxLength(64).IsUnicode(false);
        builder.Property(p => p.TransactionId).HasMaxLength(32).IsUnicode(false);
        builder.HasIndex(p => p.OutTradeNo).IsUnique();
        builder.HasIndex(p => p.TransactionId);
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        builder.HasOne(p => p.Order).WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.Property(r => r.OutRefundNo).HasMaxLength(64).IsUnicode(false);
        builder.Property(r => r.RefundId).HasMaxLength(32).IsUnicode(false);
        builder.Property(r => r.Reason).HasMaxLength(80);
        builder.HasIndex(r => r.OutRefundNo).IsUnique();
        builder.HasOne(r => r.Payment).WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.RequestedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentNotificationConfiguration : IEntityTypeConfiguration<PaymentNotification>
{
    public void Configure(EntityTypeBuilder<PaymentNotification> builder)
    {
        builder.Property(n => n.NotificationId).HasMaxLength(64).IsUnicode(false);
        builder.Property(n => n.EventType).HasMaxLength(40).IsUnicode(false);
        builder.Property(n => n.OutTradeNo).HasMaxLength(32).IsUnicode(false);
        builder.HasIndex(n => n.NotificationId).IsUnique();
        builder.HasIndex(n => n.OutTradeNo);
    }
}

internal sealed class PaymentAnomalyConfiguration : IEntityTypeConfiguration<PaymentAnomaly>
{
    public void Configure(EntityTypeBuilder<PaymentAnomaly> builder)
    {
        builder.Property(a => a.NotificationId).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.OutTradeNo).HasMaxLength(32).IsUnicode(false);
        builder.Property(a => a.TransactionId).HasMaxLength(32).IsUnicode(false);
        builder.Property(a => a.Reason).HasMaxLength(200);
        builder.HasIndex(a => new { a.ResolvedAt, a.RecordedAt });
        builder.HasIndex(a => a.OutTradeNo);
        builder.HasOne<Payment>().WithMany().HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Orders.Order>().WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
