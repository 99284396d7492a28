using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoCollect.Core.Identity;

namespace PhotoCollect.Core.Batches;

internal sealed class CollectionBatchConfiguration : IEntityTypeConfiguration<CollectionBatch>
{
    public void Configure(EntityTypeBuilder<CollectionBatch> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(100);
        builder.Property(b => b.FeatureCode).HasMaxLength(FeatureCodeGenerator.Length).IsUnicode(false);
        builder.Property(b => b.Notes).HasMaxLength(1000);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.PendingAuditEvents);
        builder.Ignore(b => b.Terms);
        builder.HasIndex(b => b.FeatureCode).IsUnique();
        builder.HasIndex(b => new { b.SchoolId, b.Status });
        builder.HasIndex(b => new { b.BranchId, b.Status });
        builder.HasIndex(b => b.ClosesAt);
        builder.HasOne(b => b.School).WithMany().HasForeignKey(b => b.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Branch).WithMany().HasForeignKey(b => b.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(b => b.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
