namespace MyHibachi.ServiceDefaults.Messaging;

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
    DateTimeOffset StartsAt, int Guests, long TotalCents, long DepositCents, string Source) : IntegrationEvent
{
    public const string EventType = "booking.created";

    public override string Type => EventType;
}

public sealed record BookingStatusChanged(
    Guid BookingId, string Reference, Guid StationId, string From, string To, string? Reason) : IntegrationEvent
{
    public const string Confirmed = "booking.confirmed";
    public const string Cancelled = "booking.cancelled";
    public const string Completed = "booking.completed";
    public const string NoShow = "booking.no_show";

    public override string Type => To switch
    {
        "Confirmed" => Confirmed,
        "Cancelled" => Cancelled,
        "Completed" => Completed,
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
    Guid LeadId, Guid? StationId, string Source, string Reason, string? Name, string? Email, string? Phone, int AttemptCount) : IntegrationEvent
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
