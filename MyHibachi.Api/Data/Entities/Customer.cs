namespace MyHibachi.Api.Data.Entities;

public sealed class Customer : IAudited, ISoftDeletable, ITimestamped, IPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid StationId { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public required string Email { get; set; }

    public string? Phone { get; set; }

    public string? Notes { get; set; }

    public bool MarketingOptIn { get; set; }

    /// <summary>The sign-in account of this customer, when they have one.</summary>
    public Guid? UserId { get; set; }

    /// <summary>The Stripe customer that holds this customer's saved cards.</summary>
    public string? StripeCustomerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public Guid? DeletedBy { get; set; }

    public string? DeleteReason { get; set; }

    public uint Version { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}
