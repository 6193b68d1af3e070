using MyHibachi.Contracts.Events;
using RabbitMQ.Client;

namespace MyHibachi.ServiceDefaults.Messaging;

/// <summary>
/// The RabbitMQ names both sides agree on. Events go to one durable topic exchange, routed by type.
/// Each consumer owns a durable queue, a ladder of delay queues for retries with back-off, and a
/// parking queue for messages that kept failing.
/// </summary>
public static class EventTopology
{
    public const string EventsExchange = "hibachi.events";

    /// <summary>Retry delays: attempt 1 waits the first, attempt 2 the second, ...</summary>
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1)];

    public const string AttemptHeader = "x-hibachi-attempt";

    public const string ErrorHeader = "x-hibachi-error";

    /// <summary>
    /// Every consumer's queue and the event types bound to it. The Workers declare their queues from
    /// their handlers (and refuse to start if those differ from this list); the Api declares the same
    /// queues before it first publishes, so an event sent before the Workers ever started waits in its
    /// queue instead of being dropped by an exchange with nowhere to route it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Consumers = new Dictionary<string, string[]>
    {
        ["notifications"] = [BookingCreated.EventType, BookingStatusChanged.Confirmed, BookingStatusChanged.Cancelled, BookingRescheduled.EventType],
        ["lead-follow-up"] = [LeadCaptured.EventType],
        ["account-emails"] = [UserRegistered.EventType, PasswordResetRequested.EventType],
        ["payments"] = [PaymentRecorded.EventType, BalancePaymentFailed.EventType, RefundRecorded.EventType, BookingStatusChanged.Cancelled],
        ["price-changes"] = [PriceChanged.EventType],
        ["inbox"] = [InboxMessageReceived.EventType],
        ["inbox-sending"] = [InboxMessageQueued.EventType, CommentModerated.EventType],
        ["calls"] = [CallEnded.EventType],
        ["inbox-mentions"] = [StaffMentioned.EventType],
        ["calendar-sync"] = [CalendarSyncRequested.EventType],
        ["google-sync"] = [GoogleSyncRequested.EventType],
        ["google-replies"] = [ReviewReplyApproved.EventType],
        ["google-alerts"] = [CpaAlertsFired.EventType, NegativeGoogleReviews.EventType],
        ["calendar-events"] =
        [
            BookingCreated.EventType, BookingStatusChanged.Confirmed, BookingStatusChanged.Cancelled, BookingChefAssigned.EventType,
            BookingRescheduled.EventType, BookingHoldReleased.EventType,
        ],
    };

    public static string Queue(string consumer) => $"workers.{consumer}";

    public static string RetryQueue(string consumer, int level) => $"workers.{consumer}.retry.{level}";

    public static string DeadLetterQueue(string consumer) => $"workers.{consumer}.dead";

    public static Task DeclareExchangeAsync(IChannel channel, CancellationToken cancellationToken = default) =>
        channel.ExchangeDeclareAsync(EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);

    /// <summary>Declares a consumer's queues and binds it to the event types it handles.</summary>
    public static async Task DeclareConsumerAsync(IChannel channel, string consumer, IEnumerable<string> eventTypes, CancellationToken cancellationToken = default)
    {
        await DeclareExchangeAsync(channel, cancellationToken);
        var queue = Queue(consumer);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        foreach (var type in eventTypes)
        {
            await channel.QueueBindAsync(queue, EventsExchange, type, cancellationToken: cancellationToken);
        }

        for (var level = 0; level < RetryDelays.Length; level++)
        {
            // A delay queue has no consumer: its messages expire and dead-letter back into the main queue.
            await channel.QueueDeclareAsync(RetryQueue(consumer, level), durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?>
                {
                    ["x-message-ttl"] = (int)RetryDelays[level].TotalMilliseconds,
                    ["x-dead-letter-exchange"] = "",
                    ["x-dead-letter-routing-key"] = queue,
                },
                cancellationToken: cancellationToken);
        }

        await channel.QueueDeclareAsync(DeadLetterQueue(consumer), durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
    }
}
