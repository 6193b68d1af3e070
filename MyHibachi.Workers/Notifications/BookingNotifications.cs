using System.Globalization;
using System.Net;
using MyHibachi.ApiClients;
using MyHibachi.Contracts;
using MyHibachi.Contracts.Events;
using MyHibachi.Workers.Messaging;
using MyHibachi.Workers.Notifications.Templates;

namespace MyHibachi.Workers.Notifications;

/// <summary>What a booking e-mail says, worked out once for its HTML template and its text part.</summary>
public sealed record BookingEmailModel(BookingDto Booking, string Subject, string Lead, string? PayUrl = null, IReadOnlyList<string>? Terms = null)
{
    public string When => $"{Booking.LocalDate.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture)} at {StationNames.Time(Booking.LocalStartTime, Booking.TimeZone)}";

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
        {(PayUrl is null ? "" : $"\nPay the deposit: {PayUrl}\n")}{(Terms is null ? "" : "\n" + string.Join("\n", Terms) + "\n")}

        Questions? Just reply to this e-mail.
        MyHibachi
        """;

    public static string Dollars(long cents) => (cents / 100m).ToString("$#,0.00", CultureInfo.InvariantCulture);

    /// <summary>An instant in the booking's zone: "Thursday, December 3 at 6:00 PM ET".</summary>
    public string Local(DateTimeOffset at)
    {
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(Booking.TimeZone, out var zone) ? TimeZoneInfo.ConvertTime(at, zone) : at.ToUniversalTime();
        return $"{local.ToString("dddd, MMMM d", CultureInfo.InvariantCulture)} at {StationNames.Time(local.ToString("HH:mm", CultureInfo.InvariantCulture), Booking.TimeZone)}";
    }

    /// <summary>
    /// What a pending booking that waits for its deposit commits the customer to, in plain words: what
    /// is held until when, what is owed now and later, how to pay, and what cancelling costs.
    /// </summary>
    public static IReadOnlyList<string> DepositTerms(BookingEmailModel model, BookingPaymentsDto money, BookingTermsDto terms)
    {
        var summary = money.Summary;
        var lines = new List<string>
        {
            summary.HoldExpiresAt is { } hold
                ? $"Not confirmed yet: we hold your date until {model.Local(hold)}. Pay the {Dollars(summary.DepositDueCents)} deposit by then to confirm it; if it is not paid, the date is released and nothing is owed."
                : $"Not confirmed yet: pay the {Dollars(summary.DepositDueCents)} deposit to confirm your date.",
            $"The balance of {Dollars(summary.DueCents - summary.DepositDueCents)} is due before the party"
                + (terms.CardPaymentsAvailable ? $"; the card you pay the deposit with is charged {terms.ChargeBalanceDaysBefore} days before." : "."),
            (terms.CardPaymentsAvailable ? "Pay by card with the button above, or: " : "How to pay: ") + money.PayInstructions,
            $"If you cancel: {terms.CancellationPolicy}",
        };
        return lines;
    }
}

/// <summary>E-mails the customer when a booking is made, confirmed, moved or cancelled.</summary>
public sealed class BookingNotifications(
    BookingsClient bookings, PaymentsClient payments, InternalClient api, EmailSender email, EmailTemplates templates, ILogger<BookingNotifications> logger)
    : IEventHandler<BookingCreated>, IEventHandler<BookingStatusChanged>, IEventHandler<BookingRescheduled>
{
    public async Task HandleAsync(BookingCreated message, EventContext context, CancellationToken cancellationToken)
    {
        // The pay link lets a guest without an account pay the deposit straight from the e-mail; the
        // e-mail says what is held until when, what is owed, how to pay and what cancelling costs.
        var link = message.DepositCents > 0 ? (await api.PayLinkAsync(message.BookingId, cancellationToken)).OrThrow("the pay link") : null;
        var money = link is null ? null : (await payments.ForBookingAsync(message.BookingId, link.Token, cancellationToken)).OrThrow("the booking's payments");
        var terms = money is null ? null : (await payments.TermsAsync(cancellationToken)).OrThrow("the booking terms");
        await SendAsync(message.BookingId, context, booking =>
        {
            var waits = booking.Status == BookingStatus.Pending && money is { Summary.DepositPaid: false };
            var model = new BookingEmailModel(booking, waits ? $"Your date is held: {booking.Reference}" : $"We've got your date: {booking.Reference}",
                waits ? "Thank you for choosing MyHibachi! Your date is held, but not confirmed until the deposit is paid." : "Thank you for booking MyHibachi!",
                waits ? link!.Url : null);
            return waits ? model with { Terms = BookingEmailModel.DepositTerms(model, money!, terms!) } : model;
        }, cancellationToken);
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
