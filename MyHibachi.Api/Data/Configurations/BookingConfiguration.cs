using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    /// <summary>Raised by PostgreSQL when two live bookings would hold the same chef at once.</summary>
    public const string ChefOverlapConstraint = "ex_bookings_chef_no_overlap";

    /// <summary>A quote converts into at most one booking, whatever runs at the same moment.</summary>
    public const string QuoteIndex = "ux_bookings_quote_id";

    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.Property(b => b.Reference).HasMaxLength(12);
        builder.Property(b => b.ContactName).HasMaxLength(200);
        builder.Property(b => b.ContactEmail).HasMaxLength(254);
        builder.Property(b => b.ContactPhone).HasMaxLength(32);
        builder.Property(b => b.AddressLine1).HasMaxLength(200);
        builder.Property(b => b.AddressLine2).HasMaxLength(200);
        builder.Property(b => b.City).HasMaxLength(100);
        builder.Property(b => b.State).HasMaxLength(2);
        builder.Property(b => b.Zip).HasMaxLength(10);
        builder.Property(b => b.DietaryNotes).HasMaxLength(2000);
        builder.Property(b => b.SpecialRequests).HasMaxLength(2000);
        builder.Property(b => b.CancelReason).HasMaxLength(500);
        builder.Property(b => b.DeleteReason).HasMaxLength(500);
        builder.Property(b => b.IdempotencyKey).HasMaxLength(100);
        builder.Property(b => b.SavedPaymentMethodId).HasMaxLength(255);
        builder.HasIndex(b => b.HoldExpiresAt).HasFilter("hold_expires_at IS NOT NULL");
        builder.Property(b => b.IdempotencyFingerprint).HasMaxLength(64);
        builder.Property(b => b.Selections).HasJsonConversion();
        builder.Property(b => b.PriceSheet).HasJsonConversion();
        builder.Property(b => b.Breakdown).HasJsonConversion();
        builder.Property(b => b.Attribution!).HasJsonConversion();
        builder.Property(b => b.Version).IsRowVersion();
        builder.Ignore(b => b.Guests);

        builder.HasIndex(b => b.Reference).IsUnique();
        builder.HasIndex(b => b.IdempotencyKey).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        // Live bookings only: the booking list pages by start within a station and counts the station's
        // live bookings from this index alone.
        builder.HasIndex(b => new { b.StationId, b.StartsAt }).HasFilter("deleted_at IS NULL").HasDatabaseName("ix_bookings_live_station_starts_at");
        builder.HasIndex(b => new { b.ChefId, b.StartsAt });
        builder.HasIndex(b => b.QuoteId).IsUnique().HasFilter("quote_id IS NOT NULL").HasDatabaseName(QuoteIndex);
        builder.HasIndex(b => b.CustomerId);
        builder.HasIndex(b => b.Status);

        builder.HasOne<Station>().WithMany().HasForeignKey(b => b.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(b => b.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Chef>().WithMany().HasForeignKey(b => b.ChefId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Quote>().WithMany().HasForeignKey(b => b.QuoteId).OnDelete(DeleteBehavior.SetNull);
        builder.HasQueryFilter(HibachiDbContext.SoftDeleteFilter, b => b.DeletedAt == null);

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_bookings_guests", "adults >= 1 AND children >= 0 AND adults + children <= 200");
            t.HasCheckConstraint("ck_bookings_times", "ends_at > starts_at");
            t.HasCheckConstraint("ck_bookings_chef_block",
                "(chef_id IS NULL AND chef_busy_from IS NULL AND chef_busy_to IS NULL) OR " +
                "(chef_id IS NOT NULL AND chef_busy_from <= starts_at AND chef_busy_to >= ends_at)");
        });
    }
}
