namespace MyHibachi.Api.Data.Entities;

public enum LeadSource
{
    Web,
    Chat,
    Phone,
    Sms,
    WhatsApp,
    Instagram,
    Facebook,
    Admin,
}

public enum LeadStatus
{
    New,
    Contacted,
    Qualified,
    Converted,
    Lost,
}

/// <summary>Why someone who left contact details has not booked (yet).</summary>
public enum LeadReason
{
    ValidationFailed,
    NoAvailability,
    OutOfServiceArea,
    AbandonedQuote,
    Inquiry,
    DepositNotPaid,
    LargeParty,
}

public sealed class Lead : IAudited, ISoftDeletable, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? StationId { get; set; }

    public LeadSource Source { get; set; }

    public LeadReason Reason { get; set; }

    public LeadStatus Status { get; set; } = LeadStatus.New;

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>What they tried: date, guests, ZIP, the errors they met.</summary>
    public Dictionary<string, string> Details { get; set; } = [];

    public int AttemptCount { get; set; } = 1;

    public DateTimeOffset LastAttemptAt { get; set; }

    public Guid? QuoteId { get; set; }

    public Guid? BookingId { get; set; }

    public Guid? ClaimedBy { get; set; }

    public string? ClaimedByName { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public List<LeadNote> Notes { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public Guid? DeletedBy { get; set; }

    public string? DeleteReason { get; set; }

    public uint Version { get; set; }
}

public sealed class LeadNote : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid LeadId { get; set; }

    public Guid? AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
