using System.Globalization;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Features.Payments;

namespace MyHibachi.Api.Features.Assistant.Knowledge;

/// <summary>
/// The starting knowledge base: the business's policies and answers to common questions. Staff edit
/// them on the knowledge page; seeding only adds articles whose titles are missing.
/// </summary>
public sealed class KnowledgeSeed(KnowledgeBase knowledge, IOptions<PaymentOptions> payments)
{
    public Task SeedAsync(CancellationToken cancellationToken) => knowledge.SeedAsync(Articles(payments.Value), cancellationToken);

    public static IEnumerable<(string Title, string Body, string[] Tags)> Articles(PaymentOptions payments)
    {
        yield return ("Cancellation and refund policy", CancellationPolicy(payments.Tiers) +
            " The deposit holds your date and chef. Rescheduling to another open date is free and keeps what you paid. " +
            "If we ever have to cancel, you get everything back.", ["policy", "cancel", "refund"]);
        yield return ("What you need to provide", "You provide tables and chairs for your guests, plates, cutlery, glasses and drinks. " +
            "The chef brings the hibachi grill, propane, cooking utensils, the food, sauces and the show. " +
            "Set the guests' tables in a U around the grill so everyone can watch.", ["setup", "equipment"]);
        yield return ("Space and setup", "The grill needs a flat, level spot of about 8 by 8 feet outdoors, with open sky above " +
            "(a patio, deck, driveway or backyard). The chef arrives about 30 minutes early to set up and needs no power outlet.", ["setup", "space"]);
        yield return ("Indoor cooking", "For safety the grill runs on propane and is used outdoors only: not in a kitchen, living room or garage. " +
            "A covered patio that is open on at least two sides is fine.", ["setup", "indoor"]);
        yield return ("Rain and bad weather", "We cook in light rain under a canopy or covered patio open on the sides. " +
            "If the weather makes cooking unsafe (storms, lightning, high wind) we move your party to another date at no charge.", ["weather", "rain"]);
        yield return ("How long the party lasts", "The cooking show and meal take about 90 minutes for up to 15 guests, and two hours for larger parties. " +
            "Add about 30 minutes before for setup and 20 minutes after for packing up.", ["duration", "time"]);
        yield return ("Cleanup", "The chef cleans the grill area and takes away the cooking equipment, leftover raw food and packaging. " +
            "Your plates, cutlery and tables are yours to clear.", ["cleanup"]);
        yield return ("Insurance and safety", "Our chefs are trained in food safety and fire safety, and the business carries general liability insurance. " +
            "We can send a certificate of insurance to a venue or homeowners' association on request.", ["insurance", "safety"]);
        yield return ("Children at the party", "Children are welcome. Children 12 and under are priced as children. " +
            "Please keep small children a few feet back from the hot grill during the show.", ["kids", "children"]);
        yield return ("Alcohol and drinks", "We do not sell or serve alcohol. You are welcome to serve your own drinks to your guests.", ["drinks", "alcohol"]);
        yield return ("How far ahead to book", "Book as early as you can: weekend evenings fill two to four weeks ahead in spring and summer. " +
            "We take bookings up to 18 months ahead, and at least 48 hours before the event.", ["booking", "notice"]);
        yield return ("What hibachi catering is", "A hibachi chef comes to your home with a teppanyaki-style grill and cooks fried rice, vegetables and " +
            "your choice of proteins in front of your guests, with the tricks and jokes of a hibachi restaurant show.", ["about", "hibachi"]);
        yield return ("Tipping the chef", "Gratuity is not included. Tipping is up to you; 20% of the food total is customary, " +
            "paid to the chef in cash or with the balance.", ["gratuity", "tip"]);
        yield return ("Pets", "Pets are welcome at the party, but please keep them away from the grill and the chef's work area for their safety.", ["pets"]);
        yield return ("Apartments and balconies", "We cannot cook on apartment balconies or rooftops where open-flame grills are not allowed. " +
            "Many apartment complexes have a pool deck or grilling area we can use with the property's permission.", ["setup", "apartment"]);
        yield return ("Paying the deposit and balance", "A deposit holds your date; pay it by card on the pay link we send, or by Zelle, Venmo, cash or check. " +
            "The balance is charged to the saved card a few days before the event, or paid to the chef on the day.", ["payment", "deposit"]);
    }

    public static string CancellationPolicy(IReadOnlyList<RefundTier> tiers)
    {
        var parts = tiers.OrderByDescending(t => t.MinHoursBefore).Select(t => t.MinHoursBefore == 0
            ? $"less than that, {t.RefundPercent}% back"
            : $"{Notice(t.MinHoursBefore)} or more before the event, {t.RefundPercent}% of what you paid back");
        return "Cancellations: " + string.Join("; ", parts) + ".";
    }

    private static string Notice(int hours) => hours % 24 == 0
        ? (hours / 24).ToString(CultureInfo.InvariantCulture) + (hours == 24 ? " day" : " days")
        : hours.ToString(CultureInfo.InvariantCulture) + " hours";
}
