using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MyHibachi.ServiceDefaults.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace MyHibachi.Workers.Messaging;

/// <summary>
/// Runs one <see cref="ConsumerDefinition"/> on its queue: manual acknowledgement; a message the
/// Api already recorded as handled by this consumer is acknowledged without running again; a
/// failure goes to the next delay queue (back-off) and, after the last, to the consumer's parking
/// queue; a payload that cannot be read is parked at once. Nothing is acknowledged before it is
/// handled or safely re-queued, so a crash only means a redelivery.
/// </summary>
public sealed class EventConsumer(
    ConsumerDefinition definition, IServiceProvider services, IServiceScopeFactory scopes, ILogger<EventConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Activity = new("MyHibachi.Workers");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!EventTopology.Consumers.TryGetValue(definition.Name, out var agreed) || !agreed.Order().SequenceEqual(definition.RoutingKeys.Order()))
        {
            throw new InvalidOperationException(
                $"Consumer {definition.Name} handles [{string.Join(", ", definition.RoutingKeys)}] but EventTopology.Consumers says [{string.Join(", ", agreed ?? [])}]: make them agree.");
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ConsumeUntilClosedAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                failures++;
                logger.LogWarning("Consumer {Consumer} lost RabbitMQ ({Error}); reconnecting.", definition.Name, exception.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures))), stoppingToken);
        }
    }

    private async Task ConsumeUntilClosedAsync(CancellationToken stoppingToken)
    {
        var consumerName = definition.Name;
        var eventTypes = definition.RoutingKeys;
        var connection = services.GetRequiredService<IConnection>();
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        await using var publisher = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stoppingToken);
        await EventTopology.DeclareConsumerAsync(channel, consumerName, eventTypes, stoppingToken);
        await channel.BasicQosAsync(0, prefetchCount: 16, global: false, stoppingToken);

        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.ChannelShutdownAsync += (_, _) =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(consumerName, channel, publisher, delivery, stoppingToken);
        await channel.BasicConsumeAsync(EventTopology.Queue(consumerName), autoAck: false, consumer, stoppingToken);
        logger.LogInformation("Consumer {Consumer} listening for {Types}.", consumerName, string.Join(", ", eventTypes));
        await closed.Task.WaitAsync(stoppingToken);
    }

    private async Task OnReceivedAsync(string consumerName, IChannel channel, IChannel publisher, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        var type = delivery.BasicProperties.Type ?? delivery.RoutingKey;
        using var activity = Activity.StartActivity($"{consumerName} handle {type}", ActivityKind.Consumer);
        if (!Guid.TryParse(delivery.BasicProperties.MessageId, out var messageId))
        {
            await ParkAsync(consumerName, publisher, delivery, "The message has no message id.", stoppingToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handled = scope.ServiceProvider.GetRequiredService<ProcessedMessages>();
            if (await handled.HasHandledAsync(consumerName, messageId, stoppingToken))
            {
                logger.LogInformation("{Consumer} already handled {MessageId}; acknowledging the redelivery.", consumerName, messageId);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
                return;
            }

            await definition.DispatchAsync(scope.ServiceProvider, Encoding.UTF8.GetString(delivery.Body.Span), new EventContext(messageId, type), stoppingToken);
            await handled.RecordAsync(consumerName, messageId, stoppingToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: not acknowledged, so RabbitMQ delivers it again later.
        }
        catch (JsonException unreadable)
        {
            // Retrying cannot make a payload readable: park it for a person to look at.
            logger.LogError(unreadable, "{Consumer} cannot read {MessageId} ({Type}); parked.", consumerName, messageId, type);
            await ParkAsync(consumerName, publisher, delivery, unreadable.Message, stoppingToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
        }
        catch (Exception exception)
        {
            await RetryLaterAsync(consumerName, channel, publisher, delivery, exception, stoppingToken);
        }
    }

    private async Task RetryLaterAsync(string consumerName, IChannel channel, IChannel publisher, BasicDeliverEventArgs delivery, Exception error, CancellationToken stoppingToken)
    {
        var attempt = Attempt(delivery) + 1;
        try
        {
            if (attempt <= EventTopology.RetryDelays.Length)
            {
                logger.LogWarning("{Consumer} failed on {MessageId} (attempt {Attempt}): {Error}; retrying in {Delay}.",
                    consumerName, delivery.BasicProperties.MessageId, attempt, error.Message, EventTopology.RetryDelays[attempt - 1]);
                await RepublishAsync(publisher, EventTopology.RetryQueue(consumerName, attempt - 1), delivery, attempt, error.Message, stoppingToken);
            }
            else
            {
                logger.LogError(error, "{Consumer} gave up on {MessageId} after {Attempts} attempts; parked.", consumerName, delivery.BasicProperties.MessageId, attempt);
                await ParkAsync(consumerName, publisher, delivery, error.Message, stoppingToken);
            }

            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
        }
        catch (Exception republishError) when (republishError is not OperationCanceledException)
        {
            // Could not hand it on safely: leave it with RabbitMQ.
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, stoppingToken);
        }
    }

    private static Task ParkAsync(string consumerName, IChannel publisher, BasicDeliverEventArgs delivery, string error, CancellationToken cancellationToken) =>
        RepublishAsync(publisher, EventTopology.DeadLetterQueue(consumerName), delivery, Attempt(delivery), error, cancellationToken);

    private static async Task RepublishAsync(IChannel publisher, string queue, BasicDeliverEventArgs delivery, int attempt, string error, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties(delivery.BasicProperties)
        {
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?>(delivery.BasicProperties.Headers ?? new Dictionary<string, object?>())
            {
                [EventTopology.AttemptHeader] = attempt,
                [EventTopology.ErrorHeader] = TextLimits.Clip(error, 500),
            },
        };
        await publisher.BasicPublishAsync("", queue, mandatory: true, properties, delivery.Body, cancellationToken);
    }

    private static int Attempt(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Headers?.TryGetValue(EventTopology.AttemptHeader, out var value) == true && value is int attempt ? attempt : 0;
}
