using System.Text.RegularExpressions;

namespace MyHibachi.Api.Features.Assistant.Routing;

/// <summary>The words and patterns behind escalation and auto-resume; pure, so each is unit-tested.</summary>
public static partial class EscalationSignals
{
    /// <summary>
    /// The seed's human-only words (manager, supervisor, complaint, lawsuit, attorney, lawyer, human,
    /// person, agent, representative, frustrated, angry, unacceptable, refund dispute) and their variants.
    /// A hit makes a message a candidate; the classifier decides whether it is really a request for a person.
    /// </summary>
    public static bool HasHumanOnlyWord(string text) => HumanOnlyPattern().IsMatch(text);

    /// <summary>Anger or frustration: words, shouting (mostly capitals) and piled-up punctuation.</summary>
    public static double Anger(string text)
    {
        var score = 0.0;
        score += 0.45 * Math.Min(2, AngerPattern().Matches(text).Count);
        var letters = text.Count(char.IsLetter);
        if (letters >= 12 && text.Count(char.IsUpper) > letters * 0.7)
        {
            score += 0.35;
        }

        if (text.Contains("!!", StringComparison.Ordinal) || text.Contains("?!", StringComparison.Ordinal))
        {
            score += 0.15;
        }

        return Math.Min(1, score);
    }

    /// <summary>An explicit request for a person, which escalates without asking the classifier.</summary>
    public static bool AsksForPerson(string text) => ExplicitPattern().IsMatch(text) && !NegatedPattern().IsMatch(text);

    /// <summary>Illness, injury or an allergic reaction after an event, a billing dispute, or a threat of a chargeback or public review: always a person.</summary>
    public static bool ReportsIncident(string text) => IncidentPattern().IsMatch(text);

    /// <summary>"No need for a person", "bots are fine": the customer says they do not want a person.</summary>
    public static bool DeclinesPerson(string text) => NegatedPattern().IsMatch(text) || DeclinePattern().IsMatch(text);

    /// <summary>Words of two letters or more.</summary>
    public static int Words(string text) => WordPattern().Count(text);

    /// <summary>The seed's AI-handleable words: a message with one of them can bring the assistant back.</summary>
    public static bool IsAiHandleable(string text) => HandleablePattern().IsMatch(text);

    [GeneratedRegex(@"\b(?:manager|managers|mgr|supervisor|complain(?:t|ts|ing|ed)?|lawsuits?|sue|suing|attorneys?|lawyers?|legal action|humans?|person|real person|people person|agents?|representatives?|rep|frustrat(?:ed|ing|ion)|angry|furious|pissed|unacceptable|ridiculous|refund dispute|dispute|chargeback|bbb|owner)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HumanOnlyPattern();

    [GeneratedRegex(@"\b(?:angry|furious|livid|pissed|frustrat\w*|unacceptable|ridiculous|outrageous|terrible|horrible|awful|worst|disgusting|scam|useless|stupid|incompetent|wtf|joke|fed up|sick of|never again|rip ?off|ripped off)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AngerPattern();

    [GeneratedRegex(@"\b(?:(?:talk|speak|chat)\s+(?:to|with)\s+(?:a|an|the|your|some)?\s*(?:real\s+|live\s+|actual\s+)?(?:human|person|agent|representative|rep|manager|supervisor|someone|somebody|owner|staff|team member|people)|(?:get|give|connect|transfer|put)\s+(?:me\s+)?(?:to\s+|through to\s+|with\s+)?(?:a|an|the)?\s*(?:real\s+|live\s+)?(?:human|person|agent|representative|manager|supervisor)|(?:human|real person|live agent|representative|operator)\s*(?:please|pls|now|!)|^\s*(?:human|agent|representative|operator|manager)\s*[.!?]*\s*$|call me back|have someone call|can someone call|need a human|want a human|want a person|need a person)", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitPattern();

    [GeneratedRegex(@"\b(?:no need (?:for|to talk to) a|don't need a|do not need a|not a|without a)\s+(?:human|person|agent|manager)", RegexOptions.IgnoreCase)]
    private static partial Regex NegatedPattern();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\b(?:food poisoning|got sick|made (?:me|us|him|her|them|my \w+)\s+(?:really\s+|so\s+|very\s+)?sick|were sick|was sick|threw up|throwing up|vomit\w*|hospital\w*|emergency room|the er\b|hives|went into anaphyla\w*|had a reaction|allergic reaction after|burn(?:ed|t) (?:me|my|him|her|our)|injur(?:ed|y)|one[- ]star|1[- ]star|bad reviews? everywhere|report you|chargeback|charge back|reversing the (?:payment|charge)|small claims|billed (?:us |me )?for \d+|overcharg\w*|double[- ]charg\w*|(?<!be )charged (?:me |us )?(?:twice|two times|double)|two \$?\d+ deposits|kept (?:my|our) deposit|never got (?:my|our) refund|refund (?:never came|still hasn't|hasn't (?:come|arrived)))", RegexOptions.IgnoreCase)]
    private static partial Regex IncidentPattern();

    [GeneratedRegex(@"\b(?:no need to call|don't call me|do not call me|bots? (?:is|are) fine|fine with (?:a|the) bot|happy with the bot|no human needed|you can answer|just answer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeclinePattern();

    [GeneratedRegex(@"\b(?:price|prices|pricing|cost|costs|how much|quote|book|booking|schedule|menu|date|dates|time|times|chef|chefs|location|area|serve|available|availability|guests?|people|dietary|diet|allerg\w*|vegan|vegetarian|halal|kosher|gluten|setup|set up|equipment|cancel|reschedule|travel|fee|fees|distance|miles|zip|deposit|protein|upgrade|lobster|steak|shrimp|party|parties)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HandleablePattern();
}
