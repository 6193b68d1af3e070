using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Features.Geography;
using MyHibachi.Api.Features.Leads;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Features.Quotes;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Data.Seeding;

/// <summary>
/// A realistic small business for Development: two stations, their chefs and weekly hours,
/// customers, past and upcoming bookings, quotes and leads. Bookings go through the real booking
/// service, so every hold, price and event is what the product itself would have made.
/// </summary>
public sealed class DemoBusiness(
    HibachiDbContext db, ZipCentroids zips, BookingPlacement placement, PaymentService payments, QuoteService quotes, LeadCapture leads,
    PriceSheetProvider prices, TimeProvider clock, ILogger<DemoBusiness> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Stations.AnyAsync(cancellationToken))
        {
            return;
        }

        var atlanta = Station("atl", "MyHibachi Atlanta", "America/New_York", "30303", 120);
        atlanta.Phone = "(404) 555-0100";
        atlanta.Email = "atlanta@myhibachi.local";
        var houston = Station("hou", "MyHibachi Houston", "America/Chicago", "77002", 100);
        houston.Phone = "(713) 555-0100";
        houston.Email = "houston@myhibachi.local";
        db.Stations.AddRange(atlanta, houston);

        var chefs = new[]
        {
            Chef(atlanta, "Kenji", "Tanaka", "kenji.tanaka@myhibachi.local", "Twenty years on the teppan; famous onion volcano.", weekends: false),
            Chef(atlanta, "Maria", "Lopez", "maria.lopez@myhibachi.local", "Knife tricks and kid-friendly shows.", weekends: false),
            Chef(atlanta, "Darnell", "Brooks", "darnell.brooks@myhibachi.local", "Weekend specialist, big parties.", weekends: true),
            Chef(atlanta, "Yuki", "Sato", "yuki.sato@myhibachi.local", "Seafood and vegan menus.", weekends: false),
            Chef(houston, "Carlos", "Reyes", "carlos.reyes@myhibachi.local", "Houston's crowd favourite.", weekends: false),
            Chef(houston, "Hana", "Kim", "hana.kim@myhibachi.local", "Allergy-aware cooking, gluten-free sauces.", weekends: false),
            Chef(houston, "Ben", "Walker", "ben.walker@myhibachi.local", "Backyard showman.", weekends: true),
        };
        db.Chefs.AddRange(chefs);
        await db.SaveChangesAsync(cancellationToken);

        var people = new (string First, string Last, string Email, string Phone, string Zip, string City, string State, Station Station)[]
        {
            ("Olivia", "Bennett", "olivia.bennett@example.com", "(404) 555-0142", "30305", "Atlanta", "GA", atlanta),
            ("James", "Carter", "james.carter@example.com", "(770) 555-0188", "30062", "Marietta", "GA", atlanta),
            ("Sofia", "Nguyen", "sofia.nguyen@example.com", "(678) 555-0107", "30097", "Duluth", "GA", atlanta),
            ("Ethan", "Park", "ethan.park@example.com", "(404) 555-0166", "30308", "Atlanta", "GA", atlanta),
            ("Ava", "Robinson", "ava.robinson@example.com", "(706) 555-0123", "30601", "Athens", "GA", atlanta),
            ("Liam", "Garcia", "liam.garcia@example.com", "(713) 555-0191", "77005", "Houston", "TX", houston),
            ("Mia", "Thompson", "mia.thompson@example.com", "(281) 555-0110", "77479", "Sugar Land", "TX", houston),
            ("Noah", "Martinez", "noah.martinez@example.com", "(832) 555-0175", "77024", "Houston", "TX", houston),
        };

        var now = clock.Now();
        var sheet = await prices.CurrentAsync(cancellationToken);
        var day = 3;
        foreach (var (person, index) in people.Select((p, i) => (p, i)))
        {
            var zone = AvailabilityService.Zone(person.Station);
            var today = AvailabilityEngine.LocalDate(now, zone);
            if (today.AddDays(day).DayOfWeek == DayOfWeek.Monday)
            {
                day++; // the demo chefs rest on Mondays
            }

            var selections = index % 3 == 0 ? new List<SelectionDto> { new("filet_mignon", 4), new("gyoza", 2) }
                : index % 3 == 1 ? [new("lobster_tail", 2), new("yakisoba_noodles", 6)]
                : [new("edamame", 1)];
            var request = new CreateBookingRequest(
                person.Station.Id, null, new ContactRequest(person.First, person.Last, person.Email, person.Phone),
                today.AddDays(day), index % 2 == 0 ? "18:00" : "17:30", 8 + index * 2, index % 3, new AddressDto($"{120 + index * 7} Peachtree Ln", null, person.City, person.State, person.Zip),
                selections, index == 2 ? "One guest has a shellfish allergy." : null, index == 0 ? "Birthday: please sing!" : null,
                index % 4 == 0 ? Contracts.LeadSource.Phone : Contracts.LeadSource.Web, null, true);
            var placed = await placement.CreateAsync(request, null, cancellationToken);
            if (!placed.Succeeded)
            {
                logger.LogWarning("Demo booking for {Email} was not placed: {Problem}", person.Email, placed.Failure.Detail ?? placed.Failure.Title);
            }
            else if (index % 2 == 0)
            {
                // Half the upcoming parties paid their deposit by Zelle (recorded like staff do), which confirms them.
                var booking = placed.Value.Booking;
                await payments.RecordManualPaymentAsync(booking.Id, new ManualPaymentRequest(booking.Breakdown.DepositCents, Contracts.PaymentMethod.Zelle,
                    Contracts.PaymentPurpose.Deposit, $"ZL-{4100 + index}", "Demo deposit"), cancellationToken);
            }

            day += 2;

            // Each customer also had a party a few months ago.
            await PastBookingAsync(person.Station, chefs.First(c => c.StationId == person.Station.Id), person, sheet, now.AddDays(-30 - index * 11), DemoReviews[index % DemoReviews.Length], cancellationToken);
        }

        await quotes.CalculateAsync(new QuoteRequest(null, "30004", 12, 2, null, [new SelectionDto("scallops", 6)],
            new QuoteContact("Grace Lee", "grace.lee@example.com", "(404) 555-0133"), Contracts.LeadSource.Web), cancellationToken);
        await leads.CaptureAsync(new LeadAttempt(houston.Id, LeadSource.Instagram, LeadReason.NoAvailability, "Zoe Adams", "zoe.adams@example.com",
            "(713) 555-0150", new Dictionary<string, string> { ["eventDate"] = "next Saturday", ["guests"] = "25" }), cancellationToken, always: true);
        await leads.CaptureAsync(new LeadAttempt(atlanta.Id, LeadSource.Web, LeadReason.OutOfServiceArea, "Henry Wilson", "henry.wilson@example.com",
            null, new Dictionary<string, string> { ["zip"] = "32801" }), cancellationToken, always: true);
        await leads.CaptureAsync(new LeadAttempt(null, LeadSource.Facebook, LeadReason.Inquiry, "Chloe Davis", null, "(470) 555-0199",
            new Dictionary<string, string> { ["message"] = "Do you do corporate lunches for 40?" }), cancellationToken, always: true);
        await DemoAccountsAsync(atlanta, chefs[0], cancellationToken);
        logger.LogInformation("Seeded the demo business: 2 stations, {Chefs} chefs, {Customers} customers, one account per role.", chefs.Length, people.Length);
    }

    /// <summary>One account per role, all with <see cref="IdentitySeed.DemoPassword"/> (Development only).</summary>
    private async Task DemoAccountsAsync(Station atlanta, Chef kenji, CancellationToken cancellationToken)
    {
        var password = IdentitySeed.DemoPassword;
        await IdentitySeed.EnsureUserAsync(db, clock.Now(), "superadmin@myhibachi.local", "Sam Super", password, [Roles.SuperAdmin], null, null, null, cancellationToken);
        await IdentitySeed.EnsureUserAsync(db, clock.Now(), "admin@myhibachi.local", "Alex Admin", password, [Roles.Admin], null, null, null, cancellationToken);
        await IdentitySeed.EnsureUserAsync(db, clock.Now(), "support@myhibachi.local", "Sasha Support", password, [Roles.CustomerSupport], null, null, null, cancellationToken);
        await IdentitySeed.EnsureUserAsync(db, clock.Now(), "manager.atl@myhibachi.local", "Morgan Manager", password, [Roles.StationManager], atlanta.Id, null, null, cancellationToken);
        await IdentitySeed.EnsureUserAsync(db, clock.Now(), "chef.kenji@myhibachi.local", kenji.FullName, password, [Roles.Chef], atlanta.Id, kenji.Id, null, cancellationToken);
        var olivia = await db.Customers.FirstAsync(c => c.Email == "olivia.bennett@example.com", cancellationToken);
        await IdentitySeed.EnsureUserAsync(db, clock.Now(), olivia.Email, olivia.FullName, password, [Roles.Customer], null, null, olivia.Id, cancellationToken);
    }

    private async Task PastBookingAsync(
        Station station, Chef chef, (string First, string Last, string Email, string Phone, string Zip, string City, string State, Station Station) person,
        PriceSheet sheet, DateTimeOffset when, (int Rating, string Title, string Body) words, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Email == person.Email, cancellationToken);
        if (customer is null)
        {
            customer = new Customer { StationId = station.Id, FirstName = person.First, LastName = person.Last, Email = person.Email, Phone = person.Phone };
            db.Customers.Add(customer);
        }

        zips.TryFind(person.Zip, out var point);
        var miles = GreatCircle.Miles(new GeoPoint(station.BaseLatitude, station.BaseLongitude), point);
        var breakdown = PricingEngine.Calculate(sheet, new PricingRequest(10, 0, [], miles)).Breakdown!;
        var zone = AvailabilityService.Zone(station);
        var start = AvailabilityEngine.ToInstant(AvailabilityEngine.LocalDate(when, zone), new TimeOnly(18, 0), zone)!.Value;
        var past = new Booking
        {
            Reference = BookingRules.NewReference(),
            StationId = station.Id,
            CustomerId = customer.Id,
            ChefId = chef.Id,
            ChefBusyFrom = start.AddMinutes(-chef.BufferBeforeMinutes),
            ChefBusyTo = start.AddMinutes(120 + chef.BufferAfterMinutes),
            Status = BookingStatus.Completed,
            StartsAt = start,
            DurationMinutes = 120,
            EndsAt = start.AddMinutes(120),
            Adults = 10,
            ContactName = customer.FullName,
            ContactEmail = customer.Email,
            ContactPhone = customer.Phone,
            AddressLine1 = "8 Magnolia Ct",
            City = person.City,
            State = person.State,
            Zip = person.Zip,
            PriceSheet = sheet,
            Breakdown = breakdown,
            ConfirmedAt = start.AddDays(-10),
            CompletedAt = start.AddHours(2),
        };
        db.Bookings.Add(past);
        // Paid in full: the deposit by Zelle ahead, the rest in cash on the night.
        db.Ledger.Add(new LedgerEntry
        {
            BookingId = past.Id, Kind = LedgerEntryKind.Payment, Purpose = PaymentPurpose.Deposit, AmountCents = breakdown.DepositCents,
            Method = PaymentMethod.Zelle, Source = "manual", RecordedByName = "demo", OccurredAt = start.AddDays(-12),
        });
        db.Ledger.Add(new LedgerEntry
        {
            BookingId = past.Id, Kind = LedgerEntryKind.Payment, Purpose = PaymentPurpose.Balance, AmountCents = breakdown.TotalCents - breakdown.DepositCents,
            Method = PaymentMethod.Cash, Source = "manual", RecordedByName = "demo", OccurredAt = start.AddHours(2),
        });
        // Most past parties were reviewed (Olivia's is left for the demo's customer to review).
        if (person.Email != "olivia.bennett@example.com")
        {
            db.Reviews.Add(new Review
            {
                BookingId = past.Id, CustomerId = customer.Id, StationId = station.Id, ChefId = chef.Id, Rating = words.Rating, Title = words.Title, Body = words.Body,
                AuthorName = Features.Reviews.ReviewRules.AuthorName(customer.FirstName, customer.LastName), EventDate = DateOnly.FromDateTime(start.UtcDateTime),
                Status = ReviewStatus.Published, PublishedAt = start.AddDays(2), ModeratedByName = "demo", ModeratedAt = start.AddDays(2),
                CreatedAt = start.AddDays(1), UpdatedAt = start.AddDays(2),
            });
            past.ReviewRequestedAt = start.AddDays(1);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly (int Rating, string Title, string Body)[] DemoReviews =
    [
        (5, "The kids still talk about it", "Our chef had twelve kids laughing for two hours and the fried rice heart was a hit. Set-up and clean-up were quick."),
        (5, "Better than the restaurant", "Steak cooked exactly how each guest asked, and the onion volcano got a standing ovation from the grandparents."),
        (4, "Great food, arrived a bit late", "Traffic made the chef 15 minutes late, but he called ahead and the food and the show made up for it."),
        (5, "Perfect anniversary dinner", "Shrimp, scallops and filet for ten of us in the backyard. Friendly, funny and spotless afterwards."),
        (4, "Lovely evening", "Everything was delicious; we would have liked a little more of the yum yum sauce. Booking again in the spring."),
    ];

    private Station Station(string code, string name, string timeZone, string zip, int radius)
    {
        zips.TryFind(zip, out var point);
        return new Station
        {
            Code = code, Name = name, TimeZone = timeZone, BaseZip = zip, BaseLatitude = point.Latitude, BaseLongitude = point.Longitude,
            ServiceRadiusMiles = radius,
        };
    }

    private static Chef Chef(Station station, string first, string last, string email, string bio, bool weekends)
    {
        var chef = new Chef { StationId = station.Id, FirstName = first, LastName = last, Email = email, Bio = bio, Phone = "(404) 555-0100" };
        var days = weekends
            ? new[] { DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }
            : [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        chef.WorkingHours.AddRange(days.Select(d => new ChefWorkingHours { ChefId = chef.Id, DayOfWeek = d, StartTime = new TimeOnly(11, 0), EndTime = new TimeOnly(22, 0) }));
        return chef;
    }
}
