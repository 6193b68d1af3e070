using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    /// <summary>One live customer per e-mail address.</summary>
    public const string EmailIndex = "ix_customers_email";

    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(32);
        builder.Property(c => c.Notes).HasMaxLength(2000);
        builder.Property(c => c.StripeCustomerId).HasMaxLength(255);
        builder.Property(c => c.DeleteReason).HasMaxLength(500);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.FullName);

        // Emails are stored lower-cased; one live customer per email.
        builder.HasIndex(c => c.Email).IsUnique().HasFilter("deleted_at IS NULL").HasDatabaseName(EmailIndex);
        builder.HasIndex(c => c.StationId);
        builder.HasIndex(c => c.UserId);
        builder.HasOne<Station>().WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasQueryFilter(HibachiDbContext.SoftDeleteFilter, c => c.DeletedAt == null);
    }
}
