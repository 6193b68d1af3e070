using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(120);
        builder.Property(r => r.Body).HasMaxLength(5000);
        builder.Property(r => r.AuthorName).HasMaxLength(120);
        builder.Property(r => r.FlagReason).HasMaxLength(500);
        builder.Property(r => r.RejectReason).HasMaxLength(500);
        builder.Property(r => r.ModeratedByName).HasMaxLength(200);
        builder.Property(r => r.DeleteReason).HasMaxLength(500);
        builder.Property(r => r.Version).IsRowVersion();
        builder.ToTable(t => t.HasCheckConstraint("ck_reviews_rating", "rating BETWEEN 1 AND 5"));
        // One review per booking; a deleted one frees the booking for a new review.
        builder.HasIndex(r => r.BookingId).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasIndex(r => new { r.Status, r.PublishedAt });
        builder.HasIndex(r => new { r.ChefId, r.Status });
        builder.HasOne<Booking>().WithMany().HasForeignKey(r => r.BookingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Chef>().WithMany().HasForeignKey(r => r.ChefId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Photos).WithOne().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.SetNull);
        builder.HasQueryFilter(HibachiDbContext.SoftDeleteFilter, r => r.DeletedAt == null);
    }
}

public sealed class ReviewPhotoConfiguration : IEntityTypeConfiguration<ReviewPhoto>
{
    public void Configure(EntityTypeBuilder<ReviewPhoto> builder)
    {
        builder.Property(p => p.Variants).HasJsonConversion();
        builder.HasIndex(p => p.BookingId);
        builder.HasOne<Booking>().WithMany().HasForeignKey(p => p.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReviewLikeConfiguration : IEntityTypeConfiguration<ReviewLike>
{
    public void Configure(EntityTypeBuilder<ReviewLike> builder)
    {
        builder.HasKey(l => new { l.ReviewId, l.VisitorHash });
        builder.Property(l => l.VisitorHash).HasMaxLength(64);
        builder.HasOne<Review>().WithMany().HasForeignKey(l => l.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
