using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Configurations;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.Contracts.Events;
using Npgsql;

namespace MyHibachi.Api.Features.Payments;

/// <summary>
/// Money going back: card refunds through Stripe (spread over the booking's card payments, newest
/// first), cash-and-similar refunds staff record, and the policy refund when a booking is cancelled.
/// The cancellation policy decides the amount unless staff override it with a reason; nothing can
/// refund more than was paid.
/// </summary>
public sealed class PaymentRefunds(
    HibachiDbContext db,
    PaymentService payments,
    StripeGateway stripe,
    AccessScope scope,
    CurrentActor actor,
    IOptions<PaymentOptions> options,
    TimeProvider clock)
{
    private const string CancellationReference = "cancellation";

    public async Task<Result<RefundQuoteDto>> QuoteAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var booking = await scope.Bookings(db.Bookings).AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking");
        }

        var paid = PaymentQueries.MoneyPaid(await db.Ledger.AsNoTracking().Where(e => e.BookingId == booking.Id).ToListAsync(cancellationToken));
        var tier = RefundPolicy.TierAt(options.Value.Tiers, booking.StartsAt, clock.Now());
        return new RefundQuoteDto(booking.Id, paid, RefundPolicy.Refundable(tier, paid), tier.RefundPercent, RefundPolicy.Describe(options.Value.Tiers));
    }

    /// <summary>A card refund (staff): the policy amount by default, more only with an override and its reason.</summary>
    public async Task<Result<RefundDto>> RefundCardAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        if (request.BookingId is not { } bookingId)
        {
            return Failure.Invalid("bookingId", "Which booking is this refund for?");
        }

        if (!stripe.IsConfigured)
        {
            return PaymentService.CardsOff();
        }

        return await RefundAsync(bookingId, request.AmountCents, request.Reason, request.OverridePolicy == true, card: true, PaymentMethod.Card, cancellationToken);
    }

    /// <summary>Money given back by hand (cash, Zelle, …), recorded by staff with the same limits.</summary>
    public async Task<Result<RefundDto>> RecordManualRefundAsync(Guid bookingId, ManualRefundRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var method = errors.Member("method", request.Method, EnumMappings.ToEntity);
        if (request.Method is null || method is PaymentMethod.Card or PaymentMethod.LoyaltyPoints)
        {
            errors.Add("method", "How was it given back: Cash, Zelle, Venmo, Check or Other? Card refunds go through Stripe; points come back when the booking is cancelled.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        return await RefundAsync(bookingId, request.AmountCents, request.Reason, request.OverridePolicy == true, card: false, method!.Value, cancellationToken);
    }

    /// <summary>
    /// The policy refund after a cancellation, by card, once: a repeated call (a redelivered event)
    /// finds the refund already made. Staff can add to it with an override.
    /// </summary>
    public async Task<Result<RefundDto>> RefundCancellationAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.IncludingDeleted().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking");
        }

        if (booking.Status != BookingStatus.Cancelled)
        {
            return Failure.Conflict(ProblemCodes.BookingTransitionRefused, "Only a cancelled booking gets its cancellation refund.");
        }

        if (!stripe.IsConfigured || await db.Ledger.AnyAsync(e => e.BookingId == bookingId && e.Reference == CancellationReference, cancellationToken))
        {
            return new RefundDto(bookingId, 0, [], payments.ToDto(booking, await payments.SummaryAsync(booking, cancellationToken)));
        }

        // The tier is the one in force when the customer cancelled, not when this runs.
        var tier = RefundPolicy.TierAt(options.Value.Tiers, booking.StartsAt, booking.CancelledAt ?? clock.Now());
        var cardNet = await CardNetPaidAsync(bookingId, cancellationToken);
        var amount = RefundPolicy.Refundable(tier, cardNet);
        if (amount == 0)
        {
            return new RefundDto(bookingId, 0, [], payments.ToDto(booking, await payments.SummaryAsync(booking, cancellationToken)));
        }

        return await RefundAsync(bookingId, amount, $"Cancelled: {tier.RefundPercent}% back under the cancellation policy", overridePolicy: true, card: true,
            PaymentMethod.Card, cancellationToken, CancellationReference, scoped: false);
    }

    private async Task<Result<RefundDto>> RefundAsync(
        Guid bookingId, long? requested, string? reason, bool overridePolicy, bool card, PaymentMethod method, CancellationToken cancellationToken,
        string? reference = null, bool scoped = true)
    {
        var errors = new ValidationErrors();
        if (requested is <= 0 or > 10_000_000)
        {
            errors.Add("amountCents", "Enter the amount in cents, more than 0.");
        }

        if (overridePolicy && (reason?.Trim().Length ?? 0) is < 10 or > 500)
        {
            errors.Add("reason", "Say why the policy is overridden, in 10 to 500 characters.");
        }

        errors.MaxLength("reason", reason, 500);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await payments.LockBookingMoneyAsync(bookingId, cancellationToken);
        var bookings = scoped ? scope.Bookings(db.Bookings.IncludingDeleted()) : db.Bookings.IncludingDeleted();
        var booking = await bookings.FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking");
        }

        var summary = await payments.SummaryAsync(booking, cancellationToken);
        var tier = RefundPolicy.TierAt(options.Value.Tiers, booking.StartsAt, clock.Now());
        var policyAmount = RefundPolicy.Refundable(tier, summary.NetPaidCents);
        var amount = requested ?? policyAmount;
        var limit = card ? await CardNetPaidAsync(bookingId, cancellationToken) : summary.NetPaidCents;
        if (amount <= 0 || limit <= 0)
        {
            return Failure.Conflict(ProblemCodes.NothingToRefund, "There is nothing to refund.",
                card ? "No card payment of this booking is left to refund." : "Nothing has been paid.");
        }

        if (amount > limit)
        {
            return new Failure(StatusCodes.Status409Conflict, ProblemCodes.RefundTooLarge, "A refund cannot be more than was paid.",
                $"At most {PaymentService.Money(limit)} can be refunded {(card ? "to the card" : "")}.".Replace(" .", ".", StringComparison.Ordinal),
                new ValidationErrors().Add("amountCents", $"At most {PaymentService.Money(limit)} can be refunded.").ToDictionary());
        }

        if (amount > policyAmount && !overridePolicy)
        {
            return new Failure(StatusCodes.Status409Conflict, ProblemCodes.RefundTooLarge, "This is more than the cancellation policy gives back.",
                $"The policy gives {tier.RefundPercent}% ({PaymentService.Money(policyAmount)}) now; override it with a reason to refund more.",
                new ValidationErrors().Add("amountCents",
                    $"The policy gives back {PaymentService.Money(policyAmount)} now; override it with a reason to refund more.").ToDictionary());
        }

        PaymentProviderException? failed = null;
        var entries = new List<LedgerEntry>();
        if (card)
        {
            failed = await RefundCardsAsync(booking, amount, reason, reference, entries, cancellationToken);
        }
        else
        {
            entries.Add(Refund(booking, amount, method, reason, reference));
        }

        if (entries.Count == 0)
        {
            return failed is null ? Failure.Conflict(ProblemCodes.NothingToRefund, "There is nothing to refund.") : PaymentService.ProviderFailed(failed);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { ConstraintName: LedgerEntryConfiguration.RefundIndex })
        {
            // The charge.refunded webhook recorded the same Stripe refund first.
        }

        if (failed is not null)
        {
            // Part went back before Stripe refused the rest: what went back is recorded, and staff are told.
            return new Failure(StatusCodes.Status502BadGateway, ProblemCodes.PaymentProviderFailed, "Only part of the refund went through.",
                $"{PaymentService.Money(entries.Sum(e => e.AmountCents))} was refunded and recorded; Stripe refused the rest: {failed.Message}");
        }

        summary = await payments.SummaryAsync(booking, cancellationToken);
        return new RefundDto(booking.Id, entries.Sum(e => e.AmountCents), entries.Select(PaymentQueries.ToDto).ToList(), payments.ToDto(booking, summary));
    }

    /// <summary>Refunds the amount across the booking's card payments, newest first, each up to what is left of it.</summary>
    /// <returns>Stripe's refusal, if one stopped it (the refunds made before it are in <paramref name="entries"/>).</returns>
    private async Task<PaymentProviderException?> RefundCardsAsync(
        Booking booking, long amount, string? reason, string? reference, List<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var ledger = await db.Ledger.Where(e => e.BookingId == booking.Id && e.Method == PaymentMethod.Card).ToListAsync(cancellationToken);
        foreach (var payment in ledger.Where(e => e.Kind == LedgerEntryKind.Payment && e.StripePaymentIntentId is not null).OrderByDescending(e => e.OccurredAt))
        {
            var left = payment.AmountCents - ledger.Where(e => e.Kind == LedgerEntryKind.Refund && e.StripePaymentIntentId == payment.StripePaymentIntentId).Sum(e => e.AmountCents)
                       - entries.Where(e => e.StripePaymentIntentId == payment.StripePaymentIntentId).Sum(e => e.AmountCents);
            var part = Math.Min(left, amount - entries.Sum(e => e.AmountCents));
            if (part <= 0)
            {
                continue;
            }

            var entryId = Guid.CreateVersion7();
            StripeRefund refund;
            try
            {
                refund = await stripe.RefundAsync(entryId, booking.Id, payment.StripePaymentIntentId!, part, cancellationToken);
            }
            catch (PaymentProviderException exception)
            {
                return exception;
            }

            var entry = Refund(booking, part, PaymentMethod.Card, reason, reference, entryId);
            entry.Source = "stripe";
            entry.StripePaymentIntentId = payment.StripePaymentIntentId;
            entry.StripeChargeId = refund.ChargeId ?? payment.StripeChargeId;
            entry.StripeRefundId = refund.RefundId;
            entries.Add(entry);
        }

        return null;
    }

    private LedgerEntry Refund(Booking booking, long amount, PaymentMethod method, string? reason, string? reference, Guid? id = null)
    {
        var entry = new LedgerEntry
        {
            Id = id ?? Guid.CreateVersion7(),
            BookingId = booking.Id,
            Kind = LedgerEntryKind.Refund,
            AmountCents = amount,
            Method = method,
            Source = "manual",
            Reference = reference,
            Note = Text.Clean(reason),
            RecordedBy = actor.UserId,
            RecordedByName = actor.Name,
            OccurredAt = clock.Now(),
        };
        db.Ledger.Add(entry);
        db.Publish(new RefundRecorded(entry.Id, booking.Id, booking.Reference, amount, method.ToContract(), entry.Note), clock.Now());
        return entry;
    }

    private async Task<long> CardNetPaidAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var card = await db.Ledger.Where(e => e.BookingId == bookingId && e.Method == PaymentMethod.Card).Select(e => new { e.Kind, e.AmountCents }).ToListAsync(cancellationToken);
        return card.Where(e => e.Kind == LedgerEntryKind.Payment).Sum(e => e.AmountCents) - card.Where(e => e.Kind == LedgerEntryKind.Refund).Sum(e => e.AmountCents);
    }

    /// <summary>A refund made outside the Api (Stripe's dashboard), reported by charge.refunded: recorded once.</summary>
    public async Task RecordStripeRefundAsync(string paymentIntentId, string? chargeId, string refundId, long amount, CancellationToken cancellationToken)
    {
        if (await db.Ledger.AnyAsync(e => e.StripeRefundId == refundId, cancellationToken))
        {
            return;
        }

        var payment = await db.Ledger.AsNoTracking().FirstOrDefaultAsync(e => e.Kind == LedgerEntryKind.Payment && e.StripePaymentIntentId == paymentIntentId, cancellationToken);
        if (payment is null)
        {
            return;
        }

        var booking = await db.Bookings.IncludingDeleted().AsNoTracking().FirstAsync(b => b.Id == payment.BookingId, cancellationToken);
        var entry = Refund(booking, amount, PaymentMethod.Card, "Refunded in Stripe", null);
        entry.Source = "stripe";
        entry.RecordedBy = null;
        entry.RecordedByName = "Stripe";
        entry.StripePaymentIntentId = paymentIntentId;
        entry.StripeChargeId = chargeId;
        entry.StripeRefundId = refundId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { ConstraintName: LedgerEntryConfiguration.RefundIndex })
        {
            // Our own refund call recorded it meanwhile.
        }
    }
}
