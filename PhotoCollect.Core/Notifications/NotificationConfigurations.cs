using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(40).IsUnicode(false);
        builder.Property(n => n.TemplateId).HasMaxLength(64).IsUnicode(false);
        builder.Property(n => n.LastError).HasMaxLength(500);
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
        builder.HasOne<StudentAccount>().WithMany().HasForeignKey(n => n.StudentAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubscriptionCreditConfiguration : IEntityTypeConfiguration<SubscriptionCredit>
{
    public void Configure(EntityTypeBuilder<SubscriptionCredit> builder)
    {
        builder.Property(c => c.TemplateId).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(c => new { c.StudentAccountId, c.TemplateId }).IsUnique();
        builder.HasOne<StudentAccount>().WithMany().HasForeignKey(c => c.StudentAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
