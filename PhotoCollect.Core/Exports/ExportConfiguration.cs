using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Identity;

namespace PhotoCollect.Core.Exports;

internal sealed class ExportConfiguration : IEntityTypeConfiguration<Export>
{
    public void Configure(EntityTypeBuilder<Export> builder)
    {
        builder.Property(e => e.FileKey).HasMaxLength(80).IsUnicode(false);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.Error).HasMaxLength(1000);
        builder.HasIndex(e => new { e.BatchId, e.RequestedAt });
        builder.HasOne<CollectionBatch>().WithMany().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.RequestedById).OnDelete(DeleteBehavior.Restrict);
    }
}
