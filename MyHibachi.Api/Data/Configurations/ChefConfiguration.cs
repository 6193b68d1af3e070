using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class ChefConfiguration : IEntityTypeConfiguration<Chef>
{
    /// <summary>One live chef per e-mail address.</summary>
    public const string EmailIndex = "ix_chefs_email";

    public void Configure(EntityTypeBuilder<Chef> builder)
    {
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(32);
        builder.Property(c => c.Bio).HasMaxLength(2000);
        builder.Property(c => c.DeleteReason).HasMaxLength(500);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.FullName);

        builder.HasIndex(c => c.Email).IsUnique().HasFilter("deleted_at IS NULL").HasDatabaseName(EmailIndex);
        builder.HasIndex(c => c.StationId);
        builder.HasIndex(c => c.UserId);
        builder.HasOne<Station>().WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.WorkingHours).WithOne().HasForeignKey(h => h.ChefId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.DateOverrides).WithOne().HasForeignKey(o => o.ChefId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.TimeOff).WithOne().HasForeignKey(t => t.ChefId).OnDelete(DeleteBehavior.Cascade);
        builder.HasQueryFilter(HibachiDbContext.SoftDeleteFilter, c => c.DeletedAt == null);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_chefs_daily_cap", "max_events_per_day BETWEEN 1 AND 10");
            t.HasCheckConstraint("ck_chefs_buffers", "buffer_before_minutes BETWEEN 0 AND 480 AND buffer_after_minutes BETWEEN 0 AND 480");
        });
    }
}

public sealed class ChefWorkingHoursConfiguration : IEntityTypeConfiguration<ChefWorkingHours>
{
    public void Configure(EntityTypeBuilder<ChefWorkingHours> builder)
    {
        builder.ToTable("chef_working_hours", t => t.HasCheckConstraint("ck_chef_working_hours_order", "end_time > start_time"));
        builder.HasIndex(h => new { h.ChefId, h.DayOfWeek });
    }
}

public sealed class ChefDateOverrideConfiguration : IEntityTypeConfiguration<ChefDateOverride>
{
    public void Configure(EntityTypeBuilder<ChefDateOverride> builder)
    {
        builder.Property(o => o.Note).HasMaxLength(500);
        builder.HasIndex(o => new { o.ChefId, o.Date }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_chef_date_overrides_hours",
            "(is_working AND start_time IS NOT NULL AND end_time IS NOT NULL AND end_time > start_time) OR (NOT is_working)"));
    }
}

public sealed class ChefTimeOffConfiguration : IEntityTypeConfiguration<ChefTimeOff>
{
    public void Configure(EntityTypeBuilder<ChefTimeOff> builder)
    {
        builder.ToTable("chef_time_off", t => t.HasCheckConstraint("ck_chef_time_off_order", "ends_at > starts_at"));
        builder.Property(t => t.Reason).HasMaxLength(500);
        builder.HasIndex(t => new { t.ChefId, t.StartsAt });
    }
}
