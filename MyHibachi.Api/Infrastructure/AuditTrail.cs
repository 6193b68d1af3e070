using System.Text.Json;
using Microsoft.FeatureManagement;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Infrastructure;

/// <summary>
/// Audit rows for changes the interceptor cannot see as one entity's columns: a role's permission
/// set, an account's roles. Added to the unit of work, so they commit with the change or not at all.
/// </summary>
public sealed class AuditTrail(HibachiDbContext db, CurrentActor actor, IFeatureManager features, TimeProvider clock)
{
    public async Task RecordAsync(string action, string entityType, string entityId, object? before, object? after)
    {
        if (!await features.IsEnabledAsync(FeatureFlags.AuditTrail))
        {
            return;
        }

        db.AuditLog.Add(new AuditEntry
        {
            OccurredAt = clock.Now(),
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before, JsonColumn.Options),
            After = after is null ? null : JsonSerializer.Serialize(after, JsonColumn.Options),
            RequestId = actor.RequestId,
        });
    }
}
