using System.Text.RegularExpressions;

namespace MyHibachi.Api.Features.Assistant.Routing;

/// <summary>
/// A handful of word cues appended to the sentence embedding before classification. The embedding
/// carries the meaning; these carry what a small model blurs: "my" booking against a booking in
/// general, a ZIP code, an allergy word inside a menu question.
/// </summary>
public static partial class LexicalCues
{
    private static readonly Regex[] Cues =
    [
        AllergyCue(), MineCue(), ActionCue(), PlaceCue(), PriceCue(), FoodCue(), PolicyCue(), ReferenceCue(),
    ];

    public static int Count => Cues.Length;

    public static float[] Of(string text, float scale)
    {
        var cues = new float[Cues.Length];
        for (var i = 0; i < Cues.Length; i++)
        {
            cues[i] = Cues[i].IsMatch(text) ? scale : 0f;
        }

        return cues;
    }

    public static float[] Append(float[] embedding, string text, float scale) => [.. embedding, .. Of(text, scale)];

    [GeneratedRegex(@"\b(?:allerg\w*|alerg\w*|gluten|celiac|coeliac|vegan|vegetarian|halal|kosher|zabiha|dairy|lactose|nuts?|peanuts?|sesame|shellfish|pregnan\w*|expecting|epi-?pen|hives|cross[- ]?contam\w*|intoleran\w*|gf|diet\w*|safe for)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AllergyCue();

    [GeneratedRegex(@"\b(?:my|our|i)\s+(?:\w+\s+)?(?:booking|reservation|event|party|order|deposit|payment|invoice|receipt|account|refund|confirmation|password|login|balance|card)\b|\b(?:i paid|i booked|we booked|i was charged|logged? in|sign in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MineCue();

    [GeneratedRegex(@"\b(?:cancel\w*|reschedul\w*|resched|postpone|move (?:it|my|our|the)|change (?:the |my |our )?(?:date|time|start)|bump|headcount|add \w+ (?:more )?(?:guests|people|adults)|available|availability|openings?|open (?:on|slots?|dates?)|free on|book (?:me|us|a|it|for)|reserve|reservation for|set up a|schedule|slots?|which chef)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActionCue();

    [GeneratedRegex(@"\b(?:zip|\d{5}|miles?|mi|travel\w*|drive|come (?:to|out|up|down)|service area|areas?|serve|located|how far|county|counties|state|cities|city|out of state|near)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceCue();

    [GeneratedRegex(@"\b(?:how much|price\w*|cost\w*|quote|total|per person|pp|per head|budget|discount\w*|deals?|minimum|cheap\w*|afford\w*|package\w*|rates?)\b|\$", RegexOptions.IgnoreCase)]
    private static partial Regex PriceCue();

    [GeneratedRegex(@"\b(?:menu|proteins?|steak|chicken|shrimp|salmon|scallops?|lobster|filet|fillet|noodles?|rice|gyoza|dumplings?|edamame|sauces?|dessert|drinks?|portions?|upgrades?|add-?ons?|sides?|food|tofu|veggies|vegetables|dishes|eat|serve first|appetizers?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FoodCue();

    [GeneratedRegex(@"\b(?:polic\w*|provide|tables?|chairs?|plates?|napkins|utensils|indoor\w*|outdoor\w*|inside|garage|rain\w*|weather|how long|length|last|cleanup|clean up|insurance|certificate|propane|smoke|kids|children|alcohol|byob|tip|tipping|gratuity|pets?|dogs?|balcon\w*|apartment|pavilion|venue|space|setup|set up|what is hibachi|notice|ahead|rules)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PolicyCue();

    [GeneratedRegex(@"\bmh-[a-z0-9]{6}\b|\bconfirmation (?:number|code|#)", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceCue();
}
