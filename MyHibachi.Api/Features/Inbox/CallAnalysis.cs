using System.Globalization;
using System.Text.RegularExpressions;
using MyHibachi.Api.Features.Assistant.Agents;
using MyHibachi.Api.Features.Assistant.Routing;

namespace MyHibachi.Api.Features.Inbox;

/// <summary>What staff read about a call before listening to it: the caller's intent, their mood, and a summary of what they said.</summary>
public sealed record CallInsight(string Intent, string Emotion, string Summary);

/// <summary>
/// A call's transcript read by the assistant's own parts: the router's agent gives the intent, the
/// escalation signals and a few words give the emotion, the slot extractor gives the facts.
/// </summary>
public static partial class CallAnalysis
{
    public static string IntentOf(string agent) => agent switch
    {
        AgentNames.LeadNurturing => "price or availability inquiry",
        AgentNames.CustomerCare => "existing booking",
        AgentNames.Operations => "book, change or cancel",
        AgentNames.Distance => "service area and travel",
        AgentNames.Menu => "menu question",
        AgentNames.Allergen => "allergies and diets",
        _ => "general question",
    };

    public static string EmotionOf(string transcript)
    {
        var anger = EscalationSignals.Anger(transcript);
        if (anger >= 0.6)
        {
            return "angry";
        }

        if (anger >= 0.35 || EscalationSignals.ReportsIncident(transcript))
        {
            return "frustrated";
        }

        return PositivePattern().IsMatch(transcript) ? "positive" : "neutral";
    }

    public static CallInsight Analyse(string transcript, RouteDecision route, ExtractedSlots slots)
    {
        var facts = new List<string>();
        if (slots.Adults is { } adults)
        {
            facts.Add(Say.Guests(adults, slots.Children ?? 0));
        }

        if (slots.Date is { } date)
        {
            facts.Add(date.ToString("ddd, MMM d, yyyy", CultureInfo.InvariantCulture) + (slots.Time is { } time ? " at " + time : ""));
        }

        if (slots.Zip is { } zip)
        {
            facts.Add("ZIP " + zip);
        }

        if (slots.Allergies.Count + slots.Diets.Count > 0)
        {
            facts.Add("allergies/diet: " + string.Join(", ", slots.Allergies.Concat(slots.Diets)));
        }

        if (slots.Reference is { } reference)
        {
            facts.Add("booking " + reference);
        }

        if ((slots.Email ?? slots.Phone) is { } contact)
        {
            facts.Add("contact " + contact);
        }

        var intent = IntentOf(route.Agent);
        var said = FirstSentence(transcript);
        var summary = $"Caller: {intent}. \"{said}\"" + (facts.Count > 0 ? " Mentioned: " + string.Join("; ", facts) + "." : "");
        return new CallInsight(intent, EmotionOf(transcript), summary.Length > 2000 ? summary[..1999] + "…" : summary);
    }

    private static string FirstSentence(string text)
    {
        var clean = Regex.Replace(text.Trim(), @"\s+", " ");
        var end = clean.IndexOfAny(['.', '?', '!'], Math.Min(20, clean.Length));
        var sentence = end > 0 ? clean[..(end + 1)] : clean;
        return sentence.Length > 240 ? sentence[..239] + "…" : sentence;
    }

    [GeneratedRegex(@"\b(thank(s| you)|great|love|awesome|perfect|excited|wonderful|amazing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PositivePattern();
}
