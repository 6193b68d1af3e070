using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReply>
{
    public void Configure(EntityTypeBuilder<CannedReply> builder)
    {
        builder.Property(c => c.ShortCode).HasMaxLength(40);
        builder.Property(c => c.Body).HasMaxLength(2000);
        builder.HasIndex(c => c.ShortCode).IsUnique();
    }
}

public sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.Property(c => c.RcSessionId).HasMaxLength(100);
        builder.Property(c => c.FromNumber).HasMaxLength(40);
        builder.Property(c => c.ToNumber).HasMaxLength(40);
        builder.Property(c => c.RcRecordingId).HasMaxLength(100);
        builder.Property(c => c.RcTranscript).HasMaxLength(100_000);
        builder.Property(c => c.TranscriptSource).HasMaxLength(20);
        builder.Property(c => c.TranscriptError).HasMaxLength(500);
        builder.Property(c => c.Summary).HasMaxLength(2000);
        builder.Property(c => c.Intent).HasMaxLength(60);
        builder.Property(c => c.Emotion).HasMaxLength(30);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => c.RcSessionId).IsUnique();
        builder.HasIndex(c => new { c.ConversationId, c.StartedAt });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(c => c.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(c => c.RecordingFileId).OnDelete(DeleteBehavior.SetNull);
    }
}
