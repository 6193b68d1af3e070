using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.FeatureManagement;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure.Messaging;

namespace MyHibachi.Api.Infrastructure;

/// <summary>
/// In the same SaveChanges as the change itself: stamps created/updated times, writes one audit_log
/// row per changed audited entity (actor, before, after, request id) and wakes the outbox relay
/// when integration events were written.
/// </summary>
public sealed class AuditingInterceptor(CurrentActor actor, TimeProvider clock, IFeatureManager features, OutboxSignal outboxSignal)
    : SaveChangesInterceptor
{
    // Secrets, and derived columns (a knowledge article's embedding and search vector) that would only bloat the trail.
    private static readonly HashSet<string> NotAudited =
        ["Version", "PasswordHash", "SecurityStamp", "TokenHash", "EmailConfirmationTokenHash", "PasswordResetTokenHash", "Embedding", "SearchVector"];

    // What signing in, failing to and being locked out write on a user: bookkeeping, kept apart from data changes.
    private static readonly HashSet<string> SignInFields =
        ["LastLoginAt", "FailedLoginCount", "LockoutEndsAt", nameof(ITimestamped.UpdatedAt)];

    // The properties that name a record, most telling first.
    private static readonly string[] LabelFields = ["Reference", "Name", "Title", "Code"];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is HibachiDbContext db)
        {
            var audit = await features.IsEnabledAsync(FeatureFlags.AuditTrail);
            Stamp(db, audit);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is HibachiDbContext db)
        {
            Stamp(db, features.IsEnabledAsync(FeatureFlags.AuditTrail).GetAwaiter().GetResult());
        }

        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        outboxSignal.NotifyIfPending(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        outboxSignal.NotifyIfPending(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void Stamp(HibachiDbContext db, bool audit)
    {
        var now = clock.Now();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        foreach (var entry in entries)
        {
            if (entry.Entity is ITimestamped timestamped)
            {
                if (entry.State == EntityState.Added)
                {
                    timestamped.CreatedAt = now;
                    timestamped.UpdatedAt = now;
                }
                else if (entry.State == EntityState.Modified)
                {
                    timestamped.UpdatedAt = now;
                }
            }

            if (audit && entry.Entity is IAudited audited && HasRealChange(entry))
            {
                db.AuditLog.Add(new AuditEntry
                {
                    OccurredAt = now,
                    ActorId = actor.UserId,
                    ActorName = actor.Name,
                    Action = ActionOf(entry),
                    EntityType = entry.Metadata.ClrType.Name,
                    EntityId = audited.Id.ToString(),
                    Before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true),
                    After = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false),
                    RequestId = actor.RequestId,
                    Label = LabelOf(entry),
                    Kind = IsSignInBookkeeping(entry) ? AuditKinds.SignIn : AuditKinds.Data,
                });
            }
        }
    }

    private static bool IsSignInBookkeeping(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Entity is User
        && !entry.Property(nameof(User.PasswordHash)).IsModified && !entry.Property(nameof(User.SecurityStamp)).IsModified
        && entry.Properties.Where(p => p.IsModified && !NotAudited.Contains(p.Metadata.Name)).All(p => SignInFields.Contains(p.Metadata.Name));

    /// <summary>"MH-7K3Q9P", "Olivia Bennett", "MyHibachi Atlanta": what people call the record.</summary>
    private static string? LabelOf(EntityEntry entry)
    {
        string? Value(string property) =>
            entry.Metadata.FindProperty(property) is null ? null : (entry.State == EntityState.Deleted ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue)?.ToString();

        var fullName = $"{Value("FirstName")} {Value("LastName")}".Trim();
        var label = LabelFields.Select(Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            ?? (fullName.Length > 0 ? fullName : Value("Email"));
        return string.IsNullOrWhiteSpace(label) ? null : label.Length > 200 ? label[..200] : label;
    }

    private static bool HasRealChange(EntityEntry entry) =>
        entry.State != EntityState.Modified ||
        entry.Properties.Any(p => p.IsModified && !NotAudited.Contains(p.Metadata.Name) && p.Metadata.Name != nameof(ITimestamped.UpdatedAt));

    private static string ActionOf(EntityEntry entry)
    {
        if (entry.State == EntityState.Added)
        {
            return "create";
        }

        if (entry.State == EntityState.Deleted)
        {
            return "purge";
        }

        if (entry.Entity is ISoftDeletable)
        {
            var deletedAt = entry.Property(nameof(ISoftDeletable.DeletedAt));
            if (deletedAt.IsModified)
            {
                return deletedAt.OriginalValue is null && deletedAt.CurrentValue is not null ? "delete"
                    : deletedAt.OriginalValue is not null && deletedAt.CurrentValue is null ? "restore"
                    : "update";
            }
        }

        return "update";
    }

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (!NotAudited.Contains(property.Metadata.Name))
            {
                values[JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name)] = original ? property.OriginalValue : property.CurrentValue;
            }
        }

        return JsonSerializer.Serialize(values, JsonColumn.Options);
    }
}
