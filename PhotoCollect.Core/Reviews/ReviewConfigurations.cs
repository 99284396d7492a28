using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoCollect.Core.Identity;

namespace PhotoCollect.Core.Reviews;

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> builder)
    {
        builder.Property(d => d.Comment).HasMaxLength(500);
        builder.Property(d => d.ReasonCodes).HasMaxLength(1000);
        builder.HasIndex(d => d.OrderId);
        builder.HasIndex(d => new { d.ReviewerId, d.DecidedAt });
        builder.HasOne(d => d.Order).WithMany().HasForeignKey(d => d.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.PhotoVersion).WithMany().HasForeignKey(d => d.PhotoVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.ReviewerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RejectionReasonConfiguration : IEntityTypeConfiguration<RejectionReason>
{
    public void Configure(EntityTypeBuilder<RejectionReason> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(40).IsUnicode(false);
        builder.Property(r => r.Label).HasMaxLength(50);
        builder.Property(r => r.Guidance).HasMaxLength(500);
        builder.HasIndex(r => r.Code).IsUnique();
    }
}

internal sealed class ReviewClaimConfiguration : IEntityTypeConfiguration<ReviewClaim>
{
    public void Configure(EntityTypeBuilder<ReviewClaim> builder)
    {
        builder.HasKey(c => c.OrderId);
        builder.Property(c => c.ReviewerName).HasMaxLength(100);
        builder.HasIndex(c => c.ExpiresAt);

        // Two reviewers taking over the same lapsed claim at once: the second update finds the
        // expiry changed and fails, so only one of them believes it holds the order.
        builder.Property(c => c.ExpiresAt).IsConcurrencyToken();
        builder.HasOne<PhotoCollect.Core.Orders.Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ReviewerId).OnDelete(DeleteBehavior.Cascade);
    }
}
