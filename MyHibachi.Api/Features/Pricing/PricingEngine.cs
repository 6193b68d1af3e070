using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Pricing;

public sealed record PricingRequest(int Adults, int Children, IReadOnlyList<MenuSelection> Selections, double DistanceMiles);

public sealed record PricingOutcome(PriceBreakdown? Breakdown, ValidationErrors Errors)
{
    public bool IsValid => Breakdown is not null && !Errors.Any;
}

/// <summary>
/// Prices a party from a <see cref="PriceSheet"/>: guests, menu upgrades and add-ons, the party
/// minimum, travel beyond the free radius, the deposit and the suggested gratuity. Pure: the same
/// sheet and request always give the same cents.
/// </summary>
public static class PricingEngine
{
    /// <summary>Each guest chooses two included proteins.</summary>
    public const int IncludedChoicesPerGuest = 2;

    public const int MaxOrdersPerItem = 50;

    public static PricingOutcome Calculate(PriceSheet sheet, PricingRequest request)
    {
        var errors = Validate(sheet, request);
        if (errors.Any)
        {
            return new PricingOutcome(null, errors);
        }

        var lines = new List<PriceLine>
        {
            new("adult", "Adult guests", request.Adults, sheet.AdultCents, request.Adults * sheet.AdultCents),
        };
        if (request.Children > 0)
        {
            lines.Add(new("child", "Children (12 and under)", request.Children, sheet.ChildCents, request.Children * sheet.ChildCents));
        }

        var menu = sheet.MenuItems.ToDictionary(m => m.Code, StringComparer.Ordinal);
        foreach (var selection in Merge(request.Selections))
        {
            var item = menu[selection.Code];
            var unit = item.Unit == PricingUnit.Included ? 0 : item.PriceCents;
            lines.Add(new(item.Code, item.Name, selection.Quantity, unit, unit * selection.Quantity));
        }

        var food = lines.Sum(l => l.TotalCents);
        if (food < sheet.PartyMinimumCents)
        {
            var shortfall = sheet.PartyMinimumCents - food;
            lines.Add(new("party_minimum", $"Party minimum ({Money(sheet.PartyMinimumCents)})", 1, shortfall, shortfall));
            food = sheet.PartyMinimumCents;
        }

        var (billableMiles, travel) = Travel(sheet, request.DistanceMiles);
        if (travel > 0)
        {
            lines.Add(new("travel_fee", $"Travel: {billableMiles} mile{(billableMiles == 1 ? "" : "s")} past the {sheet.TravelFreeMiles} free miles", billableMiles, sheet.TravelCentsPerMile, travel));
        }

        var total = food + travel;
        var deposit = Math.Min(sheet.DepositCents, total);
        var gratuity = (long)Math.Round(food * (decimal)sheet.GratuityPercent / 100m, MidpointRounding.AwayFromZero);

        return new PricingOutcome(
            new PriceBreakdown(lines, food, travel, total, deposit, total - deposit, sheet.GratuityPercent, gratuity, Math.Round(request.DistanceMiles, 1)),
            errors);
    }

    /// <summary>The miles charged (whole miles beyond the free radius) and the travel fee for a distance.</summary>
    public static (int BillableMiles, long FeeCents) Travel(PriceSheet sheet, double distanceMiles)
    {
        var billableMiles = (int)Math.Max(0, Math.Ceiling(Math.Round(distanceMiles, 3) - sheet.TravelFreeMiles));
        return (billableMiles, billableMiles * sheet.TravelCentsPerMile);
    }

    public static ValidationErrors Validate(PriceSheet sheet, PricingRequest request)
    {
        var errors = new ValidationErrors();
        errors.Range("adults", request.Adults, 1, sheet.MaxGuests, "Adults");
        errors.Range("children", request.Children, 0, sheet.MaxGuests, "Children");
        var guests = request.Adults + request.Children;
        if (!errors.Any && guests > sheet.MaxGuests)
        {
            errors.Add("children", $"A party can have at most {sheet.MaxGuests} guests; call us for larger events.");
        }

        if (double.IsNaN(request.DistanceMiles) || request.DistanceMiles < 0)
        {
            errors.Add("zip", "The travel distance could not be worked out.");
        }

        var menu = sheet.MenuItems.ToDictionary(m => m.Code, StringComparer.Ordinal);
        for (var i = 0; i < request.Selections.Count; i++)
        {
            var selection = request.Selections[i];
            if (string.IsNullOrWhiteSpace(selection.Code) || !menu.TryGetValue(selection.Code, out var item))
            {
                errors.Add($"selections[{i}].code", $"'{Truncate(selection.Code)}' is not on the menu.");
                continue;
            }

            var max = item.Unit switch
            {
                PricingUnit.PerPerson => Math.Max(guests, 1),
                PricingUnit.Included => Math.Max(guests, 1) * IncludedChoicesPerGuest,
                _ => MaxOrdersPerItem,
            };
            if (selection.Quantity < 1 || selection.Quantity > max)
            {
                errors.Add($"selections[{i}].quantity", $"{item.Name}: quantity must be between 1 and {max}.");
            }
        }

        if (!errors.Any)
        {
            foreach (var group in request.Selections.GroupBy(s => s.Code).Where(g => g.Count() > 1))
            {
                var item = menu[group.Key];
                var limit = item.Unit == PricingUnit.PerPerson ? guests : item.Unit == PricingUnit.Included ? guests * IncludedChoicesPerGuest : MaxOrdersPerItem;
                if (group.Sum(s => s.Quantity) > limit)
                {
                    errors.Add("selections", $"{item.Name}: at most {limit} in total.");
                }
            }
        }

        return errors;
    }

    private static IEnumerable<MenuSelection> Merge(IEnumerable<MenuSelection> selections) =>
        selections.GroupBy(s => s.Code, StringComparer.Ordinal).Select(g => new MenuSelection(g.Key, g.Sum(s => s.Quantity)));

    public static string Money(long cents) => (cents / 100m).ToString("$#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
