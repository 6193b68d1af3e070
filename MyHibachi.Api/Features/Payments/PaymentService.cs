using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Configurations;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.Contracts.Events;
using Npgsql;

namespace MyHibachi.Api.Features.Payments;

/// <summary>Stripe's word that money arrived for a payment attempt (from a webhook or from asking Stripe).</summary>
public sealed record PaymentConfirmation(
    Guid? PaymentId, string? SessionId, string PaymentIntentId, long AmountCents, string? PaymentMethodId, string? ChargeId, Guid? BookingId);

/// <summary>
/// Takes money for bookings: Checkout pages and PaymentIntents for the deposit or the balance,
/// money recorded in the ledger once Stripe confirms it (exactly once per PaymentIntent), and
/// payments staff record by hand. A booking's paid and due amounts come from its ledger.
/// </summary>
public sealed class PaymentService(
    HibachiDbContext db,
    StripeGateway stripe,
    AccessScope scope,
    CurrentActor actor,
    PayLinks payLinks,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<PaymentService> logger)
{
    private readonly PaymentOptions _options = options.Value;

    public async Task<LedgerSummary> SummaryAsync(Booking booking, CancellationToken cancellationToken)
    {
        var entries = await db.Ledger.Where(e => e.BookingId == booking.Id).Select(e => new { e.Kind, e.AmountCents }).ToListAsync(cancellationToken);
        return Ledger.Summarize(booking.Breakdown.TotalCents, booking.Breakdown.DepositCents, entries.Select(e => (e.Kind, e.AmountCents)));
    }

    public PaymentSummaryDto ToDto(Booking booking, LedgerSummary summary) => new(
        summary.TotalCents, summary.DepositCents, summary.PaidCents, summary.RefundedCents, summary.NetPaidCents, summary.DueCents,
        summary.DepositDueCents, summary.DepositPaid, booking.HoldExpiresAt, stripe.IsConfigured);

    /// <summary>
    /// A Checkout page for the booking's deposit or balance. Requests for the same booking and purpose
    /// are serialised and share the open page while it can still be paid, so a double click, two tabs
    /// or a retry never make two charges.
    /// </summary>
    public async Task<Result<CheckoutSessionDto>> CheckoutAsync(CheckoutSessionRequest request, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(request.BookingId, request.Purpose, request.PayToken, cancellationToken);
        if (!prepared.Succeeded)
        {
            return prepared.Failure;
        }

        var (booking, purpose, amount, transaction) = prepared.Value;
        await using (transaction)
        {
            var now = clock.Now();
            var open = await OpenAttemptAsync(booking.Id, purpose, cancellationToken);
            if (open is { Kind: PaymentAttemptKind.Checkout, StripeSessionId: not null, Url: not null } && open.AmountCents == amount && open.ExpiresAt > now.AddMinutes(2))
            {
                return ToCheckoutDto(open);
            }

            if (open is not null)
            {
                await RetireAsync(open, cancellationToken);
            }

            var customerId = await StripeCustomerAsync(booking, cancellationToken);
            var attempt = NewAttempt(booking, purpose, PaymentAttemptKind.Checkout, amount, customerId);
            attempt.ExpiresAt = now.AddMinutes(_options.CheckoutMinutes);
            // Stripe sends the payer back to the site with the booking's pay link (a guest has no other way in).
            var link = payLinks.Link(booking.Id);
            var site = _options.SiteBaseUrl.TrimEnd('/');
            try
            {
                var session = await stripe.CreateCheckoutAsync(attempt.Id, booking.Id, booking.Reference, Describe(booking, purpose), amount, customerId,
                    $"{site}/Book/Paid?payment={attempt.Id}&token={link.Token}", $"{link.Url}&cancelled=1", attempt.ExpiresAt.Value,
                    saveCard: purpose == PaymentPurpose.Deposit, cancellationToken);
                attempt.StripeSessionId = session.SessionId;
                attempt.Url = session.Url;
                attempt.ExpiresAt = session.ExpiresAt ?? attempt.ExpiresAt;
            }
            catch (PaymentProviderException exception)
            {
                return ProviderFailed(exception);
            }

            db.PaymentAttempts.Add(attempt);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ToCheckoutDto(attempt);
        }
    }

    /// <summary>A PaymentIntent for an embedded card form; like Checkout, one open per booking and purpose.</summary>
    public async Task<Result<PaymentIntentDto>> PaymentIntentAsync(PaymentIntentRequest request, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(request.BookingId, request.Purpose, request.PayToken, cancellationToken);
        if (!prepared.Succeeded)
        {
            return prepared.Failure;
        }

        var (booking, purpose, amount, transaction) = prepared.Value;
        await using (transaction)
        {
            var open = await OpenAttemptAsync(booking.Id, purpose, cancellationToken);
            if (open is { Kind: PaymentAttemptKind.PaymentIntent, StripePaymentIntentId: not null, ClientSecret: not null } && open.AmountCents == amount)
            {
                return new PaymentIntentDto(open.Id, booking.Id, purpose.ToContract(), open.AmountCents, open.StripePaymentIntentId, open.ClientSecret);
            }

            if (open is not null)
            {
                await RetireAsync(open, cancellationToken);
            }

            var customerId = await StripeCustomerAsync(booking, cancellationToken);
            var attempt = NewAttempt(booking, purpose, PaymentAttemptKind.PaymentIntent, amount, customerId);
            try
            {
                var intent = await stripe.CreatePaymentIntentAsync(attempt.Id, booking.Id, booking.Reference, amount, customerId,
                    saveCard: purpose == PaymentPurpose.Deposit, cancellationToken);
                attempt.StripePaymentIntentId = intent.PaymentIntentId;
                attempt.ClientSecret = intent.ClientSecret;
            }
            catch (PaymentProviderException exception)
            {
                return ProviderFailed(exception);
            }

            db.PaymentAttempts.Add(attempt);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new PaymentIntentDto(attempt.Id, booking.Id, purpose.ToContract(), amount, attempt.StripePaymentIntentId!, attempt.ClientSecret ?? "");
        }
    }

    /// <summary>A payment attempt and the booking's money as they stand (the return page shows "processing" until Stripe's word arrives).</summary>
    public async Task<PaymentStatusDto?> StatusAsync(string id, CancellationToken cancellationToken)
    {
        var attempt = Guid.TryParse(id, out var paymentId)
            ? await db.PaymentAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == paymentId, cancellationToken)
            : await db.PaymentAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.StripeSessionId == id || a.StripePaymentIntentId == id, cancellationToken);
        // Our payment id is in the return link Stripe sends the payer back to, so it shows that payment
        // to whoever holds it; Stripe's ids are looked up within the caller's scope only.
        var booking = attempt is null ? null
            : await (paymentId != Guid.Empty ? db.Bookings.IncludingDeleted() : scope.Bookings(db.Bookings))
                .AsNoTracking().FirstOrDefaultAsync(b => b.Id == attempt.BookingId, cancellationToken);
        if (attempt is null || booking is null)
        {
            return null;
        }

        return new PaymentStatusDto(attempt.Id, booking.Id, booking.Reference, attempt.Purpose.ToContract(), attempt.AmountCents, attempt.Status.ToContract(),
            attempt.FailureMessage, ToDto(booking, await SummaryAsync(booking, cancellationToken)));
    }

    /// <summary>
    /// Records money Stripe confirmed, exactly once per PaymentIntent whatever repeats it (webhook
    /// retries, a reconciliation run, events out of order): the ledger row, the attempt's success, and
    /// for a deposit the end of the hold and the booking's confirmation.
    /// </summary>
    public async Task<bool> ApplyPaymentAsync(PaymentConfirmation confirmation, CancellationToken cancellationToken)
    {
        var attempt = await FindAttemptAsync(confirmation.PaymentId, confirmation.SessionId, confirmation.PaymentIntentId, cancellationToken);
        var bookingId = attempt?.BookingId ?? confirmation.BookingId;
        if (bookingId is null)
        {
            logger.LogWarning("Stripe confirmed {PaymentIntent} for no booking we know; nothing recorded.", confirmation.PaymentIntentId);
            return false;
        }

        // The card's fingerprint, asked before any lock is taken (the loyalty program's referral guard
        // compares them); a payment is recorded without it when Stripe does not answer.
        string? fingerprint = null;
        if (confirmation.PaymentMethodId is { } paymentMethod)
        {
            try
            {
                fingerprint = await stripe.CardFingerprintAsync(paymentMethod, cancellationToken);
            }
            catch (PaymentProviderException exception)
            {
                logger.LogWarning("The card fingerprint of {PaymentMethod} could not be read: {Error}", paymentMethod, exception.Message);
            }
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockBookingMoneyAsync(bookingId.Value, cancellationToken);
        var booking = await db.Bookings.IncludingDeleted().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null)
        {
            return false;
        }

        attempt = attempt is null ? null : await db.PaymentAttempts.FirstAsync(a => a.Id == attempt.Id, cancellationToken);
        if (attempt is not null)
        {
            attempt.StripePaymentIntentId ??= confirmation.PaymentIntentId;
            if (PaymentAttemptRules.CanMove(attempt.Status, PaymentAttemptStatus.Succeeded))
            {
                attempt.Status = PaymentAttemptStatus.Succeeded;
                attempt.CompletedAt = clock.Now();
                attempt.FailureCode = null;
                attempt.FailureMessage = null;
            }
        }

        if (confirmation.PaymentMethodId is { } method)
        {
            booking.SavedPaymentMethodId = method;
        }

        var recorded = await db.Ledger.AnyAsync(e => e.Kind == LedgerEntryKind.Payment && e.StripePaymentIntentId == confirmation.PaymentIntentId, cancellationToken);
        if (!recorded && confirmation.AmountCents > 0)
        {
            var entry = new LedgerEntry
            {
                BookingId = booking.Id,
                Kind = LedgerEntryKind.Payment,
                Purpose = attempt?.Purpose,
                AmountCents = confirmation.AmountCents,
                Method = PaymentMethod.Card,
                Source = "stripe",
                PaymentAttemptId = attempt?.Id,
                StripePaymentIntentId = confirmation.PaymentIntentId,
                StripeChargeId = confirmation.ChargeId,
                CardFingerprint = fingerprint,
                RecordedByName = "Stripe",
                OccurredAt = clock.Now(),
            };
            db.Ledger.Add(entry);
            await AfterPaymentAsync(booking, entry, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { ConstraintName: LedgerEntryConfiguration.PaymentIntentIndex })
        {
            return false; // a concurrent confirmation of the same PaymentIntent won: already recorded
        }

        return !recorded;
    }

    /// <summary>Stripe said the attempt ended without money (expired page, failed card): it stops being open.</summary>
    public async Task MarkEndedAsync(Guid? paymentId, string? sessionId, string? paymentIntentId, PaymentAttemptStatus status, string? code, string? message,
        CancellationToken cancellationToken)
    {
        var found = await FindAttemptAsync(paymentId, sessionId, paymentIntentId, cancellationToken);
        if (found is null || PaymentAttemptRules.WhyNot(found.Status, status) is not null)
        {
            return; // unknown, or already settled (a late or repeated event changes nothing)
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockBookingMoneyAsync(found.BookingId, cancellationToken);
        var attempt = await db.PaymentAttempts.FirstAsync(a => a.Id == found.Id, cancellationToken);
        if (!PaymentAttemptRules.CanMove(attempt.Status, status))
        {
            return; // settled meanwhile (the payment won)
        }

        attempt.Status = status;
        attempt.CompletedAt = clock.Now();
        attempt.StripePaymentIntentId ??= paymentIntentId;
        attempt.FailureCode = Truncate(code, 100);
        attempt.FailureMessage = Truncate(message, 1000);
        if (status == PaymentAttemptStatus.Failed && attempt.Kind == PaymentAttemptKind.OffSession)
        {
            var reference = await db.Bookings.IncludingDeleted().Where(b => b.Id == attempt.BookingId).Select(b => b.Reference).FirstAsync(cancellationToken);
            db.Publish(new BalancePaymentFailed(attempt.BookingId, reference, attempt.Id, attempt.AmountCents, attempt.FailureCode, attempt.FailureMessage), clock.Now());
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Money staff took by hand (cash, Zelle, Venmo, a check): a ledger row like any other, with who recorded it.</summary>
    public async Task<Result<LedgerEntry>> RecordManualPaymentAsync(Guid bookingId, ManualPaymentRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var method = errors.Member("method", request.Method, EnumMappings.ToEntity);
        var purpose = errors.Member("purpose", request.Purpose, EnumMappings.ToEntity);
        if (request.Method is null)
        {
            errors.Add("method", "How was it paid: Cash, Zelle, Venmo, Check or Other?");
        }
        else if (method is PaymentMethod.Card or PaymentMethod.LoyaltyPoints)
        {
            errors.Add("method", "Card payments come through Stripe and points through the loyalty program; record cash, Zelle, Venmo, checks and others here.");
        }

        if (request.AmountCents is not (> 0 and <= 10_000_000))
        {
            errors.Add("amountCents", "Enter the amount in cents, more than 0.");
        }

        errors.MaxLength("reference", request.Reference, 200);
        errors.MaxLength("note", request.Note, 1000);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockBookingMoneyAsync(bookingId, cancellationToken);
        var booking = await scope.Bookings(db.Bookings).FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking");
        }

        var summary = await SummaryAsync(booking, cancellationToken);
        if (request.AmountCents > summary.DueCents)
        {
            return Failure.Invalid("amountCents", $"This booking owes {Money(summary.DueCents)}; record at most that.");
        }

        var entry = new LedgerEntry
        {
            BookingId = booking.Id,
            Kind = LedgerEntryKind.Payment,
            Purpose = purpose ?? (summary.DepositPaid ? PaymentPurpose.Balance : PaymentPurpose.Deposit),
            AmountCents = request.AmountCents!.Value,
            Method = method!.Value,
            Source = "manual",
            Reference = Text.Clean(request.Reference),
            Note = Text.Clean(request.Note),
            RecordedBy = actor.UserId,
            RecordedByName = actor.Name,
            OccurredAt = clock.Now(),
        };
        db.Ledger.Add(entry);
        await AfterPaymentAsync(booking, entry, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }

    /// <summary>
    /// Loyalty points given as money on a booking: a ledger row like any payment (the invoice and the
    /// confirmation follow). The caller holds the booking's money lock in its transaction and has
    /// checked the amount against what is due.
    /// </summary>
    public async Task<LedgerEntry> RecordLoyaltyCreditAsync(Booking booking, long amountCents, string reference, CancellationToken cancellationToken)
    {
        var summary = await SummaryAsync(booking, cancellationToken);
        var entry = new LedgerEntry
        {
            BookingId = booking.Id,
            Kind = LedgerEntryKind.Payment,
            Purpose = summary.DepositPaid ? PaymentPurpose.Balance : PaymentPurpose.Deposit,
            AmountCents = amountCents,
            Method = PaymentMethod.LoyaltyPoints,
            Source = "loyalty",
            Reference = reference,
            RecordedBy = actor.UserId,
            RecordedByName = actor.Name,
            OccurredAt = clock.Now(),
        };
        db.Ledger.Add(entry);
        await AfterPaymentAsync(booking, entry, cancellationToken);
        return entry;
    }

    /// <summary>
    /// After money arrived: the invoice follows (through the Workers), and once the deposit is covered
    /// the hold ends and a pending booking with its chef is confirmed.
    /// </summary>
    private async Task AfterPaymentAsync(Booking booking, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        db.Publish(new PaymentRecorded(entry.Id, booking.Id, booking.Reference, entry.AmountCents, entry.Purpose?.ToContract(), entry.Method.ToContract()), now);
        var summary = await SummaryAsync(booking, cancellationToken);
        if (summary.NetPaidCents + entry.AmountCents < booking.Breakdown.DepositCents)
        {
            return;
        }

        booking.HoldExpiresAt = null;
        if (booking.Status == BookingStatus.Pending && booking.ChefId is not null && booking.DeletedAt is null)
        {
            booking.Status = BookingStatus.Confirmed;
            booking.ConfirmedAt = now;
            db.Publish(new BookingStatusChanged(booking.Id, booking.Reference, booking.StationId, Contracts.BookingStatus.Pending,
                Contracts.BookingStatus.Confirmed, null), now);
        }
    }

    private async Task<Result<(Booking Booking, PaymentPurpose Purpose, long Amount, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Transaction)>> PrepareAsync(
        Guid? bookingId, Contracts.PaymentPurpose? requestedPurpose, string? payToken, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (bookingId is null)
        {
            errors.Add("bookingId", "Which booking is this payment for?");
        }

        var purpose = errors.Member("purpose", requestedPurpose, EnumMappings.ToEntity);
        if (requestedPurpose is null)
        {
            errors.Add("purpose", "Pay the Deposit or the Balance?");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        if (!stripe.IsConfigured)
        {
            return CardsOff();
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockBookingMoneyAsync(bookingId!.Value, cancellationToken);
        var booking = await Payable(bookingId.Value, payToken).FirstOrDefaultAsync(cancellationToken);
        if (booking is null)
        {
            await transaction.DisposeAsync();
            return Failure.NotFound("Booking");
        }

        if (!BookingRules.IsLive(booking.Status))
        {
            await transaction.DisposeAsync();
            return Failure.Conflict(ProblemCodes.BookingNotLive, $"A {booking.Status.ToString().ToLowerInvariant()} booking takes no payment.");
        }

        var amount = (await SummaryAsync(booking, cancellationToken)).AmountFor(purpose!.Value);
        if (amount <= 0)
        {
            await transaction.DisposeAsync();
            return Failure.Conflict(ProblemCodes.NothingToPay, purpose == PaymentPurpose.Deposit ? "The deposit is already paid." : "Nothing is owed on this booking.");
        }

        return (booking, purpose.Value, amount, transaction);
    }

    /// <summary>
    /// The booking if the caller may pay it: in their scope (its customer, staff), or anyone holding
    /// its pay link's token (a guest, an e-mail). Otherwise nothing, so the booking does not exist for them.
    /// </summary>
    public IQueryable<Booking> Payable(Guid bookingId, string? payToken) =>
        (payLinks.IsValid(bookingId, payToken) ? db.Bookings : scope.Bookings(db.Bookings)).Where(b => b.Id == bookingId);

    /// <summary>Serialises every money change of one booking (payments, refunds, checkout pages) for this transaction.</summary>
    public Task LockBookingMoneyAsync(Guid bookingId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"booking-money:" + bookingId}, 0))", cancellationToken);

    private Task<PaymentAttempt?> OpenAttemptAsync(Guid bookingId, PaymentPurpose purpose, CancellationToken cancellationToken) =>
        db.PaymentAttempts.FirstOrDefaultAsync(a => a.BookingId == bookingId && a.Purpose == purpose && a.Status == PaymentAttemptStatus.Open, cancellationToken);

    /// <summary>An open attempt for an amount no longer owed: closed at Stripe too when it is a page, so it cannot be paid any more.</summary>
    private async Task RetireAsync(PaymentAttempt attempt, CancellationToken cancellationToken)
    {
        if (attempt is { Kind: PaymentAttemptKind.Checkout, StripeSessionId: { } sessionId })
        {
            try
            {
                var session = await stripe.ExpireCheckoutAsync(sessionId, cancellationToken);
                if (session.PaymentStatus == "paid" && session.PaymentIntentId is not null)
                {
                    logger.LogWarning("Checkout {Session} was paid while being replaced; reconciliation records it.", sessionId);
                }
            }
            catch (PaymentProviderException exception)
            {
                logger.LogInformation("Could not expire checkout {Session}: {Error}", sessionId, exception.Message);
            }
        }

        attempt.Status = PaymentAttemptStatus.Canceled;
        attempt.CompletedAt = clock.Now();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string> StripeCustomerAsync(Booking booking, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.IncludingDeleted().FirstAsync(c => c.Id == booking.CustomerId, cancellationToken);
        if (customer.StripeCustomerId is { } existing)
        {
            return existing;
        }

        customer.StripeCustomerId = await stripe.CreateCustomerAsync(customer.Id, customer.Email, customer.FullName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return customer.StripeCustomerId;
    }

    private PaymentAttempt NewAttempt(Booking booking, PaymentPurpose purpose, PaymentAttemptKind kind, long amount, string customerId) => new()
    {
        BookingId = booking.Id,
        Purpose = purpose,
        Kind = kind,
        AmountCents = amount,
        StripeCustomerId = customerId,
        Status = PaymentAttemptStatus.Open,
    };

    private async Task<PaymentAttempt?> FindAttemptAsync(Guid? paymentId, string? sessionId, string? paymentIntentId, CancellationToken cancellationToken)
    {
        var attempts = db.PaymentAttempts.AsNoTracking();
        return (paymentId is { } id ? await attempts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) : null)
            ?? (sessionId is not null ? await attempts.FirstOrDefaultAsync(a => a.StripeSessionId == sessionId, cancellationToken) : null)
            ?? (paymentIntentId is not null ? await attempts.FirstOrDefaultAsync(a => a.StripePaymentIntentId == paymentIntentId, cancellationToken) : null);
    }

    private static CheckoutSessionDto ToCheckoutDto(PaymentAttempt attempt) =>
        new(attempt.Id, attempt.BookingId, attempt.Purpose.ToContract(), attempt.AmountCents, attempt.StripeSessionId!, attempt.Url!, attempt.ExpiresAt);

    private static string Describe(Booking booking, PaymentPurpose purpose) =>
        $"{(purpose == PaymentPurpose.Deposit ? "Deposit" : "Balance")} for hibachi party {booking.Reference}";

    public static Failure CardsOff() => new(StatusCodes.Status409Conflict, ProblemCodes.CardPaymentsNotConfigured, "Card payments are not set up.",
        "Pay the deposit by cash, Zelle, Venmo or check; our team records it and confirms your booking.");

    public static Failure ProviderFailed(PaymentProviderException exception) =>
        exception.IsCardProblem
            ? new Failure(StatusCodes.Status402PaymentRequired, ProblemCodes.PaymentProviderFailed, "The card was not charged.", exception.Message)
            : new Failure(StatusCodes.Status502BadGateway, ProblemCodes.PaymentProviderFailed, "The payment service did not answer as expected.",
                "Nothing was charged; try again in a minute.");

    public static string Money(long cents) => (cents / 100m).ToString("$#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
