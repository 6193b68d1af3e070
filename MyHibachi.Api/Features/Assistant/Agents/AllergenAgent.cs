using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Features.Assistant.Routing;

namespace MyHibachi.Api.Features.Assistant.Agents;

/// <summary>
/// Allergies and diets from the allergen and diet matrix of the menu. It never guesses: an allergen
/// the matrix does not track is said to be unknown and handed to a person, and a severe allergy is
/// always told what a shared grill can and cannot guarantee.
/// </summary>
public sealed partial class AllergenAgent(HibachiDbContext db) : IAssistantAgent
{
    private const string SharedGrill =
        "Our chefs cook every dish on one shared grill, so we cannot guarantee that any food is free of traces of an allergen. " +
        "What the chef can do: clean the grill surface, cook that guest's food first with clean utensils and separate oil, and keep their sauces apart.";

    private static readonly Dictionary<string, string> AllergenNames = new()
    {
        ["shellfish"] = "shellfish", ["fish"] = "fish", ["gluten"] = "gluten", ["soy"] = "soy", ["dairy"] = "dairy", ["egg"] = "egg",
        ["sesame"] = "sesame", ["peanut"] = "peanuts", ["tree_nut"] = "tree nuts",
    };

    private static readonly HashSet<string> NotAllergens =
    [
        "the", "some", "a", "an", "it", "that", "this", "something", "anything", "any", "many", "what", "severe", "serious", "bad", "mild",
        "food", "my", "his", "her", "our", "their", "no", "known", "same", "an", "major", "other", "bee",
    ];

    public string Name => AgentNames.Allergen;

    public string Description => "Allergies and diets from the menu's allergen matrix, with what the chef can and cannot guarantee.";

    public IReadOnlyList<string> Answers => ["Is anything gluten-free?", "My son is allergic to shellfish", "Do you have vegan options?"];

    public async Task<AgentAnswer> AnswerAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var items = await db.MenuItems.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.SortOrder)
            .Select(m => new { m.Code, m.Name, m.Allergens, m.DietaryTags }).ToListAsync(cancellationToken);
        var allergies = turn.Slots.Allergies.Count > 0 ? turn.Slots.Allergies : turn.Memory.Allergies;
        var severe = SeverePattern().IsMatch(turn.Text);
        var parts = new List<string>();
        var handOver = (string?)null;

        foreach (var allergy in allergies)
        {
            var name = AllergenNames.GetValueOrDefault(allergy, allergy);
            var containing = items.Where(i => i.Allergens.Contains(allergy)).Select(i => i.Name).ToList();
            var free = items.Where(i => !i.Allergens.Contains(allergy)).Select(i => i.Name).ToList();
            parts.Add(containing.Count == 0
                ? $"None of our dishes has {name} as an ingredient."
                : $"{Say.List(containing)} contain {name}. Without {name}: {Say.List(free)}.");
        }

        foreach (var unknown in UnknownAllergens(turn.Text))
        {
            parts.Add($"I don't have verified information about {unknown} in our dishes, so I won't guess: a person from our team will check with the chef.");
            handOver = $"Allergy the menu matrix does not track: {unknown}.";
        }

        foreach (var diet in turn.Slots.Diets)
        {
            parts.Add(diet switch
            {
                "kosher" => "We can't offer kosher-certified food: our kitchen and grills are not kosher-supervised.",
                "halal" => items.Where(i => i.DietaryTags.Contains("halal_on_request")).Select(i => i.Name).ToList() is { Count: > 0 } halal
                    ? $"{Say.List(halal)} can be halal on request (tell us when you book); our other meats are not halal."
                    : "We can't offer halal meat at the moment.",
                "pescatarian" => $"Pescatarian guests can choose {Say.List(items.Where(i => !i.Code.Contains("chicken") && !i.Code.Contains("steak") && !i.Code.Contains("filet") && !i.Code.Contains("gyoza") && !i.Code.Contains("extra")).Select(i => i.Name))}.",
                _ => items.Where(i => i.DietaryTags.Contains(diet)).Select(i => i.Name).ToList() is { Count: > 0 } fit
                    ? $"{Cap(diet.Replace('_', '-'))} choices: {Say.List(fit)}."
                    : $"We have no dishes marked {diet.Replace('_', '-')}.",
            });
        }

        if (parts.Count == 0)
        {
            return new AgentAnswer("Which allergy or diet should I check? For example gluten, shellfish, dairy, sesame, soy, egg, nuts, vegan, vegetarian or halal.", "allergen_clarify")
            {
                Progress = false,
                Memory = turn.Memory with { AskedFor = "allergy" },
                Suggestions = ["Gluten-free", "Shellfish allergy", "Vegan"],
            };
        }

        if (allergies.Count > 0 || handOver is not null)
        {
            parts.Add(severe ? SharedGrill + " For a severe allergy, please talk it through with us before booking." : SharedGrill);
        }

        parts.Add("I've noted this for your booking so the chef knows.");
        return new AgentAnswer(string.Join(" ", parts), allergies.Count > 0 ? "allergy" : "diet")
        {
            Memory = turn.Memory with { Allergies = [.. turn.Memory.Allergies.Union(turn.Slots.Allergies).Union(turn.Slots.Diets)] },
            HandOver = handOver,
            Suggestions = handOver is null ? ["Get a quote", "What's on the menu?"] : ["Talk to a person"],
        };
    }

    /// <summary>"allergic to mustard": allergens the matrix does not track.</summary>
    public static IEnumerable<string> UnknownAllergens(string text)
    {
        foreach (Match match in AllergicToPattern().Matches(text))
        {
            var word = match.Groups["what"].Value.ToLowerInvariant();
            var known = SlotExtractor.AllergenWords.Values.SelectMany(w => w).Any(w => w.Trim().Contains(word, StringComparison.Ordinal) || word.Contains(w.Trim(), StringComparison.Ordinal))
                || SlotExtractor.MenuWords.Values.SelectMany(w => w).Any(w => word.StartsWith(w, StringComparison.Ordinal));
            if (!known && !NotAllergens.Contains(word))
            {
                yield return word;
            }
        }
    }

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"\b(?:severe|severely|anaphyla\w*|epi-?pen|life[- ]threatening|deadly|hospital)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeverePattern();

    [GeneratedRegex(@"\ballergic to (?<what>[a-z]+)|\b(?<what>[a-z]+) allergy\b", RegexOptions.IgnoreCase)]
    private static partial Regex AllergicToPattern();
}
