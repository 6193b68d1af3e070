using System.Globalization;
using System.Net;
using System.Text.Json;
using MyHibachi.ServiceDefaults.Messaging;
using MyHibachi.Workers.Messaging;

namespace MyHibachi.Workers.Notifications;

/// <summary>The parts of a booking an e-mail needs, as the Api returns them.</summary>
public sealed record BookingView(
    Guid Id, string Reference, string Status, DateOnly LocalDate, string LocalStartTime, string TimeZone, int Adults, int Children,
    string? ChefName, BookingContact Contact, BookingAddress Address, BookingPricing Pricing, string? CancelReason);

public sealed record BookingContact(string Name, string Email, string? Phone);

public sealed record BookingAddress(string Line1, string? Line2, string City, string State, string Zip);

public sealed record BookingPricing(long TotalCents, long DepositCents, long BalanceDueCents, long SuggestedGratuityCents);

/// <summary>E-mails the customer when a booking is made, confirmed, moved or cancelled.</summary>
public sealed class BookingNotifications(HibachiApi api, EmailSender email, ILogger<BookingNotifications> logger) : IEventHandler
{
    public string Name => "notifications";

    public IReadOnlyCollection<string> EventTypes { get; } =
        [BookingCreated.EventType, BookingStatusChanged.Confirmed, BookingStatusChanged.Cancelled, BookingRescheduled.EventType];

    public async Task HandleAsync(string eventType, Guid messageId, string payload, CancellationToken cancellationToken)
    {
        var bookingId = JsonDocument.Parse(payload).RootElement.GetProperty("bookingId").GetGuid();
        var booking = await api.GetAsync<BookingView>($"/api/bookings/{bookingId}", cancellationToken);
        if (booking is null)
        {
            logger.LogInformation("Booking {BookingId} no longer exists; nothing to send for {EventType}.", bookingId, eventType);
            return;
        }

        var (subject, lead) = eventType switch
        {
            BookingCreated.EventType => ($"We've got your date: {booking.Reference}", "Thank you for booking MyHibachi! Your chef is pencilled in; pay the deposit to confirm the date."),
            BookingStatusChanged.Confirmed => ($"Confirmed: {booking.Reference}", "Your hibachi party is confirmed. Your chef will arrive about an hour early to set up."),
            BookingStatusChanged.Cancelled => ($"Cancelled: {booking.Reference}", $"Your booking has been cancelled{(booking.CancelReason is null ? "" : $" ({booking.CancelReason})")}."),
            _ => ($"New time for {booking.Reference}", "Your hibachi party has a new date or time."),
        };

        var when = $"{booking.LocalDate.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)} at {booking.LocalStartTime} ({booking.TimeZone})";
        var where = $"{booking.Address.Line1}, {booking.Address.City}, {booking.Address.State} {booking.Address.Zip}";
        var guests = $"{booking.Adults} adults" + (booking.Children > 0 ? $", {booking.Children} children" : "");
        var money = $"Total {Money(booking.Pricing.TotalCents)} · deposit {Money(booking.Pricing.DepositCents)} · balance {Money(booking.Pricing.BalanceDueCents)}";
        var text = $"""
            Hi {booking.Contact.Name},

            {lead}

            Booking: {booking.Reference}
            When: {when}
            Where: {where}
            Guests: {guests}
            {(booking.ChefName is null ? "" : $"Chef: {booking.ChefName}\n")}{money}

            Questions? Just reply to this e-mail.
            MyHibachi
            """;
        var html = $"""
            <p>Hi {Encode(booking.Contact.Name)},</p>
            <p>{Encode(lead)}</p>
            <table>
              <tr><th align="left">Booking</th><td>{Encode(booking.Reference)}</td></tr>
              <tr><th align="left">When</th><td>{Encode(when)}</td></tr>
              <tr><th align="left">Where</th><td>{Encode(where)}</td></tr>
              <tr><th align="left">Guests</th><td>{Encode(guests)}</td></tr>
              {(booking.ChefName is null ? "" : $"<tr><th align=\"left\">Chef</th><td>{Encode(booking.ChefName)}</td></tr>")}
              <tr><th align="left">Price</th><td>{Encode(money)}</td></tr>
            </table>
            <p>Questions? Just reply to this e-mail.<br>MyHibachi</p>
            """;
        await email.SendAsync(email.Compose(messageId.ToString(), booking.Contact.Name, booking.Contact.Email, subject, text, html), cancellationToken);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Money(long cents) => (cents / 100m).ToString("$#,0.00", CultureInfo.InvariantCulture);
}
