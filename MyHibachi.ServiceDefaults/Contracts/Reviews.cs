namespace MyHibachi.Contracts;

public enum ReviewStatus
{
    Pending,
    Published,
    Rejected,
    Flagged,
}

/// <summary>One size of a photo; Url is the site's address for it (served with long caching).</summary>
public sealed record ReviewPhotoSizeDto(int Width, int Height, string Url);

public sealed record ReviewPhotoDto(Guid Id, int Width, int Height, IReadOnlyList<ReviewPhotoSizeDto> Sizes);

/// <summary>
/// A review as the site shows it. VerifiedEvent is always true for a review written here (every
/// review belongs to a completed booking); the moderation fields are filled for staff and the author.
/// </summary>
public sealed record ReviewDto(
    Guid Id, Guid BookingId, Guid StationId, int Rating, string? Title, string Body, string AuthorName, DateOnly EventDate, bool VerifiedEvent,
    Guid? ChefId, string? ChefName, ReviewStatus Status, string? FlagReason, string? RejectReason, int LikeCount,
    IReadOnlyList<ReviewPhotoDto> Photos, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? EditedByStaffAt,
    string? ModeratedByName = null, DateTimeOffset? ModeratedAt = null);

/// <summary>
/// A review of a completed booking: by its customer signed in, or by anyone holding the review
/// link's token (the e-mail the day after the event). PhotoIds are photos uploaded for this booking.
/// </summary>
public sealed record CreateReviewRequest(
    Guid? BookingId, int? Rating, string? Title, string? Body, Guid? ChefId = null, IReadOnlyList<Guid>? PhotoIds = null, string? Token = null);

/// <summary>The author's change: the review goes back to moderation. PhotoIds null keeps the photos.</summary>
public sealed record UpdateReviewRequest(int? Rating, string? Title, string? Body, IReadOnlyList<Guid>? PhotoIds = null, string? Token = null);

public sealed record ReviewListQuery(
    int? Page = null, int? PageSize = null, Guid? ChefId = null, Guid? StationId = null, int? Rating = null, bool? WithPhotos = null, string? Sort = null);

public sealed record ReviewModerationQuery(int? Page = null, int? PageSize = null, ReviewStatus? Status = null, string? Q = null);

public sealed record ModerationReasonRequest(string? Reason);

/// <summary>Staff changing a review's words (a phone number or a surname taken out): the reason is kept in the audit log.</summary>
public sealed record StaffReviewEditRequest(string? Title, string? Body, string? Reason);

/// <summary>
/// The business's rating from published reviews: Sum and Count make the average exact; Average is
/// rounded to two places for display. Distribution counts reviews per star (1..5).
/// </summary>
public sealed record RatingSummaryDto(int Count, int Sum, decimal Average, IReadOnlyDictionary<int, int> Distribution);

public sealed record ChefProfileDto(
    Guid Id, string Name, string? Bio, string StationName, RatingSummaryDto Rating, PagedList<ReviewDto> Reviews);

public sealed record ChefCardDto(Guid Id, string Name, string? Bio, string StationName, RatingSummaryDto Rating);

/// <summary>A completed booking the caller may review, with their review when written.</summary>
public sealed record ReviewableBookingDto(
    Guid BookingId, string Reference, DateOnly EventDate, int Guests, Guid? ChefId, string? ChefName, string CustomerFirstName, ReviewDto? Review);

public sealed record ReviewLikeDto(Guid ReviewId, int LikeCount, bool Liked);

/// <summary>Review request e-mails due (for the Workers), and what they report back.</summary>
public sealed record ReviewRequestDue(Guid BookingId, string Reference, string Email, string FirstName, DateOnly EventDate, string? ChefName, string Link);
