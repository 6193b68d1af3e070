using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Features.Inbox;

/// <summary>
/// Who answers: staff who may reply to conversations. Round-robin gives a conversation to whoever on
/// duty waited longest since their last one (station staff only get their station's conversations).
/// </summary>
public sealed class InboxAssignment(HibachiDbContext db, TimeProvider clock)
{
    /// <summary>Active staff whose roles may reply to conversations.</summary>
    public IQueryable<User> Agents() =>
        db.Users.Where(u => u.IsActive && u.CustomerId == null && u.Roles.Any(r =>
            db.RolePermissions.Any(rp => rp.RoleId == r.RoleId && rp.Permission!.Name == Permissions.ConversationsReply)));

    public async Task<User?> RoundRobinAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var station = conversation.StationId;
        var agent = await Agents().Where(u => u.OnInboxDuty && (u.StationId == null || u.StationId == station))
            .OrderBy(u => u.LastInboxAssignmentAt ?? DateTimeOffset.MinValue).ThenBy(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (agent is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        Assign(conversation, agent, automatic: true, now);
        await db.SaveChangesAsync(cancellationToken);
        return agent;
    }

    public void Assign(Conversation conversation, User? agent, bool automatic, DateTimeOffset now, string? by = null)
    {
        conversation.AssignedUserId = agent?.Id;
        conversation.AssignedName = agent?.DisplayName;
        if (agent is not null)
        {
            agent.LastInboxAssignmentAt = now;
        }

        db.ConversationEvents.Add(new ConversationEvent
        {
            ConversationId = conversation.Id, Kind = ConversationEventKind.Assigned, Automatic = automatic, ActorName = by ?? "round-robin", CreatedAt = now,
            Reason = agent is null ? "Unassigned." : automatic ? $"Assigned to {agent.DisplayName} (round-robin among staff on duty)." : $"Assigned to {agent.DisplayName}.",
        });
    }
}
