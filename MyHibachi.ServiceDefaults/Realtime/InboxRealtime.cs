using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace MyHibachi.Realtime;

/// <summary>
/// The inbox's live channel. The site maps it for signed-in staff; the Api, which does not map it,
/// sends through it: both use the Redis backplane with the same hub type and prefix, so a change the
/// Api commits reaches every staff browser on every site replica.
/// </summary>
public sealed class InboxHub : Hub
{
    public const string Path = "/hubs/inbox";

    public const string StaffGroup = "inbox-staff";

    /// <summary>The client method: a conversation changed (new message, delivery status, assignment...).</summary>
    public const string ConversationChanged = "conversationChanged";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, StaffGroup);
        await base.OnConnectedAsync();
    }
}

/// <summary>What changed: the browser fetches the list and the open thread again through the site.</summary>
public sealed record InboxChange(Guid ConversationId, string Kind, Guid? StationId);

public static class InboxRealtimeRegistration
{
    public const string ChannelPrefix = "MyHibachi";

    /// <summary>SignalR with the Redis backplane on the service's own Redis connection (the Aspire client's multiplexer).</summary>
    public static ISignalRServerBuilder AddInboxRealtime(this IServiceCollection services)
    {
        var signalR = services.AddSignalR().AddStackExchangeRedis(options => options.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix));
        services.AddOptions<RedisOptions>().Configure<IConnectionMultiplexer>((options, multiplexer) =>
            options.ConnectionFactory = _ => Task.FromResult(multiplexer));
        return signalR;
    }
}
