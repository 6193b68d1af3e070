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
