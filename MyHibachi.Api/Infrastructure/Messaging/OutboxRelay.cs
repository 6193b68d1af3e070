using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.ServiceDefaults.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MyHibachi.Api.Infrastructure.Messaging;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ with publisher confirms and marks them published.
/// Rows are claimed with FOR UPDATE SKIP LOCKED so several Api replicas never send one row twice
/// at the same time. While RabbitMQ is down rows simply wait; they go out when it is back.
/// </summary>
public sealed class OutboxRelay(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    public const int BatchSize = 200;

    private static readonly ActivitySource Activity = new("MyHibachi.Outbox");

    private IChannel? _channel;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await PublishBatchAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // RabbitMQ or PostgreSQL is away: the rows stay unpublished and are sent once both answer.
                failures++;
                logger.LogWarning("Outbox relay cannot publish ({Error}); retrying with back-off.", exception.Message);
                await CloseChannelAsync();
            }

            if (published == BatchSize)
            {
                continue;
            }

            var wait = failures == 0 ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
            await signal.WaitAsync(wait, stoppingToken);
        }

        await CloseChannelAsync();
    }

    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HibachiDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE published_at IS NULL ORDER BY occurred_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var activity = Activity.StartActivity("outbox publish");
        activity?.SetTag("messaging.batch.message_count", batch.Count);
        var channel = await ChannelAsync(cancellationToken);
        var published = 0;
        try
        {
            foreach (var message in batch)
            {
                await PublishAsync(channel, message, cancellationToken);
                message.PublishedAt = clock.Now();
                published++;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failed = batch[published];
            failed.Attempts++;
            failed.LastError = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            throw;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return published;
    }

    private static async Task PublishAsync(IChannel channel, OutboxMessage message, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties
        {
            MessageId = message.Id.ToString(),
            Type = message.Type,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(message.OccurredAt.ToUnixTimeSeconds()),
        };
        // With confirmations tracked, this completes when the broker has taken the message.
        await channel.BasicPublishAsync(EventTopology.EventsExchange, message.Type, mandatory: false, properties,
            Encoding.UTF8.GetBytes(message.Payload), cancellationToken);
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await CloseChannelAsync();
        var connection = services.GetRequiredService<IConnection>();
        _channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        await EventTopology.DeclareExchangeAsync(_channel, cancellationToken);
        foreach (var (consumer, types) in EventTopology.Consumers)
        {
            await EventTopology.DeclareConsumerAsync(_channel, consumer, types, cancellationToken);
        }

        return _channel;
    }

    private async Task CloseChannelAsync()
    {
        if (_channel is not null)
        {
            try
            {
                await _channel.DisposeAsync();
            }
            catch (Exception exception) when (exception is AlreadyClosedException or IOException or OperationInterruptedException)
            {
            }

            _channel = null;
        }
    }
}
