using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Reviews;

/// <summary>
/// The moderators' side: the queue (pending and held first), approve, reject with a reason, flag,
/// and edit the words with a reason. Every action is in the audit log with who and why; the rating
/// summary follows at once because it is computed from published reviews when asked.
/// </summary>
public sealed class ReviewModeration(HibachiDbContext db, ReviewService reviews, AccessScope scope, AuditTrail audit, CurrentActor actor, TimeProvider clock)
{
    public async Task<Result<PagedList<ReviewDto>>> QueueAsync(ReviewModerationQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        var status = errors.Member("status", query.Status, EnumMappings.ToEntity);
        errors.MaxLength("q", query.Q, 200);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var list = db.Reviews.AsNoTracking();
        if (scope.Kind == ScopeKind.Station)
        {
            list = list.Where(r => r.StationId == scope.StationId);
        }

        list = status is { } wanted
            ? list.Where(r => r.Status == wanted)
            : list.Where(r => r.Status == ReviewStatus.Pending || r.Status == ReviewStatus.Flagged);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{Like.Escape(query.Q.Trim())}%";
            list = list.Where(r => EF.Functions.ILike(r.Body, pattern, "\\") || EF.Functions.ILike(r.AuthorName, pattern, "\\"));
        }

        var count = await Paging.CountAsync(list, cancellationToken);
        // Oldest first: the customer who waited longest is answered first.
        var items = await list.Include(r => r.Photos).OrderBy(r => r.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var chefs = await reviews.ChefNamesAsync(items.Select(r => r.ChefId), cancellationToken);
        return Paging.Page(items.Select(r => ReviewService.ToDto(r, r.ChefId is { } c ? chefs.GetValueOrDefault(c) : null, full: true)).ToList(), page, pageSize, count);
    }

    public Task<Result<ReviewDto>> ApproveAsync(Guid id, CancellationToken cancellationToken) =>
        ModerateAsync(id, "review.approve", null, review =>
        {
            review.Status = ReviewStatus.Published;
            review.PublishedAt ??= clock.Now();
            review.FlagReason = null;
            review.RejectReason = null;
            return null;
        }, cancellationToken);

    public Task<Result<ReviewDto>> RejectAsync(Guid id, ModerationReasonRequest request, CancellationToken cancellationToken) =>
        ModerateAsync(id, "review.reject", request.Reason, review =>
        {
            review.Status = ReviewStatus.Rejected;
            review.RejectReason = request.Reason!.Trim();
            return null;
        }, cancellationToken);

    public Task<Result<ReviewDto>> FlagAsync(Guid id, ModerationReasonRequest request, CancellationToken cancellationToken) =>
        ModerateAsync(id, "review.flag", request.Reason, review =>
        {
            review.Status = ReviewStatus.Flagged;
            review.FlagReason = request.Reason!.Trim();
            return null;
        }, cancellationToken);

    public Task<Result<ReviewDto>> EditAsync(Guid id, StaffReviewEditRequest request, CancellationToken cancellationToken) =>
        ModerateAsync(id, "review.edit", request.Reason, review =>
        {
            var errors = new ValidationErrors();
            errors.MaxLength("title", request.Title, ReviewRules.MaxTitleLength);
            if (string.IsNullOrWhiteSpace(request.Body) || request.Body.Trim().Length < ReviewRules.MinBodyLength)
            {
                errors.Add("body", $"A review keeps at least {ReviewRules.MinBodyLength} characters.");
            }
            else
            {
                errors.MaxLength("body", request.Body, ReviewRules.MaxBodyLength);
            }

            if (errors.Any)
            {
                return errors;
            }

            review.Title = string.IsNullOrWhiteSpace(request.Title) ? null : request.Title.Trim();
            review.Body = request.Body!.Trim();
            review.EditedByStaffAt = clock.Now();
            return null;
        }, cancellationToken);

    private async Task<Result<ReviewDto>> ModerateAsync(
        Guid id, string action, string? reason, Func<Review, ValidationErrors?> change, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.Include(r => r.Photos).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null || !scope.CanUseStation(review.StationId))
        {
            return Failure.NotFound("Review");
        }

        var errors = new ValidationErrors();
        if (action != "review.approve")
        {
            errors.Required("reason", reason, 500, "The reason");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var before = new { Status = review.Status.ToString(), review.Rating, review.Title, review.Body };
        if (change(review) is { Any: true } invalid)
        {
            return Failure.Invalid(invalid);
        }

        review.ModeratedBy = actor.UserId;
        review.ModeratedByName = actor.Name;
        review.ModeratedAt = clock.Now();
        review.UpdatedAt = review.ModeratedAt.Value;
        await audit.RecordAsync(action, "review", review.Id.ToString(), before,
            new { Status = review.Status.ToString(), review.Rating, review.Title, review.Body, Reason = reason?.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return ReviewService.ToDto(review, await reviews.ChefNameAsync(review.ChefId, cancellationToken), full: true);
    }
}

/// <summary>The review request the day after an event: which are due (for the Workers), and marking one sent.</summary>
public sealed class ReviewRequests(HibachiDbContext db, ReviewLinks links, ReviewService reviews, TimeProvider clock)
{
    /// <summary>Completed events that ended a day ago or more (at most two weeks), not yet asked, not yet reviewed.</summary>
    public async Task<IReadOnlyList<ReviewRequestDue>> DueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Completed && b.ReviewRequestedAt == null
                && b.EndsAt <= now.AddDays(-1) && b.EndsAt > now.AddDays(-14)
                && !db.Reviews.Any(r => r.BookingId == b.Id))
            .OrderBy(b => b.EndsAt).Take(200)
            .Select(b => new { b.Id, b.Reference, b.ContactEmail, b.ContactName, b.StartsAt, b.ChefId })
            .ToListAsync(cancellationToken);
        var chefs = await reviews.ChefNamesAsync(rows.Select(r => r.ChefId), cancellationToken);
        return rows.Select(r => new ReviewRequestDue(r.Id, r.Reference, r.ContactEmail, r.ContactName.Split(' ')[0], DateOnly.FromDateTime(r.StartsAt.UtcDateTime),
            r.ChefId is { } c ? chefs.GetValueOrDefault(c) : null, links.Link(r.Id))).ToList();
    }

    public async Task<Result> MarkSentAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var changed = await db.Bookings.Where(b => b.Id == bookingId && b.ReviewRequestedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReviewRequestedAt, clock.Now()), cancellationToken);
        return changed == 1 || await db.Bookings.AnyAsync(b => b.Id == bookingId, cancellationToken) ? Result.Success : Failure.NotFound("Booking");
    }
}
