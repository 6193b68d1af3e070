using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyHibachi.Contracts.Events;

/// <summary>
/// Integration events: what the Api tells the rest of the system after a change is committed.
/// The routing key of each is its <see cref="IntegrationEvent.Type"/>.
/// </summary>
public abstract record IntegrationEvent
{
    public abstract string Type { get; }
}

public sealed record BookingCreated(
    Guid BookingId, string Reference, Guid StationId, Guid CustomerId, Guid? ChefId,
    DateTimeOffset StartsAt, int Guests, long TotalCents, long DepositCents, LeadSource Source) : IntegrationEvent
{
    public const string EventType = "booking.created";

    public override string Type => EventType;
}

public sealed record BookingStatusChanged(
    Guid BookingId, string Reference, Guid StationId, BookingStatus From, BookingStatus To, string? Reason) : IntegrationEvent
{
    public const string Confirmed = "booking.confirmed";
    public const string Cancelled = "booking.cancelled";
    public const string Completed = "booking.completed";
    public const string NoShow = "booking.no_show";

    public override string Type => To switch
    {
        BookingStatus.Confirmed => Confirmed,
        BookingStatus.Cancelled => Cancelled,
        BookingStatus.Completed => Completed,
        _ => NoShow,
    };
}

public sealed record BookingChefAssigned(Guid BookingId, string Reference, Guid StationId, Guid ChefId, Guid? PreviousChefId) : IntegrationEvent
{
    public const string EventType = "booking.chef_assigned";

    public override string Type => EventType;
}

public sealed record BookingRescheduled(Guid BookingId, string Reference, Guid StationId, DateTimeOffset PreviousStartsAt, DateTimeOffset StartsAt) : IntegrationEvent
{
    public const string EventType = "booking.rescheduled";

    public override string Type => EventType;
}

public sealed record LeadCaptured(
    Guid LeadId, Guid? StationId, LeadSource Source, LeadReason Reason, string? Name, string? Email, string? Phone, int AttemptCount) : IntegrationEvent
{
    public const string EventType = "lead.captured";

    public override string Type => EventType;
}

/// <summary>A customer signed up: the Workers e-mail them the confirmation link.</summary>
public sealed record UserRegistered(Guid UserId, string Email, string DisplayName, string ConfirmationToken) : IntegrationEvent
{
    public const string EventType = "user.registered";

    public override string Type => EventType;
}

/// <summary>
/// A password reset link is due: the account's owner asked for one, or someone tried to sign up with
/// an address that already has an account (its owner gets the link instead of a second account).
/// </summary>
public sealed record PasswordResetRequested(Guid UserId, string Email, string DisplayName, string ResetToken, bool AlreadyRegistered) : IntegrationEvent
{
    public const string EventType = "user.password_reset_requested";

    public override string Type => EventType;
}

/// <summary>Every routing key and the event record its payload holds, and how payloads are written.</summary>
public static class IntegrationEvents
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static readonly IReadOnlyDictionary<string, Type> ByRoutingKey = new Dictionary<string, Type>
    {
        [BookingCreated.EventType] = typeof(BookingCreated),
        [BookingStatusChanged.Confirmed] = typeof(BookingStatusChanged),
        [BookingStatusChanged.Cancelled] = typeof(BookingStatusChanged),
        [BookingStatusChanged.Completed] = typeof(BookingStatusChanged),
        [BookingStatusChanged.NoShow] = typeof(BookingStatusChanged),
        [BookingChefAssigned.EventType] = typeof(BookingChefAssigned),
        [BookingRescheduled.EventType] = typeof(BookingRescheduled),
        [LeadCaptured.EventType] = typeof(LeadCaptured),
        [UserRegistered.EventType] = typeof(UserRegistered),
        [PasswordResetRequested.EventType] = typeof(PasswordResetRequested),
    };

    /// <summary>The routing keys whose payload is a <typeparamref name="TEvent"/>.</summary>
    public static IReadOnlyList<string> RoutingKeysOf<TEvent>() where TEvent : IntegrationEvent =>
        ByRoutingKey.Where(e => e.Value == typeof(TEvent)).Select(e => e.Key).ToList();

    public static string Serialize<TEvent>(TEvent integrationEvent) where TEvent : IntegrationEvent =>
        JsonSerializer.Serialize(integrationEvent, Json);
}
