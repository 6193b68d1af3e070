using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class LoyaltyAccountConfiguration : IEntityTypeConfiguration<LoyaltyAccount>
{
    public void Configure(EntityTypeBuilder<LoyaltyAccount> builder)
    {
        builder.ToTable("loyalty_points");
        builder.HasKey(a => a.CustomerId);
        builder.Property(a => a.ReferralCode).HasMaxLength(20);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => a.ReferralCode).IsUnique();
        builder.HasOne<Customer>().WithOne().HasForeignKey<LoyaltyAccount>(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LoyaltyTransactionConfiguration : IEntityTypeConfiguration<LoyaltyTransaction>
{
    public void Configure(EntityTypeBuilder<LoyaltyTransaction> builder)
    {
        builder.ToTable("loyalty_transactions");
        builder.Property(t => t.Description).HasMaxLength(300);
        builder.Property(t => t.SourceKey).HasMaxLength(120);
        builder.Property(t => t.CreatedByName).HasMaxLength(200);
        builder.Property(t => t.Multiplier).HasPrecision(6, 2);
        // Each reason gives points once: a repeated event, a second worker or a retried request finds the row.
        builder.HasIndex(t => t.SourceKey).IsUnique();
        builder.HasIndex(t => new { t.CustomerId, t.CreatedAt });
        builder.HasIndex(t => new { t.Status, t.AvailableAt });
        builder.HasIndex(t => t.BookingId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("loyalty_referrals");
        builder.Property(r => r.RefusedReason).HasMaxLength(300);
        // A customer is referred once.
        builder.HasIndex(r => r.FriendId).IsUnique();
        builder.HasIndex(r => r.ReferrerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.ReferrerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.FriendId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LoyaltyCampaignConfiguration : IEntityTypeConfiguration<LoyaltyCampaign>
{
    public void Configure(EntityTypeBuilder<LoyaltyCampaign> builder)
    {
        builder.ToTable("loyalty_campaigns");
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.Property(c => c.Badge).HasMaxLength(60);
        builder.Property(c => c.Multiplier).HasPrecision(6, 2);
        builder.Property(c => c.Version).IsRowVersion();
    }
}

public sealed class LoyaltyBadgeConfiguration : IEntityTypeConfiguration<LoyaltyBadge>
{
    public void Configure(EntityTypeBuilder<LoyaltyBadge> builder)
    {
        builder.ToTable("loyalty_badges");
        builder.HasKey(b => new { b.CustomerId, b.Name });
        builder.Property(b => b.Name).HasMaxLength(60);
        builder.HasOne<Customer>().WithMany().HasForeignKey(b => b.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
