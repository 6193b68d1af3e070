using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Data.Configurations;

public sealed class PaymentAttemptConfiguration : IEntityTypeConfiguration<PaymentAttempt>
{
    /// <summary>One open attempt per booking and purpose: concurrent checkout requests share it.</summary>
    public const string OpenAttemptIndex = "ux_payment_attempts_open";

    public void Configure(EntityTypeBuilder<PaymentAttempt> builder)
    {
        builder.Property(a => a.StripeSessionId).HasMaxLength(255);
        builder.Property(a => a.StripePaymentIntentId).HasMaxLength(255);
        builder.Property(a => a.StripeCustomerId).HasMaxLength(255);
        builder.Property(a => a.Url).HasMaxLength(2000);
        builder.Property(a => a.ClientSecret).HasMaxLength(500);
        builder.Property(a => a.FailureCode).HasMaxLength(100);
        builder.Property(a => a.FailureMessage).HasMaxLength(1000);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => new { a.BookingId, a.Purpose }).IsUnique().HasFilter("status = 'Open'").HasDatabaseName(OpenAttemptIndex);
        builder.HasIndex(a => a.StripeSessionId).IsUnique().HasFilter("stripe_session_id IS NOT NULL");
        builder.HasIndex(a => a.StripePaymentIntentId).HasFilter("stripe_payment_intent_id IS NOT NULL");
        builder.HasIndex(a => new { a.Status, a.CreatedAt });
        builder.HasOne<Booking>().WithMany().HasForeignKey(a => a.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_payment_attempts_amount", "amount_cents > 0"));
    }
}

public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    /// <summary>A Stripe PaymentIntent pays once, however many webhooks and reconciliations report it.</summary>
    public const string PaymentIntentIndex = "ux_ledger_stripe_payment_intent";

    /// <summary>A Stripe refund is recorded once.</summary>
    public const string RefundIndex = "ux_ledger_stripe_refund";

    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries", t => t.HasCheckConstraint("ck_ledger_entries_amount", "amount_cents > 0"));
        builder.Property(e => e.Source).HasMaxLength(20);
        builder.Property(e => e.StripePaymentIntentId).HasMaxLength(255);
        builder.Property(e => e.StripeChargeId).HasMaxLength(255);
        builder.Property(e => e.StripeRefundId).HasMaxLength(255);
        builder.Property(e => e.Reference).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(1000);
        builder.Property(e => e.RecordedByName).HasMaxLength(200);
        builder.HasIndex(e => e.BookingId);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.StripePaymentIntentId).IsUnique().HasFilter("kind = 'Payment' AND stripe_payment_intent_id IS NOT NULL")
            .HasDatabaseName(PaymentIntentIndex);
        builder.HasIndex(e => e.StripeRefundId).IsUnique().HasFilter("stripe_refund_id IS NOT NULL").HasDatabaseName(RefundIndex);
        // Money is never deleted with its booking: the nightly purge keeps bookings that have ledger rows.
        builder.HasOne<Booking>().WithMany().HasForeignKey(e => e.BookingId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StripeEventConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> builder)
    {
        builder.ToTable("stripe_events");
        builder.Property(e => e.Id).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
        builder.Property(e => e.Error).HasMaxLength(2000);
        builder.HasIndex(e => e.ReceivedAt);
    }
}

public sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.Property(i => i.Number).HasMaxLength(20);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.HasIndex(i => new { i.Year, i.Sequence }).IsUnique();
        builder.HasIndex(i => i.LedgerEntryId).IsUnique();
        builder.HasIndex(i => i.BookingId);
        builder.HasOne<Booking>().WithMany().HasForeignKey(i => i.BookingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerEntry>().WithMany().HasForeignKey(i => i.LedgerEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(i => i.FileId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class InvoiceSequenceConfiguration : IEntityTypeConfiguration<InvoiceSequence>
{
    public void Configure(EntityTypeBuilder<InvoiceSequence> builder)
    {
        builder.HasKey(s => s.Year);
        builder.Property(s => s.Year).ValueGeneratedNever();
    }
}

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("stored_files");
        builder.Property(f => f.Kind).HasMaxLength(40);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.StorageKey).HasMaxLength(500);
    }
}

public sealed class PriceChangeConfiguration : IEntityTypeConfiguration<PriceChange>
{
    public void Configure(EntityTypeBuilder<PriceChange> builder)
    {
        builder.ToTable("price_change_history");
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.Code).HasMaxLength(50);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.Property(c => c.Unit).HasMaxLength(20);
        builder.Property(c => c.ChangedByName).HasMaxLength(200);
        builder.HasIndex(c => c.ChangedAt);
        builder.HasIndex(c => c.Code);
    }
}
