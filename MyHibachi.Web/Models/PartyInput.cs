using System.ComponentModel.DataAnnotations;
using MyHibachi.Web.Api;

namespace MyHibachi.Web.Models;

/// <summary>The party as a customer describes it: where, how many, and what to add. Shared by the quote page and the booking wizard.</summary>
public sealed class PartyInput
{
    [Display(Name = "ZIP code")]
    public string? Zip { get; set; }

    [Display(Name = "Adults")]
    public int? Adults { get; set; } = 10;

    [Display(Name = "Children (12 and under)")]
    public int? Children { get; set; } = 0;

    /// <summary>Quantity per menu code (upgrades, add-ons and sides).</summary>
    public Dictionary<string, int?> Quantities { get; set; } = [];

    public IReadOnlyList<SelectionDto> Selections() =>
        Quantities.Where(q => q.Value is > 0).Select(q => new SelectionDto(q.Key, q.Value!.Value)).ToList();

    public QuoteRequest ToQuote(QuoteContact? contact = null, DateOnly? eventDate = null) =>
        new(null, Zip, Adults, Children, eventDate, Selections(), contact, LeadSource.Web);

    /// <summary>Menu lines the customer can add to (included proteins are chosen on the day).</summary>
    public static IEnumerable<MenuItemDto> Extras(MenuDto menu) => menu.Items.Where(i => i.Unit != PricingUnit.Included);
}
