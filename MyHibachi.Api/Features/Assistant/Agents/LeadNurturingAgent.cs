using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Features.Quotes;

namespace MyHibachi.Api.Features.Assistant.Agents;

/// <summary>Prices and quotes before booking, from the quote engine itself (the same call as <c>POST /api/quote/calculate</c>).</summary>
public sealed class LeadNurturingAgent(QuoteService quotes, PriceSheetProvider prices) : IAssistantAgent
{
    public string Name => AgentNames.LeadNurturing;

    public string Description => "Prices and instant quotes: per guest, party minimum, travel, deposit and gratuity.";

    public IReadOnlyList<string> Answers => ["How much for 20 people in 30301?", "What's the deposit?", "Is there a party minimum?"];

    public async Task<AgentAnswer> AnswerAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var memory = turn.Memory;
        var sheet = await prices.CurrentAsync(cancellationToken);
        var basics = $"It's {Say.Money(sheet.AdultCents)} per adult and {Say.Money(sheet.ChildCents)} per child (12 and under), with a {Say.Money(sheet.PartyMinimumCents)} party minimum; " +
                     $"travel is free for the first {sheet.TravelFreeMiles} miles.";
        var basicFacts = new[] { Say.Money(sheet.AdultCents), Say.Money(sheet.ChildCents), Say.Money(sheet.PartyMinimumCents), Say.Money(sheet.DepositCents) };
        if (memory.Adults is null)
        {
            return new AgentAnswer($"{basics} A {Say.Money(sheet.DepositCents)} deposit holds the date. How many guests are you expecting, and what's the ZIP code of the party? I'll work out the exact total.", "pricing")
            {
                Memory = memory with { AskedFor = "guests" },
                Progress = memory.AskedFor != "guests",
                Facts = basicFacts,
                Suggestions = ["20 adults in 30301", "What's on the menu?"],
            };
        }

        if (memory.Zip is null)
        {
            return new AgentAnswer($"For {Say.Guests(memory.Adults.Value, memory.Children ?? 0)}: {basics} What's the ZIP code of the party, so I can add any travel fee?", "pricing")
            {
                Memory = memory with { AskedFor = "zip" },
                Progress = memory.AskedFor != "zip",
                Facts = basicFacts,
                Suggestions = ["30301"],
            };
        }

        var result = await quotes.CalculateAsync(
            new QuoteRequest(null, memory.Zip, memory.Adults, memory.Children ?? 0, memory.EventDate, [], null, Contracts.LeadSource.Chat), cancellationToken);
        if (!result.Succeeded)
        {
            var problems = result.Failure!.Errors?.SelectMany(e => e.Value).ToList() ?? [result.Failure.Title];
            var wrongZip = result.Failure.Errors?.ContainsKey("zip") == true;
            return new AgentAnswer($"I couldn't price that: {string.Join(" ", problems)}", "quote_failed")
            {
                Memory = wrongZip ? memory with { Zip = null, AskedFor = "zip" } : memory with { EventDate = result.Failure.Errors?.ContainsKey("eventDate") == true ? null : memory.EventDate },
                Progress = false,
                Suggestions = wrongZip ? ["Talk to a person"] : [],
            };
        }

        var quote = result.Value!;
        var p = quote.Pricing;
        var travel = p.TravelFeeCents > 0 ? $" plus {Say.Money(p.TravelFeeCents)} travel ({p.DistanceMiles:0.#} miles from our {quote.StationName} station)" : " with no travel fee";
        var when = quote.EventDate is { } date ? $" on {Say.Date(date)}" : "";
        var reply = $"For {Say.Guests(quote.Adults, quote.Children)} in {quote.Zip}{when}: food {Say.Money(p.FoodSubtotalCents)}{travel}, " +
                    $"total {Say.Money(p.TotalCents)}. A {Say.Money(p.DepositCents)} deposit holds the date and {Say.Money(p.BalanceDueCents)} is due later. " +
                    $"The suggested {p.GratuityPercent}% gratuity for the chef is {Say.Money(p.SuggestedGratuityCents)} (not included). " +
                    "Each guest picks two proteins; upgrades like filet mignon or lobster cost extra.";
        return new AgentAnswer(reply, "quote")
        {
            Memory = memory with { QuoteId = quote.Id, AskedFor = null },
            Facts = [Say.Money(p.FoodSubtotalCents), Say.Money(p.TravelFeeCents), Say.Money(p.TotalCents), Say.Money(p.DepositCents),
                Say.Money(p.BalanceDueCents), Say.Money(p.SuggestedGratuityCents), $"{p.GratuityPercent}%", $"{p.DistanceMiles:0.#}"],
            Suggestions = quote.EventDate is null ? ["Check a date", "What's on the menu?"] : ["Book this date", "What's on the menu?"],
        };
    }
}
