using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Features.Geography;
using MyHibachi.Api.Features.Leads;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Quotes;

public sealed class QuoteService(
    HibachiDbContext db, PriceSheetProvider prices, ServiceArea serviceArea, ITravelDistance distance, LeadCapture leads, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public QuoteDto ToDto(Quote q, string stationName) => new(
        q.Id, q.StationId, stationName, q.Zip, q.Adults, q.Children, q.EventDate, q.Selections.ToDtos(), q.Breakdown.ToDto(), distance.Method,
        q.ExpiresAt, q.BookingId, q.CreatedAt);

    public async Task<QuoteDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (quote is null)
        {
            return null;
        }

        var station = await db.Stations.AsNoTracking().Where(s => s.Id == quote.StationId).Select(s => s.Name).FirstAsync(cancellationToken);
        return ToDto(quote, station);
    }

    /// <summary>Prices a party from the current price list and keeps the quote (with those prices) for 14 days.</summary>
    public async Task<Result<QuoteDto>> CalculateAsync(QuoteRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Adults is null)
        {
            errors.Add("adults", "How many adults?");
        }

        var selections = BookingInput.Selections(request.Selections, errors);
        var source = errors.Member("source", request.Source, EnumMappings.ToEntity) ?? LeadSource.Web;
        if (request.Contact is { } contact)
        {
            errors.MaxLength("contact.name", contact.Name, 200);
            errors.Email("contact.email", contact.Email, required: false);
            errors.Phone("contact.phone", contact.Phone);
        }

        StationMatch? match = null;
        if (ZipCentroids.Normalize(request.Zip) is null)
        {
            errors.Add("zip", "Enter a 5-digit ZIP code.");
        }
        else
        {
            match = await serviceArea.MatchAsync(request.Zip, request.StationId, cancellationToken);
            if (match is null)
            {
                errors.Add("zip", request.StationId is null ? "We don't recognise this ZIP code." : "Unknown ZIP code or station.");
            }
            else if (!match.WithinRadius)
            {
                errors.Add("zip", $"This ZIP code is {match.DistanceMiles:0} miles from {match.Station.Name}, outside its {match.Station.ServiceRadiusMiles}-mile service area.");
            }
        }

        if (request.EventDate is { } date && match is not null)
        {
            var today = AvailabilityEngine.LocalDate(clock.Now(), AvailabilityService.Zone(match.Station));
            if (date < today)
            {
                errors.Add("eventDate", "That date is in the past.");
            }
            else if (date > today.AddDays(AvailabilityService.MaxDaysAhead))
            {
                errors.Add("eventDate", "We take bookings up to 18 months ahead.");
            }
        }

        PriceSheet? sheet = null;
        PricingOutcome? pricing = null;
        if (match is { WithinRadius: true } && request.Adults is not null && !errors.Has("selections"))
        {
            sheet = await prices.CurrentAsync(cancellationToken);
            pricing = PricingEngine.Calculate(sheet, new PricingRequest(request.Adults.Value, request.Children ?? 0, selections, match.DistanceMiles));
            foreach (var (field, messages) in pricing.Errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }
        }

        if (errors.Any)
        {
            if (request.Contact is { } who)
            {
                var reason = match is { WithinRadius: false } ? LeadReason.OutOfServiceArea : LeadReason.ValidationFailed;
                var details = new Dictionary<string, string> { ["zip"] = request.Zip ?? "", ["errors"] = string.Join(" | ", errors.Messages) };
                if (request.Adults is { } adults)
                {
                    details["guests"] = (adults + (request.Children ?? 0)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await leads.CaptureAsync(new LeadAttempt(match?.Station.Id, source, reason, who.Name, who.Email, who.Phone, details), cancellationToken);
            }

            return Failure.Invalid(errors);
        }

        var now = clock.Now();
        var quote = new Quote
        {
            StationId = match!.Station.Id,
            Zip = ZipCentroids.Normalize(request.Zip)!,
            Adults = request.Adults!.Value,
            Children = request.Children ?? 0,
            EventDate = request.EventDate,
            Selections = [.. selections],
            PriceSheet = sheet!,
            Breakdown = pricing!.Breakdown!,
            ContactName = Text.Clean(request.Contact?.Name),
            ContactEmail = Text.Clean(request.Contact?.Email)?.ToLowerInvariant(),
            ContactPhone = Text.Clean(request.Contact?.Phone),
            Source = source,
            ExpiresAt = now + Lifetime,
        };
        db.Quotes.Add(quote);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(quote, match.Station.Name);
    }

    /// <summary>
    /// Quotes that left contact details but were not booked within <paramref name="after"/> become
    /// leads (reason AbandonedQuote), once each.
    /// </summary>
    public async Task<int> FollowUpAbandonedAsync(TimeSpan after, CancellationToken cancellationToken)
    {
        var cutoff = clock.Now() - after;
        var quotes = await db.Quotes
            .Where(q => q.BookingId == null && q.FollowedUpAt == null && q.CreatedAt < cutoff && (q.ContactEmail != null || q.ContactPhone != null))
            .OrderBy(q => q.CreatedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var quote in quotes)
        {
            var details = new Dictionary<string, string>
            {
                ["zip"] = quote.Zip,
                ["guests"] = (quote.Adults + quote.Children).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["quoteTotal"] = PricingEngine.Money(quote.Breakdown.TotalCents),
            };
            if (quote.EventDate is { } date)
            {
                details["eventDate"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }

            await leads.CaptureAsync(new LeadAttempt(quote.StationId, quote.Source, LeadReason.AbandonedQuote, quote.ContactName,
                quote.ContactEmail, quote.ContactPhone, details, quote.Id), cancellationToken);
            quote.FollowedUpAt = clock.Now();
            await db.SaveChangesAsync(cancellationToken);
        }

        return quotes.Count;
    }
}
