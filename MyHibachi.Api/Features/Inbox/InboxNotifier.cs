using Microsoft.AspNetCore.SignalR;
using MyHibachi.Realtime;

namespace MyHibachi.Api.Features.Inbox;

/// <summary>
/// Tells every staff browser that a conversation changed, after the change is committed. Best effort:
/// the inbox also refreshes on its own, so a Redis hiccup costs a few seconds of freshness, never a request.
/// </summary>
public sealed class InboxNotifier(IHubContext<InboxHub> hub, ILogger<InboxNotifier> logger)
{
    public void Changed(Guid conversationId, string kind, Guid? stationId = null) =>
        _ = SendAsync(new InboxChange(conversationId, kind, stationId));

    private async Task SendAsync(InboxChange change)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await hub.Clients.Group(InboxHub.StaffGroup).SendAsync(InboxHub.ConversationChanged, change, timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogDebug("The inbox change for {Conversation} was not pushed: {Error}", change.ConversationId, exception.Message);
        }
    }
}
