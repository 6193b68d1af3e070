using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.BaseZip).HasMaxLength(5);
        builder.Property(s => s.Phone).HasMaxLength(40);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasIndex(s => s.Code).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_stations_radius", "service_radius_miles BETWEEN 1 AND 500"));
    }
}
