using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Leads;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Api.Features.Payments;

/// <summary>
/// Asks Stripe instead of waiting for it: settles payments whose webhook is late or lost, releases
/// holds whose deposit never came (after closing every way left to pay them), and charges the saved
/// card for the balance days before the event. Each step is safe to repeat.
/// </summary>
public sealed class PaymentReconciliation(
    HibachiDbContext db,
    PaymentService payments,
    StripeGateway stripe,
    LeadCapture leads,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<PaymentReconciliation> logger)
{
    private const int BatchSize = 200;

    /// <summary>Asks Stripe about a PaymentIntent and records it if it succeeded; if Stripe cannot be asked, a paid session's word is enough.</summary>
    public async Task SettleFromStripeAsync(
        Guid? paymentId, string? sessionId, string paymentIntentId, long paidAmount, Guid? bookingId, CancellationToken cancellationToken)
    {
        StripePayment intent;
        try
        {
            intent = await stripe.GetPaymentIntentAsync(paymentIntentId, cancellationToken);
        }
        catch (PaymentProviderException exception) when (paidAmount > 0)
        {
            logger.LogWarning("Could not read {PaymentIntent} ({Error}); recording the paid session's amount.", paymentIntentId, exception.Message);
            await payments.ApplyPaymentAsync(new PaymentConfirmation(paymentId, sessionId, paymentIntentId, paidAmount, null, null, bookingId), cancellationToken);
            return;
        }

        await SettleAsync(paymentId, sessionId, intent, bookingId, cancellationToken);
    }

    /// <summary>The refunds of a charge as the event lists them, or as Stripe lists them now when the event does not carry them.</summary>
    public async Task<IReadOnlyList<StripeRefund>> RefundsOfChargeAsync(Stripe.Charge charge, CancellationToken cancellationToken) =>
        charge.Refunds?.Data is { Count: > 0 } listed && !charge.Refunds.HasMore
            ? listed.Select(StripeGateway.ToRefund).ToList()
            : await stripe.ListRefundsAsync(charge.Id, cancellationToken);

    /// <summary>Every attempt still open a few minutes after it began: Stripe's answer settles it.</summary>
    public async Task<PaymentJobResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        if (!stripe.IsConfigured)
        {
            return new PaymentJobResult(0, 0);
        }

        var cutoff = clock.Now() - options.Value.ReconcileAfter;
        var open = await db.PaymentAttempts.AsNoTracking()
            .Where(a => a.Status == PaymentAttemptStatus.Open && a.CreatedAt < cutoff)
            .OrderBy(a => a.CreatedAt).Take(BatchSize).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var attempt in open)
        {
            try
            {
                changed += await ReconcileAsync(attempt, cancellationToken) ? 1 : 0;
            }
            catch (PaymentProviderException exception)
            {
                logger.LogWarning("Reconciling payment {PaymentId} failed: {Error}; it is asked again next run.", attempt.Id, exception.Message);
            }
        }

        return new PaymentJobResult(open.Count, changed);
    }

    private async Task<bool> ReconcileAsync(PaymentAttempt attempt, CancellationToken cancellationToken)
    {
        switch (attempt)
        {
            case { Kind: PaymentAttemptKind.Checkout, StripeSessionId: { } sessionId }:
                var session = await stripe.GetCheckoutAsync(sessionId, cancellationToken);
                if (session is { PaymentStatus: "paid", PaymentIntentId: { } paid })
                {
                    await SettleFromStripeAsync(attempt.Id, sessionId, paid, session.AmountTotal ?? 0, attempt.BookingId, cancellationToken);
                    return true;
                }

                if (session.Status == "expired")
                {
                    await payments.MarkEndedAsync(attempt.Id, sessionId, null, PaymentAttemptStatus.Expired, null, "The checkout page expired.", cancellationToken);
                    return true;
                }

                return false;
            case { StripePaymentIntentId: { } intentId }:
                return await SettleAsync(attempt.Id, null, await stripe.GetPaymentIntentAsync(intentId, cancellationToken), attempt.BookingId, cancellationToken);
            case { Kind: PaymentAttemptKind.OffSession }:
                // The charge's answer was lost: the same idempotency key returns the same PaymentIntent.
                return await ChargeAsync(attempt, cancellationToken);
            default:
                return false;
        }
    }

    /// <summary>Records what a PaymentIntent says: succeeded (money), canceled or failed (the attempt ends); true when that changed anything.</summary>
    private async Task<bool> SettleAsync(Guid? paymentId, string? sessionId, StripePayment intent, Guid? bookingId, CancellationToken cancellationToken)
    {
        paymentId ??= intent.Metadata.TryGetValue("payment_id", out var value) && Guid.TryParse(value, out var id) ? id : null;
        switch (intent.Status)
        {
            case "succeeded":
                await payments.ApplyPaymentAsync(new PaymentConfirmation(paymentId, sessionId, intent.PaymentIntentId, intent.AmountReceived, intent.PaymentMethodId,
                    intent.ChargeId, bookingId), cancellationToken);
                return true;
            case "canceled":
                await payments.MarkEndedAsync(paymentId, sessionId, intent.PaymentIntentId, PaymentAttemptStatus.Canceled, null, "The payment was cancelled.",
                    cancellationToken);
                return true;
            case "requires_payment_method" when intent.FailureCode is not null:
                await payments.MarkEndedAsync(paymentId, sessionId, intent.PaymentIntentId, PaymentAttemptStatus.Failed, intent.FailureCode,
                    intent.FailureMessage ?? "The card was declined.", cancellationToken);
                return true;
            default:
                return false; // still with the customer or the bank
        }
    }

    /// <summary>
    /// Pending bookings whose hold ran out without the deposit: every open way to pay is closed at
    /// Stripe first (a payment found there is recorded and the booking kept), then the booking is
    /// cancelled, its chef freed, and the customer becomes a lead for follow-up.
    /// </summary>
    public async Task<PaymentJobResult> ReleaseHoldsAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Pending && b.HoldExpiresAt != null && b.HoldExpiresAt < now)
            .OrderBy(b => b.HoldExpiresAt).Select(b => b.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var released = 0;
        foreach (var bookingId in due)
        {
            released += await ReleaseHoldAsync(bookingId, cancellationToken) ? 1 : 0;
        }

        return new PaymentJobResult(due.Count, released);
    }

    private async Task<bool> ReleaseHoldAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var open = await db.PaymentAttempts.AsNoTracking()
            .Where(a => a.BookingId == bookingId && a.Status == PaymentAttemptStatus.Open).ToListAsync(cancellationToken);
        foreach (var attempt in open)
        {
            if (!await CloseAsync(attempt, cancellationToken))
            {
                return false; // paid after all, or Stripe could not be asked: the hold stays until the next run
            }
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await payments.LockBookingMoneyAsync(bookingId, cancellationToken);
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        var now = clock.Now();
        if (booking is not { Status: BookingStatus.Pending, HoldExpiresAt: { } until } || until > now)
        {
            return false;
        }

        if ((await payments.SummaryAsync(booking, cancellationToken)).DepositPaid)
        {
            booking.HoldExpiresAt = null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        booking.Status = BookingStatus.Cancelled;
        booking.CancelledAt = now;
        booking.HoldExpiresAt = null;
        booking.CancelReason = $"The deposit was not paid within {options.Value.HoldHours} hours, so the date was released.";
        db.Publish(new BookingStatusChanged(booking.Id, booking.Reference, booking.StationId, Contracts.BookingStatus.Pending, Contracts.BookingStatus.Cancelled,
            booking.CancelReason), now);
        await db.SaveChangesAsync(cancellationToken);
        var lead = await leads.CaptureAsync(new LeadAttempt(booking.StationId, booking.Source, LeadReason.DepositNotPaid, booking.ContactName, booking.ContactEmail,
            booking.ContactPhone, new Dictionary<string, string>
            {
                ["booking"] = booking.Reference,
                ["eventStart"] = booking.StartsAt.ToString("u", CultureInfo.InvariantCulture),
                ["guests"] = (booking.Adults + booking.Children).ToString(CultureInfo.InvariantCulture),
                ["total"] = PaymentService.Money(booking.Breakdown.TotalCents),
            }, booking.QuoteId), cancellationToken, always: true);
        db.Publish(new BookingHoldReleased(booking.Id, booking.Reference, lead?.Id), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Released the hold of {Reference}: no deposit by {Until}.", booking.Reference, until);
        return true;
    }

    /// <summary>Makes an open attempt impossible to pay: true once it is closed, false when it turned out paid or Stripe could not be asked.</summary>
    private async Task<bool> CloseAsync(PaymentAttempt attempt, CancellationToken cancellationToken)
    {
        try
        {
            if (attempt is { Kind: PaymentAttemptKind.Checkout, StripeSessionId: { } sessionId })
            {
                var session = await stripe.GetCheckoutAsync(sessionId, cancellationToken);
                if (session.Status == "open")
                {
                    session = await stripe.ExpireCheckoutAsync(sessionId, cancellationToken);
                }

                if (session is { PaymentStatus: "paid", PaymentIntentId: { } paid })
                {
                    await SettleFromStripeAsync(attempt.Id, sessionId, paid, session.AmountTotal ?? 0, attempt.BookingId, cancellationToken);
                    return false;
                }

                await payments.MarkEndedAsync(attempt.Id, sessionId, null, PaymentAttemptStatus.Expired, null, "Closed when the hold was released.", cancellationToken);
                return true;
            }

            if (attempt.StripePaymentIntentId is { } intentId)
            {
                var intent = await stripe.GetPaymentIntentAsync(intentId, cancellationToken);
                if (intent.Status is "requires_payment_method" or "requires_confirmation" or "requires_action")
                {
                    intent = await stripe.CancelPaymentIntentAsync(intentId, cancellationToken);
                }

                await SettleAsync(attempt.Id, null, intent, attempt.BookingId, cancellationToken);
                return intent.Status is "canceled";
            }

            await payments.MarkEndedAsync(attempt.Id, null, null, PaymentAttemptStatus.Canceled, null, "Closed when the hold was released.", cancellationToken);
            return true;
        }
        catch (PaymentProviderException exception)
        {
            logger.LogWarning("Could not close payment {PaymentId} at Stripe ({Error}); the hold stays for now.", attempt.Id, exception.Message);
            return false;
        }
    }

    /// <summary>Confirmed bookings a few days out that still owe: their saved card is charged for the balance, once.</summary>
    public async Task<PaymentJobResult> ChargeBalancesAsync(CancellationToken cancellationToken)
    {
        if (!stripe.IsConfigured)
        {
            return new PaymentJobResult(0, 0);
        }

        var now = clock.Now();
        var horizon = now.AddDays(options.Value.ChargeBalanceDaysBefore);
        var candidates = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed && b.StartsAt > now && b.StartsAt <= horizon && b.SavedPaymentMethodId != null)
            .Where(b => !db.PaymentAttempts.Any(a => a.BookingId == b.Id && a.Purpose == PaymentPurpose.Balance
                                                     && (a.Status == PaymentAttemptStatus.Open || a.Kind == PaymentAttemptKind.OffSession)))
            .OrderBy(b => b.StartsAt).Select(b => b.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var charged = 0;
        foreach (var bookingId in candidates)
        {
            if (await StartBalanceChargeAsync(bookingId, cancellationToken) is { } attempt)
            {
                charged += await ChargeAsync(attempt, cancellationToken) ? 1 : 0;
            }
        }

        return new PaymentJobResult(candidates.Count, charged);
    }

    /// <summary>Writes the off-session attempt first (one open per booking and purpose), so a crash mid-charge is found and finished by reconciliation.</summary>
    private async Task<PaymentAttempt?> StartBalanceChargeAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await payments.LockBookingMoneyAsync(bookingId, cancellationToken);
        var booking = await db.Bookings.AsNoTracking().FirstAsync(b => b.Id == bookingId, cancellationToken);
        var customer = await db.Customers.IncludingDeleted().AsNoTracking().FirstAsync(c => c.Id == booking.CustomerId, cancellationToken);
        var summary = await payments.SummaryAsync(booking, cancellationToken);
        if (summary.DueCents <= 0 || !summary.DepositPaid || customer.StripeCustomerId is null || booking.SavedPaymentMethodId is null
            || await db.PaymentAttempts.AnyAsync(a => a.BookingId == bookingId && a.Purpose == PaymentPurpose.Balance && a.Status == PaymentAttemptStatus.Open,
                cancellationToken))
        {
            return null;
        }

        var attempt = new PaymentAttempt
        {
            BookingId = bookingId,
            Purpose = PaymentPurpose.Balance,
            Kind = PaymentAttemptKind.OffSession,
            AmountCents = summary.DueCents,
            StripeCustomerId = customer.StripeCustomerId,
            Status = PaymentAttemptStatus.Open,
        };
        db.PaymentAttempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return attempt;
    }

    /// <summary>Charges the saved card (idempotent by the attempt's id); a refusal ends the attempt and the customer is sent a pay link.</summary>
    private async Task<bool> ChargeAsync(PaymentAttempt attempt, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.IncludingDeleted().AsNoTracking().FirstAsync(b => b.Id == attempt.BookingId, cancellationToken);
        if (booking.SavedPaymentMethodId is null || attempt.StripeCustomerId is null)
        {
            await payments.MarkEndedAsync(attempt.Id, null, null, PaymentAttemptStatus.Failed, "no_saved_card", "No saved card to charge.", cancellationToken);
            return true;
        }

        try
        {
            var intent = await stripe.ChargeSavedCardAsync(attempt.Id, booking.Id, booking.Reference, attempt.AmountCents, attempt.StripeCustomerId,
                booking.SavedPaymentMethodId, cancellationToken);
            await db.PaymentAttempts.Where(a => a.Id == attempt.Id && a.StripePaymentIntentId == null)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.StripePaymentIntentId, intent.PaymentIntentId), cancellationToken);
            if (intent.Status == "requires_action")
            {
                await payments.MarkEndedAsync(attempt.Id, null, intent.PaymentIntentId, PaymentAttemptStatus.Failed, "authentication_required",
                    "The bank asks the cardholder to confirm this payment.", cancellationToken);
                return true;
            }

            return await SettleAsync(attempt.Id, null, intent, booking.Id, cancellationToken);
        }
        catch (PaymentProviderException exception) when (exception.IsCardProblem)
        {
            await payments.MarkEndedAsync(attempt.Id, null, exception.PaymentIntentId, PaymentAttemptStatus.Failed, exception.DeclineCode ?? exception.Code,
                exception.Message, cancellationToken);
            return true;
        }
        catch (PaymentProviderException exception)
        {
            logger.LogWarning("Charging the balance of {Reference} got no answer ({Error}); reconciliation asks again.", booking.Reference, exception.Message);
            return false;
        }
    }
}
