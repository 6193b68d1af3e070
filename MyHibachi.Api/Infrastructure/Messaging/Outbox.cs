using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Api.Infrastructure.Messaging;

public static class Outbox
{
    /// <summary>Adds the event to the unit of work: it is committed with the change, or not at all.</summary>
    public static void Publish<TEvent>(this HibachiDbContext db, TEvent integrationEvent, DateTimeOffset now) where TEvent : IntegrationEvent =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Type = integrationEvent.Type,
            Payload = IntegrationEvents.Serialize(integrationEvent),
            OccurredAt = now,
        });
}

/// <summary>Wakes the relay right after a commit that wrote events, so delivery does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void NotifyIfPending(DbContext? context)
    {
        if (context is HibachiDbContext && context.ChangeTracker.Entries<OutboxMessage>().Any())
        {
            Notify();
        }
    }

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _signal.WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
