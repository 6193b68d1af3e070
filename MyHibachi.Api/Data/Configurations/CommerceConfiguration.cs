using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.Property(q => q.Zip).HasMaxLength(10);
        builder.Property(q => q.ContactName).HasMaxLength(200);
        builder.Property(q => q.ContactEmail).HasMaxLength(254);
        builder.Property(q => q.ContactPhone).HasMaxLength(32);
        builder.Property(q => q.Selections).HasJsonConversion();
        builder.Property(q => q.PriceSheet).HasJsonConversion();
        builder.Property(q => q.Breakdown).HasJsonConversion();
        builder.HasIndex(q => q.CreatedAt);
        builder.HasOne<Station>().WithMany().HasForeignKey(q => q.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PriceItemConfiguration : IEntityTypeConfiguration<PriceItem>
{
    public void Configure(EntityTypeBuilder<PriceItem> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(50);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Unit).HasMaxLength(20);
        builder.Property(p => p.Description).HasMaxLength(500);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_price_items_bounds", "min_value >= 0 AND value BETWEEN min_value AND max_value"));
    }
}

public sealed class MenuItemConfiguration : IEntityTypeConfiguration<MenuItem>
{
    public void Configure(EntityTypeBuilder<MenuItem> builder)
    {
        builder.Property(m => m.Code).HasMaxLength(50);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.Description).HasMaxLength(500);
        builder.Property(m => m.Version).IsRowVersion();
        builder.HasIndex(m => m.Code).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_menu_items_price", "min_price_cents >= 0 AND price_cents BETWEEN min_price_cents AND max_price_cents"));
    }
}

public sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Email).HasMaxLength(254);
        builder.Property(l => l.Phone).HasMaxLength(32);
        builder.Property(l => l.ClaimedByName).HasMaxLength(200);
        builder.Property(l => l.DeleteReason).HasMaxLength(500);
        builder.Property(l => l.Details).HasJsonConversion();
        builder.Property(l => l.Version).IsRowVersion();
        builder.HasIndex(l => new { l.Status, l.CreatedAt });
        builder.HasIndex(l => l.Email);
        builder.HasIndex(l => l.Phone);
        builder.HasMany(l => l.Notes).WithOne().HasForeignKey(n => n.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasQueryFilter(HibachiDbContext.SoftDeleteFilter, l => l.DeletedAt == null);
    }
}

public sealed class LeadNoteConfiguration : IEntityTypeConfiguration<LeadNote>
{
    public void Configure(EntityTypeBuilder<LeadNote> builder)
    {
        builder.Property(n => n.AuthorName).HasMaxLength(200);
        builder.Property(n => n.Text).HasMaxLength(4000);
    }
}
