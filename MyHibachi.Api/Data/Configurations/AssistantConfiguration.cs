using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.Memory).HasJsonConversion();
        builder.Property(c => c.LastAgent).HasMaxLength(40);
        builder.Property(c => c.Summary).HasMaxLength(2000);
        builder.Property(c => c.EscalationReason).HasMaxLength(500);
        builder.Property(c => c.AssignedName).HasMaxLength(200);
        builder.Property(c => c.ThreadKey).HasMaxLength(200);
        builder.Property(c => c.Handle).HasMaxLength(320);
        builder.Property(c => c.ChannelAccount).HasMaxLength(200);
        builder.Property(c => c.ContactName).HasMaxLength(200);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.Status, c.LastMessageAt });
        // One thread per contact and channel: two webhooks racing for a new contact make one conversation.
        builder.HasIndex(c => new { c.Channel, c.ThreadKey }).IsUnique().HasFilter("thread_key IS NOT NULL");
        builder.HasIndex(c => c.Labels).HasMethod("GIN");
        builder.HasIndex(c => c.SnoozedUntil).HasFilter("snoozed_until IS NOT NULL");
        builder.HasOne<Station>().WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.CustomerId);
        builder.HasIndex(c => c.LastMessageAt);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> builder)
    {
        builder.Property(m => m.Text).HasMaxLength(8000);
        builder.Property(m => m.Agent).HasMaxLength(40);
        builder.Property(m => m.Intent).HasMaxLength(60);
        builder.Property(m => m.AuthorName).HasMaxLength(200);
        builder.Property(m => m.Sources).HasJsonConversion();
        builder.Property(m => m.ExternalId).HasMaxLength(300);
        builder.Property(m => m.DeliveryError).HasMaxLength(500);
        builder.Property(m => m.Template).HasMaxLength(100);
        builder.Property(m => m.Delivery).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.ConversationId, m.CreatedAt });
        // A provider's message is stored once, however often its webhook is delivered.
        builder.HasIndex(m => m.ExternalId).IsUnique().HasFilter("external_id IS NOT NULL");
        // The redelivery sweep reads what is still on its way.
        builder.HasIndex(m => new { m.Delivery, m.DeliveryUpdatedAt }).HasFilter("delivery IN ('Queued', 'Sending')");
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ConversationEventConfiguration : IEntityTypeConfiguration<ConversationEvent>
{
    public void Configure(EntityTypeBuilder<ConversationEvent> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.HasIndex(e => new { e.ConversationId, e.CreatedAt });
        builder.HasIndex(e => new { e.Kind, e.CreatedAt });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(e => e.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Body).HasMaxLength(8000);
        builder.Property(a => a.UpdatedByName).HasMaxLength(200);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasGeneratedTsVectorColumn(a => a.SearchVector, "english", a => new { a.Title, a.Body })
            .HasIndex(a => a.SearchVector).HasMethod("GIN");
        builder.HasIndex(a => a.Title).IsUnique();
    }
}
