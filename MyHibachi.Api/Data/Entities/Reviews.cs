namespace MyHibachi.Api.Data.Entities;

// Stored by name (see HibachiDbContext); the contracts have a twin of the same names.
public enum ReviewStatus
{
    /// <summary>Waiting for a moderator.</summary>
    Pending,

    /// <summary>On the site.</summary>
    Published,

    /// <summary>Turned down by a moderator, with a reason the author sees.</summary>
    Rejected,

    /// <summary>Held for a moderator: spam or abuse found by the rules, or flagged by staff.</summary>
    Flagged,
}

/// <summary>
/// A customer's review of one completed booking (one per booking): stars, text, photos and the chef.
/// The author is verified by the booking itself, so every review is of an event that happened.
/// </summary>
public sealed class Review : IAudited, ISoftDeletable, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BookingId { get; set; }

    public Guid CustomerId { get; set; }

    public Guid StationId { get; set; }

    public Guid? ChefId { get; set; }

    /// <summary>1 to 5 stars.</summary>
    public int Rating { get; set; }

    public string? Title { get; set; }

    public required string Body { get; set; }

    /// <summary>As shown on the site: first name and last initial ("Maria G.").</summary>
    public required string AuthorName { get; set; }

    /// <summary>The day of the event (UTC), shown beside the "verified event" badge.</summary>
    public DateOnly EventDate { get; set; }

    public ReviewStatus Status { get; set; } = ReviewStatus.Pending;

    /// <summary>Why the review is held (the rules' findings or a moderator's note).</summary>
    public string? FlagReason { get; set; }

    public string? RejectReason { get; set; }

    public Guid? ModeratedBy { get; set; }

    public string? ModeratedByName { get; set; }

    public DateTimeOffset? ModeratedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When staff last changed the author's words (the audit log keeps the before and after).</summary>
    public DateTimeOffset? EditedByStaffAt { get; set; }

    public int LikeCount { get; set; }

    public List<ReviewPhoto> Photos { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public Guid? DeletedBy { get; set; }

    public string? DeleteReason { get; set; }

    public uint Version { get; set; }
}

/// <summary>
/// A photo uploaded for a booking's review: re-encoded without metadata at a few widths (each a
/// stored file). It belongs to the booking from the upload and to the review once the review names it.
/// </summary>
public sealed class ReviewPhoto
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BookingId { get; set; }

    public Guid? ReviewId { get; set; }

    public int Position { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public List<ReviewPhotoVariant> Variants { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One width of a photo: a JPEG in the file store.</summary>
public sealed record ReviewPhotoVariant(int Width, int Height, Guid FileId, long Length);

/// <summary>One "like" per visitor (a hash of the account or the address) per review.</summary>
public sealed class ReviewLike
{
    public Guid ReviewId { get; set; }

    public required string VisitorHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
