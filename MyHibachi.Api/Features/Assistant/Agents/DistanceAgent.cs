using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Features.Geography;
using MyHibachi.Api.Features.Pricing;

namespace MyHibachi.Api.Features.Assistant.Agents;

/// <summary>Service area and travel fee, from the same service area and pricing rules the quote uses.</summary>
public sealed class DistanceAgent(ServiceArea area, PriceSheetProvider prices, HibachiDbContext db) : IAssistantAgent
{
    public string Name => AgentNames.Distance;

    public string Description => "Whether we come to you and what travel costs, by ZIP code, station city or miles.";

    public IReadOnlyList<string> Answers => ["Do you come to 30097?", "What is the travel fee for 45 miles?", "Which areas do you serve?"];

    public async Task<AgentAnswer> AnswerAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var sheet = await prices.CurrentAsync(cancellationToken);
        var zip = turn.Slots.Zip ?? turn.Memory.Zip;
        if (turn.Slots.Zip is null && turn.Slots.Miles is { } miles)
        {
            var (billable, fee) = PricingEngine.Travel(sheet, miles);
            var reply = fee == 0
                ? $"At {miles:0.#} miles there is no travel fee: the first {sheet.TravelFreeMiles} miles from our station are free."
                : $"At {miles:0.#} miles the travel fee is {Say.Money(fee)}: {billable} miles beyond the free {sheet.TravelFreeMiles}, at {Say.Money(sheet.TravelCentsPerMile)} a mile.";
            return new AgentAnswer(reply, "travel_fee_by_miles")
            {
                Facts = [Say.Money(fee), Say.Money(sheet.TravelCentsPerMile)],
                Suggestions = ["Get a quote", "What's on the menu?"],
            };
        }

        if (zip is null)
        {
            var stations = await db.Stations.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name)
                .Select(s => new { s.Name, s.ServiceRadiusMiles }).ToListAsync(cancellationToken);
            var city = stations.Select(s => new { s.Name, City = Say.StationCity(s.Name), s.ServiceRadiusMiles })
                .FirstOrDefault(s => turn.Text.Contains(s.City, StringComparison.OrdinalIgnoreCase));
            var served = Say.List(stations.Select(s => $"the {Say.StationCity(s.Name)} area (within {s.ServiceRadiusMiles} miles)"));
            var reply = city is not null
                ? $"Yes, we serve {city.City} and the area around it, up to {city.ServiceRadiusMiles} miles from our {city.Name} station. What's the ZIP code of the party? I'll tell you the exact travel fee."
                : $"We serve {served}. Travel is free for the first {sheet.TravelFreeMiles} miles, then {Say.Money(sheet.TravelCentsPerMile)} a mile. What's the ZIP code of the party?";
            return new AgentAnswer(reply, "service_area")
            {
                Memory = turn.Memory with { AskedFor = "zip" },
                Progress = city is not null || turn.Memory.AskedFor != "zip",
                Suggestions = ["30301", "What's on the menu?"],
            };
        }

        var match = await area.MatchAsync(zip, null, cancellationToken);
        if (match is null)
        {
            return new AgentAnswer($"I don't recognise the ZIP code {zip}. Could you check it?", "service_area")
            {
                Memory = turn.Memory with { Zip = null, AskedFor = "zip" },
                Progress = false,
            };
        }

        if (!match.WithinRadius)
        {
            return new AgentAnswer(
                $"{zip} is about {match.DistanceMiles:0} miles from our {match.Station.Name} station, outside its {match.Station.ServiceRadiusMiles}-mile service area, so we can't book it online. " +
                "A person from our team can check whether a chef can make the trip.", "out_of_area")
            {
                Suggestions = ["Talk to a person"],
                Facts = [$"{match.DistanceMiles:0}", $"{match.Station.ServiceRadiusMiles}"],
            };
        }

        var (miles2, fee2) = PricingEngine.Travel(sheet, match.DistanceMiles);
        var answer = fee2 == 0
            ? $"Yes, we come to {zip}: it is {match.DistanceMiles:0.#} miles from our {match.Station.Name} station, inside the {sheet.TravelFreeMiles} free miles, so there is no travel fee."
            : $"Yes, we come to {zip}: it is {match.DistanceMiles:0.#} miles from our {match.Station.Name} station. The travel fee is {Say.Money(fee2)} ({miles2} miles beyond the free {sheet.TravelFreeMiles}, at {Say.Money(sheet.TravelCentsPerMile)} a mile).";
        return new AgentAnswer(answer, "travel_fee_by_zip")
        {
            Memory = turn.Memory with { Zip = zip },
            Facts = [Say.Money(fee2), $"{match.DistanceMiles:0.#}"],
            Suggestions = ["Get a quote", "Check a date"],
        };
    }
}
