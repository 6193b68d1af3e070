using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Payments;

/// <summary>Reading money: a booking's ledger and what it owes, the daily report beside Stripe, and the alerts staff should act on.</summary>
public sealed class PaymentQueries(
    HibachiDbContext db,
    PaymentService payments,
    InvoiceService invoices,
    BookingQueries bookings,
    StripeGateway stripe,
    AccessScope scope,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<PaymentQueries> logger)
{
    /// <summary>A booking's money for its customer (or the holder of its pay link) and staff; null when the caller cannot see it.</summary>
    public async Task<BookingPaymentsDto?> ForBookingAsync(Guid bookingId, string? payToken, CancellationToken cancellationToken)
    {
        var booking = await payments.Payable(bookingId, payToken).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (booking is null)
        {
            return null;
        }

        var dto = await bookings.ToDtoAsync(booking, cancellationToken);
        var summary = await payments.SummaryAsync(booking, cancellationToken);
        var invoiceList = await invoices.ForBookingAsync(booking.Id, booking.Reference, cancellationToken);
        var entries = await db.Ledger.AsNoTracking().Where(e => e.BookingId == booking.Id).OrderBy(e => e.OccurredAt).ToListAsync(cancellationToken);
        var invoiceByEntry = invoiceList.ToDictionary(i => i.LedgerEntryId);
        var tiers = options.Value.Tiers;
        var tier = RefundPolicy.TierAt(tiers, booking.StartsAt, clock.Now());
        var last = await db.PaymentAttempts.AsNoTracking().Where(a => a.BookingId == booking.Id).OrderByDescending(a => a.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return new BookingPaymentsDto(booking.Id, booking.Reference, dto.Status, dto.LocalDate, dto.LocalStartTime, dto.TimeZone, booking.Adults + booking.Children,
            booking.ContactName, payments.ToDto(booking, summary),
            entries.Select(e => ToDto(e, invoiceByEntry.GetValueOrDefault(e.Id))).ToList(), invoiceList,
            new RefundQuoteDto(booking.Id, MoneyPaid(entries), RefundPolicy.Refundable(tier, MoneyPaid(entries)), tier.RefundPercent, RefundPolicy.Describe(tiers)),
            last is null ? null : ToDto(last), options.Value.ManualInstructions);
    }

    public static LedgerEntryDto ToDto(LedgerEntry entry) => ToDto(entry, null);

    /// <summary>Money paid net of refunds, without loyalty points (points spent come back whole on a cancellation, outside the policy).</summary>
    public static long MoneyPaid(IEnumerable<LedgerEntry> entries) =>
        entries.Where(e => e.Method != PaymentMethod.LoyaltyPoints).Sum(e => e.Kind == LedgerEntryKind.Payment ? e.AmountCents : -e.AmountCents);

    public static LedgerEntryDto ToDto(LedgerEntry entry, InvoiceDto? invoice) => new(
        entry.Id, entry.BookingId, entry.Kind.ToContract(), entry.Purpose?.ToContract(), entry.AmountCents, entry.Method.ToContract(), entry.Source,
        entry.StripePaymentIntentId, entry.StripeRefundId, entry.Reference, entry.Note, entry.RecordedByName, entry.OccurredAt, invoice?.Id, invoice?.Number);

    public static PaymentAttemptDto ToDto(PaymentAttempt attempt) => new(
        attempt.Id, attempt.Purpose.ToContract(), attempt.Kind.ToString(), attempt.AmountCents, attempt.Status.ToContract(), attempt.FailureMessage,
        attempt.CreatedAt, attempt.CompletedAt);

    /// <summary>
    /// One UTC day's payments and refunds beside what Stripe reports for each, and payments Stripe
    /// took that day which the ledger does not have yet (a lost webhook, before reconciliation ran).
    /// </summary>
    public async Task<Result<DailyPaymentsDto>> DailyAsync(DailyPaymentsQuery query, CancellationToken cancellationToken)
    {
        var date = query.Date ?? DateOnly.FromDateTime(clock.Now().UtcDateTime);
        var errors = new ValidationErrors();
        errors.Date("date", date);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var dayStart = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var dayEnd = dayStart.AddDays(1);
        var reachable = scope.Bookings(db.Bookings.IncludingDeleted());
        var entries = await (from entry in db.Ledger.AsNoTracking()
                             join booking in reachable on entry.BookingId equals booking.Id
                             where entry.OccurredAt >= dayStart && entry.OccurredAt < dayEnd
                             orderby entry.OccurredAt
                             select new { entry, booking.Reference }).ToListAsync(cancellationToken);
        var connected = stripe.IsConfigured;
        var rows = new List<DailyPaymentRowDto>();
        foreach (var (entry, reference) in entries.Select(e => (e.entry, e.Reference)))
        {
            var signed = entry.Kind == LedgerEntryKind.Payment ? entry.AmountCents : -entry.AmountCents;
            var stripeId = entry.Kind == LedgerEntryKind.Payment ? entry.StripePaymentIntentId : entry.StripeRefundId;
            long? reported = null;
            string? difference = null;
            if (entry.Method == PaymentMethod.Card && stripeId is not null && connected)
            {
                (reported, difference, connected) = await StripeSideAsync(entry, stripeId, signed, cancellationToken);
            }

            rows.Add(new DailyPaymentRowDto(ToDto(entry), entry.BookingId, reference, stripeId, signed, reported, difference));
        }

        if (connected)
        {
            connected = await AddUnrecordedAsync(rows, reachable, dayStart, dayEnd, cancellationToken);
        }

        var card = rows.Where(r => r.Entry?.Method is null or Contracts.PaymentMethod.Card).ToList();
        return new DailyPaymentsDto(date, card.Where(r => r.Entry is not null).Sum(r => r.RecordedCents), card.Sum(r => r.StripeReportedCents ?? 0),
            rows.Where(r => r.Entry is { Method: not Contracts.PaymentMethod.Card }).Sum(r => r.RecordedCents), connected,
            rows.Count(r => r.Difference is not null), rows);
    }

    private async Task<(long? Reported, string? Difference, bool Connected)> StripeSideAsync(LedgerEntry entry, string stripeId, long signed, CancellationToken cancellationToken)
    {
        try
        {
            long reported;
            if (entry.Kind == LedgerEntryKind.Payment)
            {
                var intent = await stripe.GetPaymentIntentAsync(stripeId, cancellationToken);
                reported = intent.Status == "succeeded" ? intent.AmountReceived : 0;
            }
            else
            {
                var refund = await stripe.GetRefundAsync(stripeId, cancellationToken);
                reported = refund.Status is "succeeded" or "pending" ? -refund.Amount : 0;
            }

            return (reported, reported == signed ? null : $"Stripe reports {PaymentService.Money(reported)}, the ledger {PaymentService.Money(signed)}.", true);
        }
        catch (PaymentProviderException exception) when (exception.Status == System.Net.HttpStatusCode.NotFound)
        {
            return (0, "Stripe has no such record.", true);
        }
        catch (PaymentProviderException exception)
        {
            logger.LogWarning("The daily report could not ask Stripe: {Error}", exception.Message);
            return (null, null, false);
        }
    }

    /// <summary>Attempts of the day that never became ledger rows: any Stripe says it was paid is a difference.</summary>
    private async Task<bool> AddUnrecordedAsync(List<DailyPaymentRowDto> rows, IQueryable<Booking> reachable, DateTimeOffset dayStart, DateTimeOffset dayEnd,
        CancellationToken cancellationToken)
    {
        var attempts = await (from attempt in db.PaymentAttempts.AsNoTracking()
                              join booking in reachable on attempt.BookingId equals booking.Id
                              where attempt.CreatedAt >= dayStart && attempt.CreatedAt < dayEnd && attempt.Status != PaymentAttemptStatus.Succeeded
                              select new { attempt, booking.Reference }).ToListAsync(cancellationToken);
        try
        {
            foreach (var (attempt, reference) in attempts.Select(a => (a.attempt, a.Reference)))
            {
                var (intentId, amount) = attempt switch
                {
                    { Kind: PaymentAttemptKind.Checkout, StripeSessionId: { } sessionId } =>
                        await stripe.GetCheckoutAsync(sessionId, cancellationToken) is { PaymentStatus: "paid" } session ? (session.PaymentIntentId, session.AmountTotal ?? 0) : (null, 0),
                    { StripePaymentIntentId: { } id } =>
                        await stripe.GetPaymentIntentAsync(id, cancellationToken) is { Status: "succeeded" } intent ? (intent.PaymentIntentId, intent.AmountReceived) : (null, 0),
                    _ => ((string?)null, 0L),
                };
                if (intentId is not null && !await db.Ledger.AnyAsync(e => e.Kind == LedgerEntryKind.Payment && e.StripePaymentIntentId == intentId, cancellationToken))
                {
                    rows.Add(new DailyPaymentRowDto(null, attempt.BookingId, reference, intentId, 0, amount,
                        "Paid in Stripe but not in the ledger yet; reconciliation records it within minutes."));
                }
            }

            return true;
        }
        catch (PaymentProviderException exception)
        {
            logger.LogWarning("The daily report could not ask Stripe: {Error}", exception.Message);
            return false;
        }
    }

    /// <summary>Balance charges that failed for bookings that still owe: the customer was sent a pay link; staff follow up.</summary>
    public async Task<IReadOnlyList<PaymentAlertDto>> AlertsAsync(IQueryable<Booking> reachable, CancellationToken cancellationToken)
    {
        var since = clock.Now().AddDays(-30);
        var failed = await (from attempt in db.PaymentAttempts.AsNoTracking()
                            join booking in reachable on attempt.BookingId equals booking.Id
                            where attempt.Kind == PaymentAttemptKind.OffSession && attempt.Status == PaymentAttemptStatus.Failed && attempt.CreatedAt >= since
                                  && (booking.Status == BookingStatus.Confirmed || booking.Status == BookingStatus.Pending)
                            orderby attempt.CreatedAt descending
                            select new { attempt, booking }).Take(50).ToListAsync(cancellationToken);
        var alerts = new List<PaymentAlertDto>();
        foreach (var row in failed.DistinctBy(r => r.booking.Id))
        {
            var summary = await payments.SummaryAsync(row.booking, cancellationToken);
            if (summary.DueCents > 0)
            {
                var zone = await bookings.StationTimeZoneAsync(row.booking.StationId, cancellationToken);
                var local = TimeZoneInfo.ConvertTime(row.booking.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(zone));
                alerts.Add(new PaymentAlertDto(row.booking.Id, row.booking.Reference, row.booking.ContactName, DateOnly.FromDateTime(local.DateTime),
                    summary.DueCents, row.attempt.FailureMessage, row.attempt.CompletedAt ?? row.attempt.CreatedAt));
            }
        }

        return alerts;
    }
}
