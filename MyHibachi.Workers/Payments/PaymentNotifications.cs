using System.Globalization;
using Microsoft.Extensions.Options;
using MyHibachi.ApiClients;
using MyHibachi.Contracts;
using MyHibachi.Contracts.Events;
using MyHibachi.Workers.Messaging;
using MyHibachi.Workers.Notifications;
using MyHibachi.Workers.Notifications.Templates;

namespace MyHibachi.Workers.Payments;

/// <summary>
/// After money moves: each payment gets its invoice (numbered by the Api, drawn here as a PDF, stored
/// through the Api and e-mailed with it), a failed balance charge sends the customer a pay link, a
/// refund is confirmed to the customer, and a cancelled booking gets its policy refund.
/// </summary>
public sealed class PaymentNotifications(
    InternalClient api, PaymentsClient payments, BookingsClient bookings, EmailSender email, EmailTemplates templates, IOptions<BusinessOptions> business, ILogger<PaymentNotifications> logger)
    : IEventHandler<PaymentRecorded>, IEventHandler<BalancePaymentFailed>, IEventHandler<RefundRecorded>, IEventHandler<BookingStatusChanged>
{
    public async Task HandleAsync(PaymentRecorded message, EventContext context, CancellationToken cancellationToken)
    {
        var document = (await api.IssueInvoiceAsync(message.LedgerEntryId, cancellationToken)).OrThrow("the invoice");
        var invoice = document.Invoice;
        var pdf = InvoicePdf.Render(document, business.Value);
        if (!invoice.HasPdf)
        {
            invoice = (await api.AttachInvoicePdfAsync(invoice.Id, pdf, cancellationToken)).OrThrow("the invoice PDF");
        }

        if (invoice.EmailedAt is not null)
        {
            return; // a redelivered message: the customer has it already
        }

        var model = new MessageEmailModel(document.CustomerName, $"Payment received: {invoice.BookingReference} (invoice {invoice.Number})",
            [
                $"Thank you! We received {Money(invoice.AmountCents)} for your hibachi party {invoice.BookingReference}. Your invoice is attached.",
                document.DueCents > 0 ? $"{Money(document.DueCents)} remains to be paid before the event." : "Your booking is paid in full.",
            ],
            [("Invoice", invoice.Number), ("Event", $"{document.EventDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} at {document.EventTime}"),
             ("Paid to date", Money(document.PaidToDateCents))]);
        await SendAsync(context, document.CustomerName, document.CustomerEmail, model, cancellationToken,
            new EmailAttachment($"invoice-{invoice.Number}.pdf", pdf, "application/pdf"));
        (await api.MarkInvoiceEmailedAsync(invoice.Id, cancellationToken)).OrThrow("marking the invoice e-mailed");
    }

    public async Task HandleAsync(BalancePaymentFailed message, EventContext context, CancellationToken cancellationToken)
    {
        var link = (await api.PayLinkAsync(message.BookingId, cancellationToken)).OrThrow("the pay link");
        var booking = await BookingAsync(message.BookingId, cancellationToken);
        if (booking is null)
        {
            return;
        }

        var why = message.Code == "authentication_required"
            ? "Your bank asked to confirm the payment with you, so it could not go through automatically."
            : $"Your card was not charged{(string.IsNullOrWhiteSpace(message.Message) ? "." : $": {message.Message}")}";
        var model = new MessageEmailModel(booking.ContactName, $"Action needed: the balance for {booking.Reference}",
            [$"We tried to collect the balance of {Money(message.AmountCents)} for your hibachi party {booking.Reference}. {why}",
             "Please pay it with the button below before your event; it takes a minute."],
            [("Event", $"{booking.LocalDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} at {booking.LocalStartTime}"),
             ("Balance", Money(booking.Summary.DueCents))],
            link.Url, "Pay the balance");
        await SendAsync(context, booking.ContactName, await EmailOfAsync(message.BookingId, cancellationToken), model, cancellationToken);
    }

    public async Task HandleAsync(RefundRecorded message, EventContext context, CancellationToken cancellationToken)
    {
        var booking = await BookingAsync(message.BookingId, cancellationToken);
        if (booking is null)
        {
            return;
        }

        var how = message.Method == PaymentMethod.Card
            ? "It goes back to the card you paid with; banks usually show it within 5 to 10 business days."
            : $"It was given back by {message.Method.ToString().ToLowerInvariant()}.";
        var model = new MessageEmailModel(booking.ContactName, $"Refund of {Money(message.AmountCents)} for {booking.Reference}",
            [$"We refunded {Money(message.AmountCents)} for your booking {booking.Reference}. {how}"],
            [("Paid after refunds", Money(booking.Summary.NetPaidCents))]);
        await SendAsync(context, booking.ContactName, await EmailOfAsync(message.BookingId, cancellationToken), model, cancellationToken);
    }

    /// <summary>A cancelled booking's card payments are refunded by the policy tier of its cancellation (the Api does it once).</summary>
    public async Task HandleAsync(BookingStatusChanged message, EventContext context, CancellationToken cancellationToken)
    {
        var refund = (await api.RefundCancelledAsync(message.BookingId, cancellationToken)).OrThrow("the cancellation refund");
        logger.LogInformation("Cancellation of {Reference} refunded {Amount}.", message.Reference, Money(refund.AmountCents));
    }

    private async Task<BookingPaymentsDto?> BookingAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var found = await payments.ForBookingAsync(bookingId, null, cancellationToken);
        if (found.Status == System.Net.HttpStatusCode.NotFound)
        {
            logger.LogInformation("Booking {BookingId} no longer exists; no payment e-mail.", bookingId);
            return null;
        }

        return found.OrThrow("the booking's payments");
    }

    private async Task<string> EmailOfAsync(Guid bookingId, CancellationToken cancellationToken) =>
        (await bookings.GetAsync(bookingId, cancellationToken)).OrThrow("the booking").Contact.Email;

    private async Task SendAsync(EventContext context, string name, string address, MessageEmailModel model, CancellationToken cancellationToken,
        params EmailAttachment[] attachments)
    {
        var html = await templates.RenderMessageAsync(model);
        await email.SendAsync(email.Compose(context.MessageId.ToString(), name, address, model.Subject, model.Text, html, attachments), cancellationToken);
    }

    public static string Money(long cents) => (cents / 100m).ToString("$#,0.00", CultureInfo.InvariantCulture);
}
