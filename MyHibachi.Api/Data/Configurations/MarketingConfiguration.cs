using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class MarketingSourceConfiguration : IEntityTypeConfiguration<MarketingSourceSetting>
{
    public void Configure(EntityTypeBuilder<MarketingSourceSetting> builder)
    {
        builder.ToTable("marketing_sources");
        builder.HasKey(s => s.Source);
        builder.Property(s => s.Source).HasMaxLength(20);
        builder.Property(s => s.Property).HasMaxLength(300);
        builder.Property(s => s.LoginCustomerId).HasMaxLength(10);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.LastError).HasMaxLength(500);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<GoogleConnection>().WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class MarketingFactConfiguration : IEntityTypeConfiguration<MarketingFactRow>
{
    public void Configure(EntityTypeBuilder<MarketingFactRow> builder)
    {
        builder.ToTable("marketing_facts");
        builder.Property(f => f.Source).HasMaxLength(20);
        builder.Property(f => f.Report).HasMaxLength(30);
        builder.Property(f => f.Key1).HasMaxLength(500);
        builder.Property(f => f.Key2).HasMaxLength(1000);
        builder.HasIndex(f => new { f.Report, f.Date });
        builder.HasIndex(f => new { f.Source, f.Date });
    }
}

public sealed class AdsCampaignConfiguration : IEntityTypeConfiguration<AdsCampaign>
{
    public void Configure(EntityTypeBuilder<AdsCampaign> builder)
    {
        builder.ToTable("ads_campaigns");
        builder.Property(c => c.Id).HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.Status).HasMaxLength(20);
        builder.Property(c => c.BudgetId).HasMaxLength(40);
    }
}

public sealed class AdsExperimentConfiguration : IEntityTypeConfiguration<AdsExperiment>
{
    public void Configure(EntityTypeBuilder<AdsExperiment> builder)
    {
        builder.ToTable("ads_experiments");
        builder.Property(e => e.Id).HasMaxLength(20);
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.Type).HasMaxLength(60);
        builder.Property(e => e.Status).HasMaxLength(20);
        builder.Property(e => e.Arms).HasJsonConversion();
    }
}

public sealed class SearchPageInspectionConfiguration : IEntityTypeConfiguration<SearchPageInspection>
{
    public void Configure(EntityTypeBuilder<SearchPageInspection> builder)
    {
        builder.ToTable("search_page_inspections");
        builder.HasKey(p => p.Url);
        builder.Property(p => p.Url).HasMaxLength(2000);
        builder.Property(p => p.Verdict).HasMaxLength(30);
        builder.Property(p => p.CoverageState).HasMaxLength(200);
        builder.Property(p => p.PageFetchState).HasMaxLength(40);
        builder.Property(p => p.RobotsTxtState).HasMaxLength(40);
        builder.Property(p => p.IndexingState).HasMaxLength(40);
    }
}

public sealed class CpaAlertRuleConfiguration : IEntityTypeConfiguration<CpaAlertRule>
{
    public void Configure(EntityTypeBuilder<CpaAlertRule> builder)
    {
        builder.ToTable("cpa_alert_rules");
        builder.Property(r => r.CampaignId).HasMaxLength(20);
    }
}

public sealed class CpaAlertConfiguration : IEntityTypeConfiguration<CpaAlert>
{
    public void Configure(EntityTypeBuilder<CpaAlert> builder)
    {
        builder.ToTable("cpa_alerts");
        builder.Property(a => a.CampaignId).HasMaxLength(20);
        builder.HasIndex(a => new { a.RuleId, a.CampaignId, a.Day }).IsUnique();
        builder.HasOne<CpaAlertRule>().WithMany().HasForeignKey(a => a.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MarketingRecommendationConfiguration : IEntityTypeConfiguration<MarketingRecommendation>
{
    public void Configure(EntityTypeBuilder<MarketingRecommendation> builder)
    {
        builder.ToTable("marketing_recommendations");
        builder.Property(r => r.Priority).HasMaxLength(10);
        builder.Property(r => r.Area).HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.Detail).HasMaxLength(2000);
        builder.Property(r => r.Origin).HasMaxLength(10);

        // json, not jsonb: jsonb sorts an object's keys, and the numbers are shown in the order the finding wrote them.
        builder.Property(r => r.Numbers).HasJsonConversion().HasColumnType("json");
    }
}
