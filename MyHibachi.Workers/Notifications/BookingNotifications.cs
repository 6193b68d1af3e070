using System.Globalization;
using System.Net;
using MyHibachi.ApiClients;
using MyHibachi.Contracts;
using MyHibachi.Contracts.Events;
using MyHibachi.Workers.Messaging;
using MyHibachi.Workers.Notifications.Templates;

namespace MyHibachi.Workers.Notifications;

/// <summary>What a booking e-mail says, worked out once for its HTML template and its text part.</summary>
public sealed record BookingEmailModel(BookingDto Booking, string Subject, string Lead, string? PayUrl = null)
{
    public string When => $"{Booking.LocalDate.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)} at {Booking.LocalStartTime} ({Booking.TimeZone})";

    public string Where => $"{Booking.Address.Line1}, {Booking.Address.City}, {Booking.Address.State} {Booking.Address.Zip}";

    public string Guests => $"{Booking.Adults} adults" + (Booking.Children > 0 ? $", {Booking.Children} children" : "");

    public string Money => $"Total {Dollars(Booking.Pricing.TotalCents)} · deposit {Dollars(Booking.Pricing.DepositCents)} · balance {Dollars(Booking.Pricing.BalanceDueCents)}";

    public string Text => $"""
        Hi {Booking.Contact.Name},

        {Lead}

        Booking: {Booking.Reference}
        When: {When}
        Where: {Where}
        Guests: {Guests}
        {(Booking.ChefName is null ? "" : $"Chef: {Booking.ChefName}\n")}{Money}
        {(PayUrl is null ? "" : $"\nPay the deposit: {PayUrl}\n")}

        Questions? Just reply to this e-mail.
        MyHibachi
        """;

    public static string Dollars(long cents) => (cents / 100m).ToString("$#,0.00", CultureInfo.InvariantCulture);
}

/// <summary>E-mails the customer when a booking is made, confirmed, moved or cancelled.</summary>
public sealed class BookingNotifications(
    BookingsClient bookings, InternalClient api, EmailSender email, EmailTemplates templates, ILogger<BookingNotifications> logger)
    : IEventHandler<BookingCreated>, IEventHandler<BookingStatusChanged>, IEventHandler<BookingRescheduled>
{
    public async Task HandleAsync(BookingCreated message, EventContext context, CancellationToken cancellationToken)
    {
        // The pay link lets a guest without an account pay the deposit straight from the e-mail.
        var payUrl = message.DepositCents > 0 ? (await api.PayLinkAsync(message.BookingId, cancellationToken)).OrThrow("the pay link").Url : null;
        await SendAsync(message.BookingId, context, booking => new BookingEmailModel(booking, $"We've got your date: {booking.Reference}",
            booking.Status == BookingStatus.Pending && payUrl is not null
                ? "Thank you for booking MyHibachi! Your chef is pencilled in; pay the deposit to confirm the date."
                : "Thank you for booking MyHibachi!",
            booking.Status == BookingStatus.Pending ? payUrl : null), cancellationToken);
    }

    public Task HandleAsync(BookingStatusChanged message, EventContext context, CancellationToken cancellationToken) =>
        SendAsync(message.BookingId, context, booking => message.To == BookingStatus.Cancelled
            ? new BookingEmailModel(booking, $"Cancelled: {booking.Reference}",
                $"Your booking has been cancelled{(booking.CancelReason is null ? "" : $" ({booking.CancelReason})")}.")
            : new BookingEmailModel(booking, $"Confirmed: {booking.Reference}",
                "Your hibachi party is confirmed. Your chef will arrive about an hour early to set up."), cancellationToken);

    public Task HandleAsync(BookingRescheduled message, EventContext context, CancellationToken cancellationToken) =>
        SendAsync(message.BookingId, context, booking => new BookingEmailModel(booking, $"New time for {booking.Reference}",
            "Your hibachi party has a new date or time."), cancellationToken);

    private async Task SendAsync(Guid bookingId, EventContext context, Func<BookingDto, BookingEmailModel> compose, CancellationToken cancellationToken)
    {
        var found = await bookings.GetAsync(bookingId, cancellationToken);
        if (found.Status == HttpStatusCode.NotFound)
        {
            logger.LogInformation("Booking {BookingId} no longer exists; nothing to send for {EventType}.", bookingId, context.RoutingKey);
            return;
        }

        var model = compose(found.OrThrow("the booking for its e-mail"));
        var html = await templates.RenderAsync<BookingEmail>(new Dictionary<string, object?> { [nameof(BookingEmail.Model)] = model });
        await email.SendAsync(email.Compose(context.MessageId.ToString(), model.Booking.Contact.Name, model.Booking.Contact.Email, model.Subject, model.Text, html),
            cancellationToken);
    }
}
