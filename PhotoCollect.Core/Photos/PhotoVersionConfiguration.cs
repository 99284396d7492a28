using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhotoCollect.Core.Photos;

internal sealed class PhotoVersionConfiguration : IEntityTypeConfiguration<PhotoVersion>
{
    public void Configure(EntityTypeBuilder<PhotoVersion> builder)
    {
        builder.Property(p => p.StorageKey).HasMaxLength(80).IsUnicode(false);
        builder.Property(p => p.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(p => new { p.OrderId, p.VersionNo }).IsUnique();
        builder.HasIndex(p => p.Sha256);
    }
}
