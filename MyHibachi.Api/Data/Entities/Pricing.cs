using MyHibachi.Api.Features.Pricing;

namespace MyHibachi.Api.Data.Entities;

/// <summary>One editable price or pricing rule, e.g. adult_price = 6000 cents.</summary>
public sealed class PriceItem : IAudited, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>cents, cents_per_mile, miles, percent or count.</summary>
    public required string Unit { get; set; }

    public long Value { get; set; }

    public long MinValue { get; set; }

    public long MaxValue { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}

public sealed class MenuItem : IAudited, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public MenuCategory Category { get; set; }

    public PricingUnit Unit { get; set; }

    public long PriceCents { get; set; }

    /// <summary>The lowest and highest price staff may set, in cents.</summary>
    public long MinPriceCents { get; set; }

    public long MaxPriceCents { get; set; } = 100_000;

    /// <summary>Allergens present, e.g. shellfish, soy, gluten, egg, sesame, dairy, fish, tree_nuts, peanuts.</summary>
    public List<string> Allergens { get; set; } = [];

    /// <summary>Diets it suits, e.g. vegetarian, vegan, gluten_free, halal.</summary>
    public List<string> DietaryTags { get; set; } = [];

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}
