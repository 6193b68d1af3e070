using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text.Json;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Workers.Messaging;

/// <summary>Where a message came from: its id (for idempotency and e-mail ids) and routing key.</summary>
public sealed record EventContext(Guid MessageId, string RoutingKey);

/// <summary>Handles one kind of integration event; resolved in a fresh scope per message.</summary>
public interface IEventHandler<in TEvent> where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent message, EventContext context, CancellationToken cancellationToken);
}

/// <summary>
/// A consumer: one queue (workers.{Name}), the routing keys bound to it, and for each key how its
/// payload is read and which handler gets it.
/// </summary>
public sealed class ConsumerDefinition(string name)
{
    private readonly Dictionary<string, Func<IServiceProvider, string, EventContext, CancellationToken, Task>> _routes = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public IReadOnlyCollection<string> RoutingKeys => _routes.Keys;

    internal void Route<TEvent, THandler>(string routingKey) where TEvent : IntegrationEvent where THandler : IEventHandler<TEvent> =>
        _routes[routingKey] = async (services, payload, context, cancellationToken) =>
        {
            var message = JsonSerializer.Deserialize<TEvent>(payload, IntegrationEvents.Json)
                ?? throw new JsonException($"The {routingKey} payload is empty.");
            await services.GetRequiredService<THandler>().HandleAsync(message, context, cancellationToken);
        };

    /// <summary>Reads the payload as its event record and runs the handler; throws <see cref="JsonException"/> for a payload it cannot read.</summary>
    public Task DispatchAsync(IServiceProvider services, string payload, EventContext context, CancellationToken cancellationToken) =>
        _routes.TryGetValue(context.RoutingKey, out var route)
            ? route(services, payload, context, cancellationToken)
            : throw new InvalidOperationException($"{Name} has no handler for {context.RoutingKey}.");
}

public sealed class ConsumerBuilder(IServiceCollection services, ConsumerDefinition definition)
{
    /// <summary>
    /// Sends <typeparamref name="TEvent"/> to <typeparamref name="THandler"/>: every routing key that
    /// carries that event, or only the keys given (e.g. just the confirmed and cancelled status changes).
    /// </summary>
    public ConsumerBuilder Handle<TEvent, THandler>(params string[] routingKeys)
        where TEvent : IntegrationEvent where THandler : class, IEventHandler<TEvent>
    {
        services.TryAddScoped<THandler>();
        var keys = routingKeys.Length > 0 ? routingKeys : IntegrationEvents.RoutingKeysOf<TEvent>();
        foreach (var key in keys)
        {
            if (!IntegrationEvents.ByRoutingKey.TryGetValue(key, out var type) || type != typeof(TEvent))
            {
                throw new ArgumentException($"{key} does not carry a {typeof(TEvent).Name}.", nameof(routingKeys));
            }

            definition.Route<TEvent, THandler>(key);
        }

        return this;
    }
}

public static class ConsumerRegistration
{
    /// <summary>A consumer with its own queue, retries and parking queue; its handlers are added with <see cref="ConsumerBuilder.Handle{TEvent, THandler}"/>.</summary>
    public static ConsumerBuilder AddConsumer(this IServiceCollection services, string name)
    {
        var definition = new ConsumerDefinition(name);
        services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<EventConsumer>(provider, definition));
        return new ConsumerBuilder(services, definition);
    }
}
