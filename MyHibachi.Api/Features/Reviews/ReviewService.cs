using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Files;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Reviews;

/// <summary>
/// Customers' reviews: written by the customer of a completed booking (signed in, or through the review
/// link), once per booking, screened and queued for moderation; photos uploaded per booking; the public
/// list, likes, the rating summary and chefs' profiles. Only published reviews are public.
/// </summary>
public sealed class ReviewService(
    HibachiDbContext db, AccessScope scope, RolePermissionCache permissions, ReviewLinks links, FileStore files,
    IOptions<ReviewPhotoOptions> photoOptions, CurrentActor actor, TimeProvider clock)
{
    public const string PhotoFileKind = "review-photo";

    /// <summary>The site's address of one width of a photo (the site asks the Api and keeps the caching headers).</summary>
    public static string PhotoUrl(Guid photoId, int width) => $"/reviews/photos/{photoId}/{width}.jpg";

    public static ReviewPhotoDto ToDto(ReviewPhoto photo) => new(
        photo.Id, photo.Width, photo.Height, photo.Variants.OrderBy(v => v.Width).Select(v => new ReviewPhotoSizeDto(v.Width, v.Height, PhotoUrl(photo.Id, v.Width))).ToList());

    public static ReviewDto ToDto(Review r, string? chefName, bool full) => new(
        r.Id, r.BookingId, r.StationId, r.Rating, r.Title, r.Body, r.AuthorName, r.EventDate, VerifiedEvent: true, r.ChefId, chefName,
        r.Status.ToContract(), full ? r.FlagReason : null, full ? r.RejectReason : null, r.LikeCount,
        r.Photos.OrderBy(p => p.Position).Select(ToDto).ToList(), r.CreatedAt, r.PublishedAt, r.EditedByStaffAt,
        full ? r.ModeratedByName : null, full ? r.ModeratedAt : null);

    public async Task<bool> IsModeratorAsync() =>
        scope.IsStaff && await permissions.GrantsAsync(scope.Roles, Permissions.ReviewsModerate);

    /// <summary>Whether the caller speaks for this booking's customer: signed in as them, or holding its review link.</summary>
    public bool IsAuthorOf(Booking booking, string? token) =>
        (scope.Kind == ScopeKind.Customer && scope.CustomerId == booking.CustomerId) || links.IsValid(booking.Id, token);

    public async Task<Result<ReviewDto>> CreateAsync(CreateReviewRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.BookingId is null)
        {
            errors.Add("bookingId", "Which booking the review is of.");
        }

        Validate(errors, request.Rating, request.Title, request.Body, request.PhotoIds);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == request.BookingId, cancellationToken);
        if (Verify(booking, request.Token) is { } refused)
        {
            return refused;
        }

        if (await db.Reviews.AnyAsync(r => r.BookingId == booking!.Id, cancellationToken))
        {
            return Failure.Conflict(ProblemCodes.ReviewExists, "This event has been reviewed already.",
                "Change your review instead (PUT /api/v1/reviews/{id}), or delete it to write a new one.");
        }

        if (request.ChefId is { } chefId && chefId != booking!.ChefId)
        {
            return Failure.Invalid("chefId", "The chef of a review is the chef who cooked at the event.");
        }

        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == booking!.CustomerId, cancellationToken);
        var photos = await PhotosForAsync(booking!.Id, request.PhotoIds ?? [], null, errors, cancellationToken);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var now = clock.Now();
        var review = new Review
        {
            BookingId = booking.Id,
            CustomerId = booking.CustomerId,
            StationId = booking.StationId,
            ChefId = booking.ChefId,
            Rating = request.Rating!.Value,
            Title = Clean(request.Title),
            Body = request.Body!.Trim(),
            AuthorName = ReviewRules.AuthorName(customer.FirstName, customer.LastName),
            EventDate = DateOnly.FromDateTime(booking.StartsAt.UtcDateTime),
            CreatedAt = now,
            UpdatedAt = now,
        };
        Screen(review);
        Attach(review, photos);
        db.Reviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(review, await ChefNameAsync(review.ChefId, cancellationToken), full: true);
    }

    public async Task<Result<ReviewDto>> UpdateAsync(Guid id, UpdateReviewRequest request, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.Include(r => r.Photos).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        var booking = review is null ? null : await db.Bookings.IgnoreQueryFilters().AsNoTracking().FirstAsync(b => b.Id == review.BookingId, cancellationToken);
        if (review is null || !IsAuthorOf(booking!, request.Token))
        {
            // Only the author changes their words; staff edit through moderation, with a reason.
            return Failure.NotFound("Review");
        }

        var errors = new ValidationErrors();
        Validate(errors, request.Rating, request.Title, request.Body, request.PhotoIds);
        var photos = request.PhotoIds is null ? null : await PhotosForAsync(review.BookingId, request.PhotoIds, review.Id, errors, cancellationToken);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        review.Rating = request.Rating!.Value;
        review.Title = Clean(request.Title);
        review.Body = request.Body!.Trim();
        if (photos is not null)
        {
            foreach (var removed in review.Photos.Where(p => !photos.Contains(p)).ToList())
            {
                removed.ReviewId = null;
                review.Photos.Remove(removed);
            }

            Attach(review, photos);
        }

        // Changed words are read again before they are shown: the review leaves the site until approved.
        review.Status = ReviewStatus.Pending;
        review.FlagReason = null;
        review.RejectReason = null;
        Screen(review);
        review.UpdatedAt = clock.Now();
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(review, await ChefNameAsync(review.ChefId, cancellationToken), full: true);
    }

    public async Task<Result> DeleteAsync(Guid id, string? reason, string? token, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return Failure.NotFound("Review");
        }

        var booking = await db.Bookings.IgnoreQueryFilters().AsNoTracking().FirstAsync(b => b.Id == review.BookingId, cancellationToken);
        var moderator = await IsModeratorAsync() && scope.CanUseStation(review.StationId);
        if (!moderator && !IsAuthorOf(booking, token))
        {
            return Failure.NotFound("Review");
        }

        var errors = new ValidationErrors();
        if (moderator && !IsAuthorOf(booking, token))
        {
            errors.Required("reason", reason, 500, "The reason");
        }
        else
        {
            errors.MaxLength("reason", reason, 500);
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        review.DeletedAt = clock.Now();
        review.DeletedBy = actor.UserId;
        review.DeleteReason = string.IsNullOrWhiteSpace(reason) ? "Removed by the author." : reason.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result<ReviewDto>> RestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.IgnoreQueryFilters().Include(r => r.Photos).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null || !scope.CanUseStation(review.StationId))
        {
            return Failure.NotFound("Review");
        }

        if (review.DeletedAt is null)
        {
            return Failure.Conflict(ProblemCodes.NotDeleted, "This review is not deleted.");
        }

        if (await db.Reviews.AnyAsync(r => r.BookingId == review.BookingId, cancellationToken))
        {
            return Failure.Conflict(ProblemCodes.ReviewExists, "The customer has written another review of this event since.");
        }

        review.DeletedAt = null;
        review.DeletedBy = null;
        review.DeleteReason = null;
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(review, await ChefNameAsync(review.ChefId, cancellationToken), full: true);
    }

    /// <summary>A published review for anyone; any other for its author and moderators.</summary>
    public async Task<ReviewDto?> ReadAsync(Guid id, string? token, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking().Include(r => r.Photos).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return null;
        }

        var full = await IsModeratorAsync() && scope.CanUseStation(review.StationId);
        if (!full)
        {
            var booking = await db.Bookings.IgnoreQueryFilters().AsNoTracking().FirstAsync(b => b.Id == review.BookingId, cancellationToken);
            full = IsAuthorOf(booking, token);
        }

        return review.Status == ReviewStatus.Published || full ? ToDto(review, await ChefNameAsync(review.ChefId, cancellationToken), full) : null;
    }

    public async Task<Result<PagedList<ReviewDto>>> ListPublishedAsync(ReviewListQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        if (query.Rating is { } stars)
        {
            errors.Range("rating", stars, 1, 5, "Rating");
        }

        if (query.Sort is not null and not ("newest" or "highest" or "lowest" or "mostLiked"))
        {
            errors.Add("sort", "Sort by newest, highest, lowest or mostLiked.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var reviews = Published(query.ChefId, query.StationId);
        if (query.Rating is { } rating)
        {
            reviews = reviews.Where(r => r.Rating == rating);
        }

        if (query.WithPhotos == true)
        {
            reviews = reviews.Where(r => r.Photos.Any());
        }

        var count = await Paging.CountAsync(reviews, cancellationToken);
        reviews = query.Sort switch
        {
            "highest" => reviews.OrderByDescending(r => r.Rating).ThenByDescending(r => r.PublishedAt),
            "lowest" => reviews.OrderBy(r => r.Rating).ThenByDescending(r => r.PublishedAt),
            "mostLiked" => reviews.OrderByDescending(r => r.LikeCount).ThenByDescending(r => r.PublishedAt),
            _ => reviews.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id),
        };
        var items = await reviews.Include(r => r.Photos).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var chefs = await ChefNamesAsync(items.Select(r => r.ChefId), cancellationToken);
        return Paging.Page(items.Select(r => ToDto(r, r.ChefId is { } c ? chefs.GetValueOrDefault(c) : null, full: false)).ToList(), page, pageSize, count);
    }

    /// <summary>The rating of the business (or one chef, or one station) from published reviews, computed when asked: always exact.</summary>
    public async Task<RatingSummaryDto> SummaryAsync(Guid? chefId, Guid? stationId, CancellationToken cancellationToken)
    {
        var perStar = await Published(chefId, stationId).GroupBy(r => r.Rating)
            .Select(g => new { Rating = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return ReviewRules.Summary(perStar.Select(s => (s.Rating, s.Count)));
    }

    public async Task<ChefProfileDto?> ChefProfileAsync(Guid chefId, int? page, CancellationToken cancellationToken)
    {
        var chef = await db.Chefs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chefId && c.IsActive, cancellationToken);
        if (chef is null)
        {
            return null;
        }

        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == chef.StationId, cancellationToken);
        var reviews = await ListPublishedAsync(new ReviewListQuery(Page: page ?? 1, PageSize: 10, ChefId: chefId), cancellationToken);
        return new ChefProfileDto(chef.Id, PublicName(chef), chef.Bio, station.Name,
            await SummaryAsync(chefId, null, cancellationToken), reviews.Succeeded ? reviews.Value! : Paging.Page(Array.Empty<ReviewDto>(), 1, 10, new ListCount(0, true)));
    }

    public async Task<IReadOnlyList<ChefCardDto>> ChefCardsAsync(CancellationToken cancellationToken)
    {
        var chefs = await db.Chefs.AsNoTracking().Where(c => c.IsActive)
            .Join(db.Stations, c => c.StationId, s => s.Id, (c, s) => new { Chef = c, s.Name }).ToListAsync(cancellationToken);
        var perChef = await Published(null, null).Where(r => r.ChefId != null).GroupBy(r => new { r.ChefId, r.Rating })
            .Select(g => new { g.Key.ChefId, g.Key.Rating, Count = g.Count() }).ToListAsync(cancellationToken);
        return chefs
            .Select(c => new ChefCardDto(c.Chef.Id, PublicName(c.Chef), c.Chef.Bio, c.Name,
                ReviewRules.Summary(perChef.Where(p => p.ChefId == c.Chef.Id).Select(p => (p.Rating, p.Count)))))
            .OrderByDescending(c => c.Rating.Count > 0).ThenByDescending(c => c.Rating.Average).ThenBy(c => c.Name)
            .ToList();
    }

    /// <summary>The caller's completed bookings with their reviews: a signed-in customer's all, a review link's one.</summary>
    public async Task<Result<IReadOnlyList<ReviewableBookingDto>>> ReviewableAsync(Guid? bookingId, string? token, CancellationToken cancellationToken)
    {
        IQueryable<Booking> bookings;
        if (bookingId is { } single)
        {
            var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == single, cancellationToken);
            if (Verify(booking, token) is { } refused)
            {
                return refused;
            }

            bookings = db.Bookings.Where(b => b.Id == single);
        }
        else if (scope.Kind == ScopeKind.Customer && scope.CustomerId is { } customerId)
        {
            bookings = db.Bookings.Where(b => b.CustomerId == customerId && b.Status == BookingStatus.Completed);
        }
        else
        {
            return Failure.Forbidden("Sign in as a customer, or follow the review link from your e-mail.");
        }

        var rows = await bookings.AsNoTracking().OrderByDescending(b => b.StartsAt).Take(50)
            .Join(db.Customers.IgnoreQueryFilters(), b => b.CustomerId, c => c.Id, (b, c) => new { Booking = b, c.FirstName })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Booking.Id).ToList();
        var reviews = await db.Reviews.AsNoTracking().Include(r => r.Photos).Where(r => ids.Contains(r.BookingId)).ToListAsync(cancellationToken);
        var chefs = await ChefNamesAsync(rows.Select(r => r.Booking.ChefId), cancellationToken);
        return rows.Select(row =>
        {
            var chefName = row.Booking.ChefId is { } c ? chefs.GetValueOrDefault(c) : null;
            var review = reviews.FirstOrDefault(r => r.BookingId == row.Booking.Id);
            return new ReviewableBookingDto(row.Booking.Id, row.Booking.Reference, DateOnly.FromDateTime(row.Booking.StartsAt.UtcDateTime), row.Booking.Guests,
                row.Booking.ChefId, chefName, row.FirstName, review is null ? null : ToDto(review, chefName, full: true));
        }).ToList();
    }

    public async Task<Result<ReviewLikeDto>> LikeAsync(Guid id, bool like, string visitor, CancellationToken cancellationToken)
    {
        if (!await db.Reviews.AnyAsync(r => r.Id == id && r.Status == ReviewStatus.Published, cancellationToken))
        {
            return Failure.NotFound("Review");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{id}:{visitor}")));
        var changed = like
            ? await db.Database.ExecuteSqlAsync(
                $"INSERT INTO review_likes (review_id, visitor_hash, created_at) VALUES ({id}, {hash}, {clock.Now()}) ON CONFLICT DO NOTHING", cancellationToken)
            : await db.Database.ExecuteSqlAsync($"DELETE FROM review_likes WHERE review_id = {id} AND visitor_hash = {hash}", cancellationToken);
        if (changed > 0)
        {
            // Counted again from the rows, so concurrent likes never lose one.
            await db.Database.ExecuteSqlAsync(
                $"UPDATE reviews SET like_count = (SELECT count(*) FROM review_likes WHERE review_id = {id}) WHERE id = {id}", cancellationToken);
        }

        // Counted from the rows: a concurrent like by the same visitor waited for the first and sees it.
        var count = await db.ReviewLikes.CountAsync(l => l.ReviewId == id, cancellationToken);
        return new ReviewLikeDto(id, count, like);
    }

    /// <summary>
    /// Keeps an uploaded photo for a booking's review: checked and re-encoded first, so nothing is
    /// stored when the upload is refused.
    /// </summary>
    public async Task<Result<ReviewPhotoDto>> UploadPhotoAsync(Guid? bookingId, string? token, byte[] content, CancellationToken cancellationToken)
    {
        if (bookingId is null)
        {
            return Failure.Invalid("bookingId", "Which booking the photo is for.");
        }

        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (Verify(booking, token) is { } refused)
        {
            return refused;
        }

        // One upload per booking at a time (parallel uploads cannot pass the count together), and one
        // decode at a time in this process (a decoded photo can take hundreds of MB).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"review-photos:" + booking!.Id}, 0))", cancellationToken);
        if (await db.ReviewPhotos.CountAsync(p => p.BookingId == booking.Id, cancellationToken) >= ReviewRules.MaxUploadsPerBooking)
        {
            return new Failure(StatusCodes.Status409Conflict, ProblemCodes.PhotoLimit, "Too many photos for this event.",
                $"At most {ReviewRules.MaxUploadsPerBooking} photos can be uploaded for one event.");
        }

        ProcessedPhoto? processed;
        PhotoRefusal? refusal;
        await Decoding.WaitAsync(cancellationToken);
        try
        {
            (processed, refusal) = ReviewPhotoProcessor.Process(content, photoOptions.Value);
        }
        finally
        {
            Decoding.Release();
        }

        if (refusal is not null)
        {
            return new Failure(refusal.Status, ProblemCodes.PhotoRejected, "The photo was not accepted.", refusal.Message,
                new Dictionary<string, string[]> { ["file"] = [refusal.Message] });
        }

        var photo = new ReviewPhoto { BookingId = booking!.Id, Width = processed!.Width, Height = processed.Height, CreatedAt = clock.Now() };
        foreach (var size in processed.Sizes)
        {
            var file = await files.SaveAsync(PhotoFileKind, "image/jpeg", $"{photo.Id}-{size.Width}.jpg", size.Jpeg, cancellationToken);
            photo.Variants.Add(new ReviewPhotoVariant(size.Width, size.Height, file.Id, size.Jpeg.LongLength));
        }

        db.ReviewPhotos.Add(photo);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToDto(photo);
    }

    private static readonly SemaphoreSlim Decoding = new(1, 1);

    /// <summary>One width of a photo: public (and cached by everyone) once its review is published.</summary>
    public async Task<(StoredFile File, bool Public)?> PhotoFileAsync(Guid photoId, int width, string? token, CancellationToken cancellationToken)
    {
        var photo = await db.ReviewPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId, cancellationToken);
        var variant = photo?.Variants.FirstOrDefault(v => v.Width == width);
        if (photo is null || variant is null)
        {
            return null;
        }

        var review = photo.ReviewId is { } reviewId ? await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken) : null;
        var isPublic = review?.Status == ReviewStatus.Published;
        if (!isPublic)
        {
            var booking = await db.Bookings.IgnoreQueryFilters().AsNoTracking().FirstAsync(b => b.Id == photo.BookingId, cancellationToken);
            if (!IsAuthorOf(booking, token) && !(await IsModeratorAsync() && scope.CanUseStation(booking.StationId)))
            {
                return null;
            }
        }

        var file = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == variant.FileId, cancellationToken);
        return file is null ? null : (file, isPublic);
    }

    public async Task<string?> ChefNameAsync(Guid? chefId, CancellationToken cancellationToken) =>
        chefId is { } id ? (await ChefNamesAsync([id], cancellationToken)).GetValueOrDefault(id) : null;

    public async Task<Dictionary<Guid, string>> ChefNamesAsync(IEnumerable<Guid?> chefIds, CancellationToken cancellationToken)
    {
        var ids = chefIds.OfType<Guid>().Distinct().ToList();
        var chefs = await db.Chefs.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        return chefs.ToDictionary(c => c.Id, PublicName);
    }

    /// <summary>A chef as the public sees them: "Kenji T."</summary>
    public static string PublicName(Chef chef) => ReviewRules.AuthorName(chef.FirstName, chef.LastName);

    private IQueryable<Review> Published(Guid? chefId, Guid? stationId)
    {
        var reviews = db.Reviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Published);
        if (chefId is { } chef)
        {
            reviews = reviews.Where(r => r.ChefId == chef);
        }

        if (stationId is { } station)
        {
            reviews = reviews.Where(r => r.StationId == station);
        }

        return reviews;
    }

    private Failure? Verify(Booking? booking, string? token)
    {
        if (booking is null || !IsAuthorOf(booking, token))
        {
            return scope.Kind == ScopeKind.Anonymous && string.IsNullOrEmpty(token)
                ? new Failure(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Sign in to review your event.",
                    "Reviews come from customers of completed events: sign in, or follow the review link from your e-mail.")
                : new Failure(StatusCodes.Status403Forbidden, ProblemCodes.ReviewNotVerified, "Only the customer of this event can review it.",
                    "Reviews come from customers of completed events; this booking is not yours, or the link is not valid.");
        }

        if (booking.Status != BookingStatus.Completed)
        {
            return new Failure(StatusCodes.Status409Conflict, ProblemCodes.ReviewNotVerified, "This event has not happened yet.",
                "A review can be written once the event is completed.");
        }

        return null;
    }

    private static void Validate(ValidationErrors errors, int? rating, string? title, string? body, IReadOnlyList<Guid>? photoIds)
    {
        if (rating is null)
        {
            errors.Add("rating", "Choose from 1 to 5 stars.");
        }
        else
        {
            errors.Range("rating", rating.Value, 1, 5, "Rating");
        }

        errors.MaxLength("title", title, ReviewRules.MaxTitleLength);
        if (string.IsNullOrWhiteSpace(body) || body.Trim().Length < ReviewRules.MinBodyLength)
        {
            errors.Add("body", $"Tell us about the event in at least {ReviewRules.MinBodyLength} characters.");
        }
        else
        {
            errors.MaxLength("body", body, ReviewRules.MaxBodyLength);
        }

        if (photoIds is { Count: > ReviewRules.MaxPhotosPerReview })
        {
            errors.Add("photoIds", $"At most {ReviewRules.MaxPhotosPerReview} photos per review.");
        }
        else if (photoIds is not null && photoIds.Distinct().Count() != photoIds.Count)
        {
            errors.Add("photoIds", "A photo is named twice.");
        }
    }

    private async Task<List<ReviewPhoto>> PhotosForAsync(
        Guid bookingId, IReadOnlyList<Guid> ids, Guid? reviewId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var photos = await db.ReviewPhotos.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        if (photos.Count != ids.Count || photos.Any(p => p.BookingId != bookingId || (p.ReviewId is not null && p.ReviewId != reviewId)))
        {
            errors.Add("photoIds", "Use photos uploaded for this event (POST /api/v1/reviews/photos).");
        }

        return [.. ids.Select(id => photos.FirstOrDefault(p => p.Id == id)).OfType<ReviewPhoto>()];
    }

    private static void Attach(Review review, IReadOnlyList<ReviewPhoto> photos)
    {
        for (var i = 0; i < photos.Count; i++)
        {
            photos[i].Position = i;
            if (!review.Photos.Contains(photos[i]))
            {
                review.Photos.Add(photos[i]);
            }
        }
    }

    private static void Screen(Review review)
    {
        var reasons = ReviewRules.Screen(review.Title, review.Body);
        if (reasons.Count > 0)
        {
            review.Status = ReviewStatus.Flagged;
            review.FlagReason = "Held by the automatic check: " + string.Join(" ", reasons);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
