using Microsoft.Extensions.Options;
using MyHibachi.ApiClients;
using MyHibachi.Contracts.Events;
using MyHibachi.Workers.Jobs;
using MyHibachi.Workers.Messaging;

namespace MyHibachi.Workers.Google;

/// <summary>Every few minutes: each linked chef calendar is read (incrementally) and its push channel kept open.</summary>
public sealed class CalendarSyncJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<GoogleOptions> options, ILogger<CalendarSyncJob> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now) => options.Value.CalendarSyncEvery;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var targets = (await services.GetRequiredService<GoogleClient>().CalendarTargetsAsync(cancellationToken)).OrThrow("the linked calendars");
        var sync = services.GetRequiredService<CalendarSync>();
        foreach (var target in targets)
        {
            try
            {
                await sync.SyncAsync(target.ChefId, cancellationToken);
            }
            catch (GoogleException exception)
            {
                logger.LogWarning("Calendar sync for chef {Chef} will be tried at the next run: {Error}", target.ChefId, exception.Message);
            }
        }
    }
}

/// <summary>Staff asked, Google pushed a change, or a calendar was linked: read that chef's calendar now.</summary>
public sealed class CalendarSyncing(CalendarSync sync) : IEventHandler<CalendarSyncRequested>
{
    public Task HandleAsync(CalendarSyncRequested message, EventContext context, CancellationToken cancellationToken) => sync.SyncAsync(message.ChefId, cancellationToken);
}

/// <summary>
/// Bookings on chefs' Google calendars: created, moved, reassigned, cancelled or released, the booking's event
/// follows. Before a booking's event is written its chef's calendar is read again, so a busy time added since the
/// last sync is seen now (and reported as a clash) rather than at the next scheduled run.
/// </summary>
public sealed class BookingCalendarEvents(CalendarSync sync, ILogger<BookingCalendarEvents> logger)
    : IEventHandler<BookingCreated>, IEventHandler<BookingStatusChanged>, IEventHandler<BookingChefAssigned>, IEventHandler<BookingRescheduled>,
        IEventHandler<BookingHoldReleased>
{
    public Task HandleAsync(BookingCreated message, EventContext context, CancellationToken cancellationToken) =>
        PlaceAsync(message.BookingId, message.ChefId, cancellationToken);

    public Task HandleAsync(BookingStatusChanged message, EventContext context, CancellationToken cancellationToken) =>
        PlaceAsync(message.BookingId, null, cancellationToken);

    public Task HandleAsync(BookingChefAssigned message, EventContext context, CancellationToken cancellationToken) =>
        PlaceAsync(message.BookingId, message.ChefId, cancellationToken);

    public Task HandleAsync(BookingRescheduled message, EventContext context, CancellationToken cancellationToken) =>
        PlaceAsync(message.BookingId, null, cancellationToken);

    public Task HandleAsync(BookingHoldReleased message, EventContext context, CancellationToken cancellationToken) =>
        PlaceAsync(message.BookingId, null, cancellationToken);

    private async Task PlaceAsync(Guid bookingId, Guid? recheckChef, CancellationToken cancellationToken)
    {
        try
        {
            if (recheckChef is { } chefId)
            {
                await sync.SyncAsync(chefId, cancellationToken);
            }

            await sync.PlaceBookingAsync(bookingId, cancellationToken);
        }
        catch (GoogleException exception) when (!exception.Transient)
        {
            // A refusal (calendar not shared, connection revoked) is for a person; retrying will not help.
            logger.LogWarning("Booking {Booking}'s calendar event could not be written: {Error}", bookingId, exception.Message);
        }
    }
}
