using MyHibachi.Api.Features.Pricing;

namespace MyHibachi.Api.Data.Entities;

/// <summary>An instant quote, keeping the prices it was calculated with until it expires.</summary>
public sealed class Quote : ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid StationId { get; set; }

    public required string Zip { get; set; }

    public int Adults { get; set; }

    public int Children { get; set; }

    public DateOnly? EventDate { get; set; }

    public List<MenuSelection> Selections { get; set; } = [];

    public required PriceSheet PriceSheet { get; set; }

    public required PriceBreakdown Breakdown { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public LeadSource Source { get; set; } = LeadSource.Web;

    public Guid? BookingId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set when the abandoned-quote sweep turned this quote into a lead.</summary>
    public DateTimeOffset? FollowedUpAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
