using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class GoogleConnectionConfiguration : IEntityTypeConfiguration<GoogleConnection>
{
    public void Configure(EntityTypeBuilder<GoogleConnection> builder)
    {
        builder.ToTable("google_connections");
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.Property(c => c.Principal).HasMaxLength(320);
        builder.Property(c => c.Subject).HasMaxLength(320);
        builder.Property(c => c.LastError).HasMaxLength(500);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

public sealed class ChefCalendarConfiguration : IEntityTypeConfiguration<ChefCalendar>
{
    public void Configure(EntityTypeBuilder<ChefCalendar> builder)
    {
        builder.ToTable("chef_calendars");
        builder.Property(c => c.CalendarId).HasMaxLength(320);
        builder.Property(c => c.SyncToken).HasMaxLength(2000);
        builder.Property(c => c.LastError).HasMaxLength(500);
        builder.Property(c => c.WatchChannelId).HasMaxLength(64);
        builder.Property(c => c.WatchResourceId).HasMaxLength(200);
        builder.Property(c => c.WatchToken).HasMaxLength(100);
        builder.Property(c => c.IcsImportUrl).HasMaxLength(2000);
        builder.Property(c => c.IcsImportError).HasMaxLength(500);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => c.ChefId).IsUnique();
        builder.HasIndex(c => c.WatchChannelId).IsUnique();
        builder.HasOne<Chef>().WithOne().HasForeignKey<ChefCalendar>(c => c.ChefId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GoogleConnection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ExternalBusyTimeConfiguration : IEntityTypeConfiguration<ExternalBusyTime>
{
    public void Configure(EntityTypeBuilder<ExternalBusyTime> builder)
    {
        builder.ToTable("chef_external_busy");
        builder.Property(b => b.ExternalId).HasMaxLength(1100);
        builder.HasIndex(b => new { b.ChefId, b.Source, b.ExternalId }).IsUnique();
        builder.HasIndex(b => new { b.ChefId, b.StartsAt });
        builder.HasOne<Chef>().WithMany().HasForeignKey(b => b.ChefId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BookingCalendarEventConfiguration : IEntityTypeConfiguration<BookingCalendarEvent>
{
    public void Configure(EntityTypeBuilder<BookingCalendarEvent> builder)
    {
        builder.ToTable("booking_calendar_events");
        builder.Property(e => e.CalendarId).HasMaxLength(320);
        builder.Property(e => e.EventId).HasMaxLength(1024);
        builder.HasIndex(e => new { e.BookingId, e.ChefId }).IsUnique();
        builder.HasOne<Booking>().WithMany().HasForeignKey(e => e.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GoogleConnection>().WithMany().HasForeignKey(e => e.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BusinessLocationConfiguration : IEntityTypeConfiguration<BusinessLocation>
{
    public void Configure(EntityTypeBuilder<BusinessLocation> builder)
    {
        builder.ToTable("google_business_locations");
        builder.Property(l => l.AccountId).HasMaxLength(40);
        builder.Property(l => l.LocationId).HasMaxLength(40);
        builder.Property(l => l.LastError).HasMaxLength(500);
        builder.Property(l => l.HoursError).HasMaxLength(500);
        builder.Property(l => l.AverageRating).HasPrecision(3, 2);
        builder.Property(l => l.RegularHours).HasJsonConversion();
        builder.Property(l => l.SpecialHours).HasJsonConversion();
        builder.Property(l => l.Version).IsRowVersion();
        builder.HasIndex(l => l.StationId).IsUnique();
        builder.HasOne<Station>().WithOne().HasForeignKey<BusinessLocation>(l => l.StationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GoogleConnection>().WithMany().HasForeignKey(l => l.ConnectionId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class GoogleReviewConfiguration : IEntityTypeConfiguration<GoogleReview>
{
    public void Configure(EntityTypeBuilder<GoogleReview> builder)
    {
        builder.ToTable("google_reviews");
        builder.Property(r => r.ReviewId).HasMaxLength(300);
        builder.Property(r => r.Reviewer).HasMaxLength(200);
        builder.Property(r => r.Comment).HasMaxLength(10_000);
        builder.Property(r => r.ReplyText).HasMaxLength(4096);
        builder.Property(r => r.Draft).HasMaxLength(4096);
        builder.Property(r => r.DraftSource).HasMaxLength(20);
        builder.Property(r => r.ReplyError).HasMaxLength(500);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.StationId, r.ReviewId }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
        builder.HasOne<Station>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}
