using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhotoCollect.Core.Students;

internal sealed class StudentAccountConfiguration : IEntityTypeConfiguration<StudentAccount>
{
    public void Configure(EntityTypeBuilder<StudentAccount> builder)
    {
        builder.Property(a => a.OpenId).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.UnionId).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.Phone).HasMaxLength(20);
        builder.Property(a => a.Nickname).HasMaxLength(64);
        builder.Property(a => a.AvatarKey).HasMaxLength(80).IsUnicode(false);
        builder.Property(a => a.ConsentVersion).HasMaxLength(20);
        builder.HasIndex(a => a.OpenId).IsUnique();
        builder.HasIndex(a => a.UnionId);
    }
}

internal sealed class StudentRecordConfiguration : IEntityTypeConfiguration<StudentRecord>
{
    public void Configure(EntityTypeBuilder<StudentRecord> builder)
    {
        builder.Property(r => r.ChsiStudentId).HasMaxLength(64);
        builder.Property(r => r.Name).HasMaxLength(50);
        builder.Property(r => r.IdNumberCipher).HasMaxLength(200).IsUnicode(false);
        builder.Property(r => r.IdNumberIndex).HasMaxLength(64).IsUnicode(false);
        builder.Property(r => r.IdNumberMasked).HasMaxLength(40);
        builder.Property(r => r.SchoolName).HasMaxLength(100);
        builder.Property(r => r.SchoolCode).HasMaxLength(10);
        builder.Property(r => r.StudentNo).HasMaxLength(40);
        builder.Property(r => r.Major).HasMaxLength(100);
        builder.Property(r => r.EducationLevel).HasMaxLength(40);
        builder.Property(r => r.EducationCategory).HasMaxLength(40);
        builder.Property(r => r.ContactEmail).HasMaxLength(254);
        builder.Property(r => r.ContactPhone).HasMaxLength(20);
        builder.HasIndex(r => r.IdNumberIndex);
        builder.HasIndex(r => r.ChsiStudentId);

        // Confirming the same 学信网 code again reuses the record instead of adding one.
        builder.HasIndex(r => new { r.StudentAccountId, r.ChsiStudentId }).IsUnique();
        builder.HasOne(r => r.StudentAccount).WithMany().HasForeignKey(r => r.StudentAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
