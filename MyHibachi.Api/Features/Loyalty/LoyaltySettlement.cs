using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Loyalty;

/// <summary>
/// What the program does by itself, run by the Workers every few minutes (each step safe to repeat:
/// every row has its SourceKey): points for completed, paid events (pending until the refund window
/// closes), taken back when money is refunded, released when the window closes; tiers up at once and
/// down at the yearly review; referrals decided with their guards; challenges' bonuses and badges.
/// </summary>
public sealed class LoyaltySettlement(
    HibachiDbContext db, LoyaltyService loyalty, Payments.PaymentService payments, IOptions<LoyaltyOptions> options, TimeProvider clock, ILogger<LoyaltySettlement> logger)
{
    public const string FirstPartyBadge = "First party";

    public async Task<LoyaltySettleResult> SettleAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var earned = await EarnAsync(now, cancellationToken);
        var reversed = await ReverseRefundsAsync(now, cancellationToken) + await ReturnRedeemedAsync(now, cancellationToken);
        var released = await db.LoyaltyTransactions
            .Where(t => t.Status == LoyaltyTransactionStatus.Pending && t.AvailableAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, LoyaltyTransactionStatus.Available), cancellationToken);
        var referrals = await DecideReferralsAsync(now, cancellationToken);
        var bonuses = await ChallengesAsync(now, cancellationToken);
        var tiers = await ReviewTiersAsync(now, cancellationToken);
        return new LoyaltySettleResult(earned, released, reversed, tiers, referrals, bonuses);
    }

    /// <summary>Money paid for a booking, in cents, without points spent on it (points do not earn points).</summary>
    private IQueryable<long> PaidMoney(Guid bookingId) =>
        db.Ledger.Where(e => e.BookingId == bookingId && e.Method != PaymentMethod.LoyaltyPoints)
            .Select(e => e.Kind == LedgerEntryKind.Payment ? e.AmountCents : -e.AmountCents);

    private async Task<int> EarnAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Completed
                && !db.LoyaltyTransactions.Any(t => t.SourceKey == "earn:" + b.Id.ToString())
                && db.Ledger.Where(e => e.BookingId == b.Id && e.Method != PaymentMethod.LoyaltyPoints)
                    .Sum(e => e.Kind == LedgerEntryKind.Payment ? e.AmountCents : -e.AmountCents) >= 100)
            .OrderBy(b => b.EndsAt).Take(500)
            .Select(b => new { b.Id, b.CustomerId, b.Reference, b.StartsAt, b.EndsAt })
            .ToListAsync(cancellationToken);
        var seasons = await ActiveCampaignsAsync(LoyaltyCampaignKind.SeasonalMultiplier, cancellationToken);
        foreach (var booking in due)
        {
            var account = await loyalty.AccountAsync(booking.CustomerId, cancellationToken);
            var paid = await PaidMoney(booking.Id).SumAsync(cancellationToken);
            var eventDay = DateOnly.FromDateTime(booking.StartsAt.UtcDateTime);
            var season = seasons.Where(c => c.StartsOn <= eventDay && eventDay <= c.EndsOn).ToList();
            var multiplier = LoyaltyRules.Multiplier(account.Tier, season.Select(c => c.Multiplier));
            var points = LoyaltyRules.PointsFor(paid, multiplier);
            var availableAt = booking.EndsAt.AddDays(options.Value.PendingDays);
            db.LoyaltyTransactions.Add(new LoyaltyTransaction
            {
                CustomerId = booking.CustomerId, Kind = LoyaltyTransactionKind.Earn,
                Status = availableAt <= now ? LoyaltyTransactionStatus.Available : LoyaltyTransactionStatus.Pending,
                Points = points, AvailableAt = availableAt, BookingId = booking.Id, Multiplier = multiplier, CampaignId = season.MaxBy(c => c.Multiplier)?.Id,
                Description = $"{booking.Reference}: ${paid / 100} paid × {multiplier:0.##} ({account.Tier}{(season.Count > 0 ? $", {season.MaxBy(c => c.Multiplier)!.Name}" : "")})",
                SourceKey = $"earn:{booking.Id}", CreatedAt = now,
            });
            if (!await db.LoyaltyBadges.AnyAsync(b => b.CustomerId == booking.CustomerId && b.Name == FirstPartyBadge, cancellationToken))
            {
                db.LoyaltyBadges.Add(new LoyaltyBadge { CustomerId = booking.CustomerId, Name = FirstPartyBadge, AwardedAt = now });
            }

            await SaveOnceAsync(cancellationToken);
        }

        return due.Count;
    }

    /// <summary>
    /// A refund after the points were given takes back what the refunded dollars earned (at the
    /// earn's own multiplier): a reversal row, pending or available like the earn it corrects.
    /// </summary>
    private async Task<int> ReverseRefundsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var earns = await db.LoyaltyTransactions.AsNoTracking()
            .Where(t => t.Kind == LoyaltyTransactionKind.Earn
                && db.Ledger.Any(e => e.BookingId == t.BookingId && e.Kind == LedgerEntryKind.Refund && e.Method != PaymentMethod.LoyaltyPoints))
            .ToListAsync(cancellationToken);
        var reversed = 0;
        foreach (var earn in earns)
        {
            var paid = await PaidMoney(earn.BookingId!.Value).SumAsync(cancellationToken);
            var given = await db.LoyaltyTransactions
                .Where(t => t.BookingId == earn.BookingId && (t.Kind == LoyaltyTransactionKind.Earn || t.Kind == LoyaltyTransactionKind.Reversal))
                .SumAsync(t => t.Points, cancellationToken);
            var owed = LoyaltyRules.PointsFor(paid, earn.Multiplier);
            if (owed >= given)
            {
                continue;
            }

            var count = await db.LoyaltyTransactions.CountAsync(t => t.BookingId == earn.BookingId && t.Kind == LoyaltyTransactionKind.Reversal, cancellationToken);
            var pending = earn.AvailableAt > now;
            db.LoyaltyTransactions.Add(new LoyaltyTransaction
            {
                CustomerId = earn.CustomerId, Kind = LoyaltyTransactionKind.Reversal,
                Status = pending ? LoyaltyTransactionStatus.Pending : LoyaltyTransactionStatus.Available, AvailableAt = earn.AvailableAt,
                Points = owed - given, BookingId = earn.BookingId, Multiplier = earn.Multiplier,
                Description = $"Refund: {given - owed} points taken back", SourceKey = $"reversal:{earn.BookingId}:{count + 1}", CreatedAt = now,
            });
            await SaveOnceAsync(cancellationToken);
            reversed++;
        }

        return reversed;
    }

    /// <summary>
    /// Points spent on a booking that was then cancelled (or deleted) come back whole: a refund row of
    /// their value in the booking's ledger and the points in the balance, together, under the booking's money lock.
    /// </summary>
    private async Task<int> ReturnRedeemedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var spent = await db.LoyaltyTransactions.AsNoTracking()
            .Where(t => t.Kind == LoyaltyTransactionKind.Redemption && t.Points < 0
                && db.Bookings.IgnoreQueryFilters().Any(b => b.Id == t.BookingId && (b.Status == BookingStatus.Cancelled || b.DeletedAt != null))
                && !db.LoyaltyTransactions.Any(r => r.SourceKey == "return:" + t.Id.ToString()))
            .ToListAsync(cancellationToken);
        var returned = 0;
        foreach (var redemption in spent)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await payments.LockBookingMoneyAsync(redemption.BookingId!.Value, cancellationToken);
            if (await db.LoyaltyTransactions.AnyAsync(r => r.SourceKey == "return:" + redemption.Id.ToString(), cancellationToken))
            {
                continue;
            }

            var booking = await db.Bookings.IgnoreQueryFilters().AsNoTracking().FirstAsync(b => b.Id == redemption.BookingId, cancellationToken);
            var points = -redemption.Points;
            var refund = new LedgerEntry
            {
                BookingId = booking.Id, Kind = LedgerEntryKind.Refund, AmountCents = points / LoyaltyRules.PointsPerRedemption * LoyaltyRules.CentsPerRedemption,
                Method = PaymentMethod.LoyaltyPoints, Source = "loyalty", Reference = $"{points} points returned", Note = "The booking was cancelled.",
                RecordedByName = "Loyalty program", OccurredAt = now,
            };
            db.Ledger.Add(refund);
            db.LoyaltyTransactions.Add(new LoyaltyTransaction
            {
                CustomerId = redemption.CustomerId, Kind = LoyaltyTransactionKind.Redemption, Status = LoyaltyTransactionStatus.Available, Points = points,
                BookingId = booking.Id, LedgerEntryId = refund.Id, Description = $"{points} points returned: {booking.Reference} was cancelled",
                SourceKey = "return:" + redemption.Id, CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            returned++;
        }

        db.ChangeTracker.Clear();
        return returned;
    }

    /// <summary>
    /// A friend's first completed, paid event rewards the referrer once, unless a guard finds the
    /// same person: the same card, phone, e-mail mailbox or event address as the referrer's.
    /// </summary>
    private async Task<int> DecideReferralsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await db.Referrals.Where(r => r.Status == ReferralStatus.Pending).ToListAsync(cancellationToken);
        var decided = 0;
        foreach (var referral in pending)
        {
            var earn = await db.LoyaltyTransactions.AsNoTracking().Where(t => t.CustomerId == referral.FriendId && t.Kind == LoyaltyTransactionKind.Earn)
                .OrderBy(t => t.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (earn is null)
            {
                continue;
            }

            var reason = await SamePersonAsync(referral.ReferrerId, referral.FriendId, cancellationToken);
            referral.DecidedAt = now;
            referral.RewardBookingId = earn.BookingId;
            if (reason is not null)
            {
                referral.Status = ReferralStatus.Refused;
                referral.RefusedReason = reason;
                logger.LogWarning("Referral {Referral} refused: {Reason}", referral.Id, reason);
            }
            else
            {
                referral.Status = ReferralStatus.Rewarded;
                var friend = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == referral.FriendId, cancellationToken);
                db.LoyaltyTransactions.Add(new LoyaltyTransaction
                {
                    CustomerId = referral.ReferrerId, Kind = LoyaltyTransactionKind.Referral,
                    Status = earn.AvailableAt > now ? LoyaltyTransactionStatus.Pending : LoyaltyTransactionStatus.Available, AvailableAt = earn.AvailableAt,
                    Points = options.Value.ReferralPoints, BookingId = earn.BookingId,
                    Description = $"{friend.FirstName} had their first party with us: thank you!", SourceKey = $"referral:{referral.Id}", CreatedAt = now,
                });
            }

            await SaveOnceAsync(cancellationToken);
            decided++;
        }

        return decided;
    }

    private async Task<string?> SamePersonAsync(Guid referrerId, Guid friendId, CancellationToken cancellationToken)
    {
        var people = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == referrerId || c.Id == friendId).ToListAsync(cancellationToken);
        var (referrer, friend) = (people.First(p => p.Id == referrerId), people.First(p => p.Id == friendId));
        if (LoyaltyRules.Mailbox(referrer.Email) == LoyaltyRules.Mailbox(friend.Email))
        {
            return "Same e-mail mailbox as the referrer.";
        }

        if (LoyaltyRules.PhoneDigits(friend.Phone) is { } phone && phone == LoyaltyRules.PhoneDigits(referrer.Phone))
        {
            return "Same phone number as the referrer.";
        }

        var bookings = await db.Bookings.IgnoreQueryFilters().AsNoTracking().Where(b => b.CustomerId == referrerId || b.CustomerId == friendId)
            .Select(b => new { b.Id, b.CustomerId, b.AddressLine1, b.Zip, b.ContactPhone, b.SavedPaymentMethodId }).ToListAsync(cancellationToken);
        var referrerAddresses = bookings.Where(b => b.CustomerId == referrerId).Select(b => LoyaltyRules.Address(b.AddressLine1, b.Zip)).ToHashSet();
        if (bookings.Where(b => b.CustomerId == friendId).Any(b => referrerAddresses.Contains(LoyaltyRules.Address(b.AddressLine1, b.Zip))))
        {
            return "An event at the referrer's address.";
        }

        var referrerPhones = bookings.Where(b => b.CustomerId == referrerId).Select(b => LoyaltyRules.PhoneDigits(b.ContactPhone)).OfType<string>().ToHashSet();
        if (bookings.Where(b => b.CustomerId == friendId).Any(b => LoyaltyRules.PhoneDigits(b.ContactPhone) is { } p && referrerPhones.Contains(p)))
        {
            return "Same phone number as the referrer.";
        }

        // The card: the same Stripe card (its fingerprint) paid for both people's parties.
        var ids = bookings.Select(b => b.Id).ToList();
        var cards = await db.Ledger.AsNoTracking().Where(e => ids.Contains(e.BookingId) && e.CardFingerprint != null)
            .Select(e => new { e.BookingId, e.CardFingerprint }).ToListAsync(cancellationToken);
        var owner = bookings.ToDictionary(b => b.Id, b => b.CustomerId);
        var referrerCards = cards.Where(c => owner[c.BookingId] == referrerId).Select(c => c.CardFingerprint).ToHashSet();
        return cards.Any(c => owner[c.BookingId] == friendId && referrerCards.Contains(c.CardFingerprint)) ? "Paid with the referrer's card." : null;
    }

    /// <summary>"Book N parties in the window": the bonus and the badge once per customer per challenge.</summary>
    private async Task<int> ChallengesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var given = 0;
        foreach (var challenge in await ActiveCampaignsAsync(LoyaltyCampaignKind.Challenge, cancellationToken))
        {
            var from = new DateTimeOffset(challenge.StartsOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var to = new DateTimeOffset(challenge.EndsOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var key = "bonus:" + challenge.Id + ":";
            var winners = await db.LoyaltyTransactions.AsNoTracking()
                .Where(t => t.Kind == LoyaltyTransactionKind.Earn && db.Bookings.Any(b => b.Id == t.BookingId && b.StartsAt >= from && b.StartsAt < to))
                .GroupBy(t => t.CustomerId).Where(g => g.Count() >= challenge.TargetEvents).Select(g => g.Key)
                .Where(c => !db.LoyaltyTransactions.Any(t => t.SourceKey == key + c.ToString()))
                .ToListAsync(cancellationToken);
            foreach (var customer in winners)
            {
                db.LoyaltyTransactions.Add(new LoyaltyTransaction
                {
                    CustomerId = customer, Kind = LoyaltyTransactionKind.Bonus, Status = LoyaltyTransactionStatus.Available, Points = challenge.BonusPoints,
                    CampaignId = challenge.Id, Description = $"Challenge completed: {challenge.Name}", SourceKey = key + customer, CreatedAt = now,
                });
                if (challenge.Badge is { } badge && !await db.LoyaltyBadges.AnyAsync(b => b.CustomerId == customer && b.Name == badge, cancellationToken))
                {
                    db.LoyaltyBadges.Add(new LoyaltyBadge { CustomerId = customer, Name = badge, CampaignId = challenge.Id, AwardedAt = now });
                }

                await SaveOnceAsync(cancellationToken);
                given++;
            }
        }

        return given;
    }

    /// <summary>Up at once when the last 365 days' points reach a higher tier; down only at the yearly review.</summary>
    private async Task<int> ReviewTiersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var account in await db.LoyaltyAccounts.ToListAsync(cancellationToken))
        {
            var reached = LoyaltyRules.TierFor(await loyalty.TierPointsAsync(account.CustomerId, now, cancellationToken));
            var review = now >= account.TierReviewAt;
            var upgraded = reached > account.Tier;
            if (upgraded || (review && reached < account.Tier))
            {
                account.Tier = reached;
                account.TierSince = now;
                changed++;
            }

            // A tier reached is kept for a year; the review after it decides again.
            if (review || upgraded)
            {
                account.TierReviewAt = now.AddYears(1);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private Task<List<LoyaltyCampaign>> ActiveCampaignsAsync(LoyaltyCampaignKind kind, CancellationToken cancellationToken) =>
        db.LoyaltyCampaigns.AsNoTracking().Where(c => c.Kind == kind && c.IsActive).ToListAsync(cancellationToken);

    /// <summary>Saves; a row another run wrote first (its SourceKey) is dropped, not doubled.</summary>
    private async Task SaveOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }
}
