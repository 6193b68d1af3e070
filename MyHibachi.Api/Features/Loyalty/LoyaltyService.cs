using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Loyalty;

/// <summary>
/// The loyalty program for customers and staff: the standing and history (the balance always summed
/// from the transactions), spending points on a booking (a ledger row and a transaction in one
/// transaction, under the booking's money lock), claiming a friend's referral code, staff adjustments.
/// </summary>
public sealed class LoyaltyService(
    HibachiDbContext db, AccessScope scope, PaymentService payments, AuditTrail audit, CurrentActor actor,
    IOptions<LoyaltyOptions> options, IOptions<PaymentOptions> site, TimeProvider clock)
{
    public async Task<LoyaltyAccount> AccountAsync(Guid customerId, CancellationToken cancellationToken)
    {
        if (await db.LoyaltyAccounts.FirstOrDefaultAsync(a => a.CustomerId == customerId, cancellationToken) is { } account)
        {
            return account;
        }

        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == customerId, cancellationToken);
        var now = clock.Now();
        for (var attempt = 0; ; attempt++)
        {
            var created = new LoyaltyAccount
            {
                CustomerId = customerId, ReferralCode = LoyaltyRules.ReferralCode(customer.FirstName), TierSince = now, TierReviewAt = now.AddYears(1), CreatedAt = now,
            };
            db.LoyaltyAccounts.Add(created);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return created;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another request made the account, or the code was taken: look again.
                db.Entry(created).State = EntityState.Detached;
                if (await db.LoyaltyAccounts.FirstOrDefaultAsync(a => a.CustomerId == customerId, cancellationToken) is { } existing)
                {
                    return existing;
                }
            }
        }
    }

    public async Task<Result<LoyaltySummaryDto>> MineAsync(CancellationToken cancellationToken) =>
        Me() is { } me ? await SummaryAsync(me, cancellationToken) : NotACustomer();

    public async Task<LoyaltySummaryDto> SummaryAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var account = await AccountAsync(customerId, cancellationToken);
        var sums = await db.LoyaltyTransactions.Where(t => t.CustomerId == customerId)
            .GroupBy(t => t.Status).Select(g => new { Status = g.Key, Points = g.Sum(t => t.Points) }).ToListAsync(cancellationToken);
        var tierPoints = await TierPointsAsync(customerId, clock.GetUtcNow(), cancellationToken);
        var (next, missing) = LoyaltyRules.NextTier(account.Tier, tierPoints);
        var badges = await db.LoyaltyBadges.Where(b => b.CustomerId == customerId).OrderBy(b => b.AwardedAt)
            .Select(b => new LoyaltyBadgeDto(b.Name, b.AwardedAt)).ToListAsync(cancellationToken);
        var tier = LoyaltyRules.Of(account.Tier);
        return new LoyaltySummaryDto(customerId,
            sums.Where(s => s.Status == LoyaltyTransactionStatus.Available).Sum(s => s.Points),
            sums.Where(s => s.Status == LoyaltyTransactionStatus.Pending).Sum(s => s.Points),
            account.Tier.ToContract(), tier.Multiplier, tierPoints, next?.ToContract(), missing, account.TierReviewAt, tier.Benefits,
            account.ReferralCode, $"{site.Value.SiteBaseUrl.TrimEnd('/')}/Refer/{account.ReferralCode}", badges,
            LoyaltyRules.PointsPerRedemption, LoyaltyRules.CentsPerRedemption, options.Value.PendingDays, options.Value.WelcomePoints, options.Value.ReferralPoints);
    }

    /// <summary>Points earned in the 365 days before <paramref name="now"/> (earns net of their reversals, referrals, bonuses, adjustments): what sets the tier.</summary>
    public Task<int> TierPointsAsync(Guid customerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.LoyaltyTransactions
            .Where(t => t.CustomerId == customerId && t.CreatedAt > now.AddDays(-365)
                && (t.Kind == LoyaltyTransactionKind.Earn || t.Kind == LoyaltyTransactionKind.Reversal || t.Kind == LoyaltyTransactionKind.Referral
                    || t.Kind == LoyaltyTransactionKind.Bonus || t.Kind == LoyaltyTransactionKind.Adjustment))
            .SumAsync(t => t.Points, cancellationToken);

    public async Task<Result<PagedList<LoyaltyTransactionDto>>> HistoryAsync(Guid? customerId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var who = customerId ?? Me();
        if (who is null)
        {
            return NotACustomer();
        }

        if (customerId is { } other && !await scope.Customers(db.Customers).AnyAsync(c => c.Id == other, cancellationToken))
        {
            return Failure.NotFound("Customer");
        }

        var errors = new ValidationErrors();
        var (number, size) = Paging.Validate(page, pageSize, errors);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var rows = db.LoyaltyTransactions.AsNoTracking().Where(t => t.CustomerId == who);
        var count = await Paging.CountAsync(rows, cancellationToken);
        var items = await rows.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return Paging.Page(items.Select(ToDto).ToList(), number, size, count);
    }

    public static LoyaltyTransactionDto ToDto(LoyaltyTransaction t) =>
        new(t.Id, t.Kind.ToContract(), t.Status.ToContract(), t.Points, t.Description, t.BookingId, t.AvailableAt, t.CreatedByName, t.CreatedAt);

    /// <summary>Spends points on the customer's own booking: the booking's ledger gets a payment row, the points a redemption row.</summary>
    public async Task<Result<RedemptionDto>> RedeemAsync(RedeemPointsRequest request, CancellationToken cancellationToken)
    {
        if (Me() is not { } me)
        {
            return NotACustomer();
        }

        var errors = new ValidationErrors();
        if (request.BookingId is null)
        {
            errors.Add("bookingId", "Which booking to spend the points on.");
        }

        if (request.Points is null)
        {
            errors.Add("points", $"How many points ({LoyaltyRules.PointsPerRedemption} points = $10).");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await payments.LockBookingMoneyAsync(request.BookingId!.Value, cancellationToken);
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == request.BookingId && b.CustomerId == me, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking");
        }

        if (booking.Status is not (BookingStatus.Pending or BookingStatus.Confirmed))
        {
            return Failure.Conflict(ProblemCodes.BookingNotLive, "Points can be spent on an upcoming party only.");
        }

        // Two redemptions at once by the same customer: the second waits here and sees the first's row.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"loyalty:" + me}, 0))", cancellationToken);
        var available = await db.LoyaltyTransactions.Where(t => t.CustomerId == me && t.Status == LoyaltyTransactionStatus.Available).SumAsync(t => t.Points, cancellationToken);
        var summary = await payments.SummaryAsync(booking, cancellationToken);
        if (LoyaltyRules.WhyNotRedeem(request.Points!.Value, available, summary.DueCents) is { } why)
        {
            return Failure.Invalid("points", why);
        }

        var points = request.Points.Value;
        var cents = points / LoyaltyRules.PointsPerRedemption * LoyaltyRules.CentsPerRedemption;
        var entry = await payments.RecordLoyaltyCreditAsync(booking, cents, $"{points} points", cancellationToken);
        var now = clock.Now();
        db.LoyaltyTransactions.Add(new LoyaltyTransaction
        {
            CustomerId = me, Kind = LoyaltyTransactionKind.Redemption, Status = LoyaltyTransactionStatus.Available, Points = -points,
            BookingId = booking.Id, LedgerEntryId = entry.Id, Description = $"{points} points for ${cents / 100} off {booking.Reference}",
            SourceKey = $"redeem:{entry.Id}", CreatedBy = actor.UserId, CreatedByName = actor.Name, CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RedemptionDto(booking.Id, points, cents, entry.Id, available - points, summary.DueCents - cents);
    }

    /// <summary>
    /// A new customer names the friend who sent them: refused for oneself, a customer who already
    /// had a party, the same e-mail mailbox or phone as the friend; otherwise the welcome offer at once.
    /// </summary>
    public async Task<Result<ReferralDto>> ClaimReferralAsync(ClaimReferralRequest request, CancellationToken cancellationToken)
    {
        if (Me() is not { } me)
        {
            return NotACustomer();
        }

        var code = request.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || code.Length > 20)
        {
            return Failure.Invalid("code", "Enter the referral code your friend shared (like OLIVIA-7K3Q).");
        }

        var referrer = await db.LoyaltyAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.ReferralCode == code, cancellationToken);
        if (referrer is null)
        {
            return Failure.Invalid("code", "No such referral code.");
        }

        var friend = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == me, cancellationToken);
        var sender = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == referrer.CustomerId, cancellationToken);
        var refusal = referrer.CustomerId == me ? "You cannot refer yourself."
            : LoyaltyRules.Mailbox(friend.Email) == LoyaltyRules.Mailbox(sender.Email) ? "The friend's e-mail address is the referrer's."
            : LoyaltyRules.PhoneDigits(friend.Phone) is { } phone && phone == LoyaltyRules.PhoneDigits(sender.Phone) ? "The friend's phone number is the referrer's."
            : await db.Bookings.IgnoreQueryFilters().AnyAsync(b => b.CustomerId == me && b.Status == BookingStatus.Completed, cancellationToken)
                ? "Referral codes are for new customers, before their first party."
            : await db.Referrals.AnyAsync(r => r.FriendId == me, cancellationToken) ? "You have used a referral code already."
            : null;
        if (refusal is not null)
        {
            return Failure.Conflict(ProblemCodes.ReferralRefused, "This referral code cannot be used.", refusal);
        }

        var now = clock.Now();
        var referral = new Referral { ReferrerId = referrer.CustomerId, FriendId = me, CreatedAt = now };
        db.Referrals.Add(referral);
        await AccountAsync(me, cancellationToken);
        db.LoyaltyTransactions.Add(new LoyaltyTransaction
        {
            CustomerId = me, Kind = LoyaltyTransactionKind.Welcome, Status = LoyaltyTransactionStatus.Available, Points = options.Value.WelcomePoints,
            Description = $"Welcome from {sender.FirstName}: ${options.Value.WelcomePoints / LoyaltyRules.PointsPerRedemption * LoyaltyRules.CentsPerRedemption / 100} off your first party",
            SourceKey = $"welcome:{me}", CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same claim sent twice at once: the first one counts.
            return Failure.Conflict(ProblemCodes.ReferralRefused, "This referral code cannot be used.", "You have used a referral code already.");
        }

        return new ReferralDto(referral.Id, friend.FirstName, referral.Status.ToContract(), null, referral.CreatedAt, null);
    }

    public async Task<Result<IReadOnlyList<ReferralDto>>> ReferralsAsync(Guid? customerId, CancellationToken cancellationToken)
    {
        var who = customerId ?? Me();
        if (who is null)
        {
            return NotACustomer();
        }

        if (customerId is { } other && !await scope.Customers(db.Customers).AnyAsync(c => c.Id == other, cancellationToken))
        {
            return Failure.NotFound("Customer");
        }

        var rows = await db.Referrals.AsNoTracking().Where(r => r.ReferrerId == who).OrderByDescending(r => r.CreatedAt)
            .Join(db.Customers.IgnoreQueryFilters(), r => r.FriendId, c => c.Id, (r, c) => new { Referral = r, c.FirstName, c.LastName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ReferralDto(r.Referral.Id, Reviews.ReviewRules.AuthorName(r.FirstName, r.LastName), r.Referral.Status.ToContract(),
            r.Referral.RefusedReason, r.Referral.CreatedAt, r.Referral.DecidedAt)).ToList();
    }

    /// <summary>Staff add or take points with a reason; the audit log keeps who, how many and why.</summary>
    public async Task<Result<LoyaltySummaryDto>> AdjustAsync(Guid customerId, LoyaltyAdjustmentRequest request, CancellationToken cancellationToken)
    {
        if (!await scope.Customers(db.Customers).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return Failure.NotFound("Customer");
        }

        var errors = new ValidationErrors();
        if (request.Points is not { } points || points == 0 || Math.Abs(points) > 100_000)
        {
            errors.Add("points", "Points to add (positive) or take away (negative), at most 100000.");
        }

        errors.Required("reason", request.Reason, 300, "The reason");
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        await AccountAsync(customerId, cancellationToken);
        var now = clock.Now();
        var row = new LoyaltyTransaction
        {
            CustomerId = customerId, Kind = LoyaltyTransactionKind.Adjustment, Status = LoyaltyTransactionStatus.Available, Points = request.Points!.Value,
            Description = request.Reason!.Trim(), SourceKey = $"adjust:{Guid.CreateVersion7()}", CreatedBy = actor.UserId, CreatedByName = actor.Name, CreatedAt = now,
        };
        db.LoyaltyTransactions.Add(row);
        await audit.RecordAsync("loyalty.adjust", "customer", customerId.ToString(), null, new { row.Points, Reason = row.Description, TransactionId = row.Id });
        await db.SaveChangesAsync(cancellationToken);
        return await SummaryAsync(customerId, cancellationToken);
    }

    public async Task<Result<LoyaltySummaryDto>> CustomerSummaryAsync(Guid customerId, CancellationToken cancellationToken) =>
        await scope.Customers(db.Customers).AnyAsync(c => c.Id == customerId, cancellationToken)
            ? await SummaryAsync(customerId, cancellationToken)
            : Failure.NotFound("Customer");

    private Guid? Me() => scope.Kind == ScopeKind.Customer ? scope.CustomerId : null;

    private static Failure NotACustomer() =>
        Failure.Forbidden("The loyalty program is for customers: sign in with a confirmed customer account.");
}
