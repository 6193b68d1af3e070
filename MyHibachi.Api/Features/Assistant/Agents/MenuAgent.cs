using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;

namespace MyHibachi.Api.Features.Assistant.Agents;

/// <summary>The menu as it is in the database: proteins, upgrades, add-ons and sides with their prices.</summary>
public sealed class MenuAgent(HibachiDbContext db) : IAssistantAgent
{
    public string Name => AgentNames.Menu;

    public string Description => "The menu: included proteins, upgrades, add-ons and sides, with prices.";

    public IReadOnlyList<string> Answers => ["What proteins can we choose?", "How much is the lobster upgrade?", "Do you have noodles?"];

    public async Task<AgentAnswer> AnswerAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var items = await db.MenuItems.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.SortOrder).ToListAsync(cancellationToken);
        string Price(Data.Entities.MenuItem m) => m.Unit switch
        {
            PricingUnit.Included => "included",
            PricingUnit.PerPerson => $"{Say.Money(m.PriceCents)} per person",
            _ => $"{Say.Money(m.PriceCents)} per order",
        };

        var asked = items.Where(m => turn.Slots.MenuCodes.Contains(m.Code)).ToList();
        if (asked.Count > 0)
        {
            var lines = asked.Select(m => $"{m.Name}: {Price(m)}{(m.Description is { Length: > 0 } d ? " — " + d : "")}");
            return new AgentAnswer(string.Join(". ", lines) + ". Every guest gets salad, fried rice and vegetables with two proteins of their choice.", "menu_item")
            {
                Memory = turn.Memory with { MenuCodes = [.. turn.Memory.MenuCodes.Union(asked.Select(a => a.Code))] },
                Facts = asked.Where(m => m.Unit != PricingUnit.Included).Select(m => Say.Money(m.PriceCents)).ToList(),
                Suggestions = ["Get a quote", "Any allergens?"],
            };
        }

        string Names(MenuCategory category) => Say.List(items.Where(m => m.Category == category).Select(m => m.Unit == PricingUnit.Included ? m.Name : $"{m.Name} ({Price(m)})"));
        var reply = "Every guest gets a salad, hibachi fried rice and grilled vegetables, with two proteins of their choice: " + Names(MenuCategory.Protein) + ". " +
                    "Upgrades: " + Names(MenuCategory.ProteinUpgrade) + ". Add-ons: " + Names(MenuCategory.AddOn) + ". Sides: " + Names(MenuCategory.Side) + ".";
        return new AgentAnswer(reply, "menu")
        {
            Facts = items.Where(m => m.Unit != PricingUnit.Included).Select(m => Say.Money(m.PriceCents)).ToList(),
            Suggestions = ["Get a quote", "Is anything gluten-free?"],
        };
    }
}
