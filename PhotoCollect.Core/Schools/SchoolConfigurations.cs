using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhotoCollect.Core.Schools;

internal sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(100);
        builder.Property(b => b.City).HasMaxLength(50);
        builder.Property(b => b.ContactPhone).HasMaxLength(30);
        builder.HasIndex(b => b.Name).IsUnique();
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.ChsiCode).HasMaxLength(10);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasIndex(s => s.ChsiCode).IsUnique();
        builder.HasOne(s => s.Branch).WithMany().HasForeignKey(s => s.BranchId).OnDelete(DeleteBehavior.Restrict);
    }
}
