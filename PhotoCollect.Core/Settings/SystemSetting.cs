using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhotoCollect.Core.Settings;

/// <summary>One administrator-edited setting; absent keys fall back to configuration.</summary>
public sealed class SystemSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
}

internal sealed class SystemSettingConfiguration : IEntityTypeConfiguration<SystemSetting>
{
    public void Configure(EntityTypeBuilder<SystemSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100).IsUnicode(false);
        builder.Property(s => s.Value).HasMaxLength(500);
        builder.Property(s => s.UpdatedById).HasMaxLength(450);
    }
}
