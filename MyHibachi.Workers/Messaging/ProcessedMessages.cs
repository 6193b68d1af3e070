using System.Net;
using MyHibachi.ApiClients;

namespace MyHibachi.Workers.Messaging;

/// <summary>The consumers' record, kept by the Api, of which messages they have already handled (idempotency).</summary>
public sealed class ProcessedMessages(InternalClient api)
{
    public async Task<bool> HasHandledAsync(string consumer, Guid messageId, CancellationToken cancellationToken)
    {
        var entry = await api.HandledMessageAsync(consumer, messageId, cancellationToken);
        return entry.Status == HttpStatusCode.NotFound ? false : entry.OrThrow("the handled-message lookup") is not null;
    }

    public async Task RecordAsync(string consumer, Guid messageId, CancellationToken cancellationToken) =>
        (await api.RecordHandledAsync(consumer, messageId, cancellationToken)).OrThrow("recording a handled message");
}
