using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;
using MyHibachi.Web.Models;

namespace MyHibachi.Web.Pages.Book;

/// <summary>
/// The booking wizard: the party (priced as a quote), a time a chef is really free, address and
/// contact (a second quote, now with contact details and date, so an abandoned checkout becomes a
/// lead), then the review and the booking itself (the quote converted at its own prices).
/// </summary>
public sealed class IndexModel(CatalogClient catalog, BookingsClient bookings, PaymentsClient payments, TimeProvider clock) : PageModel
{
    [BindProperty]
    public BookingWizard Wizard { get; set; } = new();

    public MenuDto? Menu { get; private set; }

    public QuoteDto? Quote { get; private set; }

    /// <summary>Set when the party cannot be booked online (outside the area, too many guests), with the way forward.</summary>
    public OnlineLimits? Limits { get; private set; }

    /// <summary>The month of open times (time step).</summary>
    public SlotCalendarView? Calendar { get; private set; }

    /// <summary>The deposit hold, balance and cancellation terms (review step).</summary>
    public BookingTermsDto? Terms { get; private set; }

    public StationDto? Station { get; private set; }

    public async Task OnGetAsync(Guid? quote, CancellationToken cancellationToken)
    {
        Menu = (await catalog.MenuAsync(cancellationToken)).Value;
        PrefillContact();
        if (quote is { } id && await catalog.QuoteAsync(id, cancellationToken) is { Succeeded: true, Value: { } existing })
        {
            Wizard.Party = new PartyInput
            {
                Zip = existing.Zip,
                Adults = existing.Adults,
                Children = existing.Children,
                Quantities = existing.Selections.ToDictionary(s => s.Code, s => (int?)s.Quantity),
            };
            Quote = existing;
            Wizard.QuoteId = existing.Id;
            Wizard.StationId = existing.StationId;
            Wizard.Step = BookingWizard.TimeStep;
            await LoadSlotsAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(string action, CancellationToken cancellationToken)
    {
        Menu = (await catalog.MenuAsync(cancellationToken)).Value;
        ModelState.Clear();
        switch (action)
        {
            case "party":
                await PriceAsync(null, cancellationToken);
                if (ModelState.IsValid)
                {
                    Wizard.Step = BookingWizard.TimeStep;
                    await LoadSlotsAsync(cancellationToken);
                }
                else
                {
                    Limits = await OnlineLimits.CheckAsync(catalog, Wizard.Party, Menu, ModelState.ContainsKey("Wizard.Party.Zip"), cancellationToken);
                }

                break;
            case not null when Wizard.Pick.Apply(action):
                await ReloadQuoteAsync(cancellationToken);
                await LoadSlotsAsync(cancellationToken);
                break;
            case "time":
                await ReloadQuoteAsync(cancellationToken);
                if (Wizard.SlotDate is null || Wizard.SlotTime is null)
                {
                    await LoadSlotsAsync(cancellationToken, "Choose one of the open times: pick a day in the calendar, then a time.");
                }
                else
                {
                    Wizard.Step = BookingWizard.DetailsStep;
                    await LoadStationAsync(cancellationToken);
                }

                break;
            case "details":
                CheckDetails();
                if (ModelState.IsValid)
                {
                    var name = $"{Wizard.Details.FirstName} {Wizard.Details.LastName}".Trim();
                    await PriceAsync(new QuoteContact(name, Wizard.Details.Email, Wizard.Details.Phone), cancellationToken);
                    Wizard.Step = ModelState.IsValid ? BookingWizard.ReviewStep : BookingWizard.DetailsStep;
                }

                await LoadStationAsync(cancellationToken);
                Terms = Wizard.Step == BookingWizard.ReviewStep ? (await payments.TermsAsync(cancellationToken)).Value : null;

                if (Wizard.Step != BookingWizard.ReviewStep)
                {
                    await ReloadQuoteAsync(cancellationToken);
                }

                break;
            case "confirm":
                return await ConfirmAsync(cancellationToken);
            default:
                if (action?.StartsWith("back-", StringComparison.Ordinal) == true && int.TryParse(action[5..], out var step) && step is >= 1 and <= 3)
                {
                    Wizard.Step = step;
                    await ReloadQuoteAsync(cancellationToken);
                    if (step == BookingWizard.TimeStep)
                    {
                        await LoadSlotsAsync(cancellationToken);
                    }
                    else
                    {
                        await LoadStationAsync(cancellationToken);
                    }
                }

                break;
        }

        return Page();
    }

    private async Task<IActionResult> ConfirmAsync(CancellationToken cancellationToken)
    {
        await ReloadQuoteAsync(cancellationToken);
        if (Wizard.QuoteId is not { } quoteId || Wizard.SlotDate is not { } date || Wizard.SlotTime is not { } time)
        {
            Wizard.Step = BookingWizard.PartyStep;
            ModelState.AddModelError(string.Empty, "Let's start from your party again.");
            return Page();
        }

        var request = new ConvertQuoteRequest(date, time, null, Wizard.Details.Contact(), Wizard.Details.Address(Wizard.Party.Zip),
            Wizard.Details.DietaryNotes, Wizard.Details.SpecialRequests, AdAttribution.Read(HttpContext));
        var result = await bookings.ConvertQuoteAsync(quoteId, request, cancellationToken);
        if (result.Succeeded)
        {
            return Done(result.Value!);
        }

        if (result.FailedWith(ProblemCodes.QuoteAlreadyBooked))
        {
            TempData["Flash"] = "This party is already booked; check your e-mail for the confirmation.";
            return RedirectToPage("/Book/Done");
        }

        if (result.Status == System.Net.HttpStatusCode.Conflict)
        {
            // The time was taken meanwhile (no chef free, chef now busy), or the quote expired: choose again.
            ModelState.AddModelError(string.Empty, result.Problem.Message);
            Wizard.Step = result.FailedWith(ProblemCodes.QuoteExpired) ? BookingWizard.PartyStep : BookingWizard.TimeStep;
            if (Wizard.Step == BookingWizard.TimeStep)
            {
                await LoadSlotsAsync(cancellationToken);
            }

            return Page();
        }

        ModelState.AddApiProblem(Remap(result.Problem), "Wizard");
        Wizard.Step = BookingWizard.DetailsStep;
        return Page();
    }

    private IActionResult Done(BookingDto booking)
    {
        TempData["Booking"] = JsonSerializer.Serialize(booking, ApiClient.Json);
        return RedirectToPage("/Book/Done");
    }

    private async Task PriceAsync(QuoteContact? contact, CancellationToken cancellationToken)
    {
        var result = await catalog.CalculateQuoteAsync(Wizard.Party.ToQuote(contact, Wizard.SlotDate), cancellationToken);
        if (result.Succeeded)
        {
            Quote = result.Value;
            Wizard.QuoteId = Quote!.Id;
            Wizard.StationId = Quote.StationId;
        }
        else
        {
            ModelState.AddApiProblem(Remap(result.Problem), "Wizard");
        }
    }

    private async Task ReloadQuoteAsync(CancellationToken cancellationToken)
    {
        if (Wizard.QuoteId is { } id)
        {
            Quote = (await catalog.QuoteAsync(id, cancellationToken)).Value;
        }
    }

    private async Task LoadStationAsync(CancellationToken cancellationToken)
    {
        if (Station is null && Wizard.StationId is { } stationId)
        {
            Station = (await catalog.StationAsync(stationId, cancellationToken)).Value;
        }
    }

    private async Task LoadSlotsAsync(CancellationToken cancellationToken, string? error = null)
    {
        await LoadStationAsync(cancellationToken);
        if (Station is null)
        {
            return;
        }

        var earliest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(Station.MinimumNoticeHours));
        var guests = (Wizard.Party.Adults ?? 1) + (Wizard.Party.Children ?? 0);
        if (error is not null)
        {
            ModelState.AddModelError("Wizard.Pick.Slot", error);
        }

        Calendar = await SlotCalendarView.LoadAsync(catalog, Station, "Wizard.Pick", Wizard.Pick, guests, earliest, error, cancellationToken);
    }

    private void CheckDetails()
    {
        void Required(string? value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                ModelState.AddModelError($"Wizard.Details.{field}", message);
            }
        }

        Required(Wizard.Details.FirstName, nameof(DetailsInput.FirstName), "Enter your first name.");
        Required(Wizard.Details.LastName, nameof(DetailsInput.LastName), "Enter your last name.");
        Required(Wizard.Details.Email, nameof(DetailsInput.Email), "Enter an e-mail address: your confirmation goes there.");
        Required(Wizard.Details.Line1, nameof(DetailsInput.Line1), "Enter the street address where the party is.");
        Required(Wizard.Details.City, nameof(DetailsInput.City), "Enter the city.");
        Required(Wizard.Details.State, nameof(DetailsInput.State), "Enter the state as two letters, for example GA.");
    }

    /// <summary>Maps the Api's field names onto the wizard's.</summary>
    private static ApiProblem? Remap(ApiProblem? problem)
    {
        if (problem?.Errors is null)
        {
            return problem;
        }

        static string Field(string key) => key switch
        {
            _ when key.StartsWith("selections", StringComparison.Ordinal) => "party.selections",
            "zip" or "adults" or "children" => "party." + key,
            "address.zip" => "party.zip",
            "address.line1" => "details.line1",
            "address.line2" => "details.line2",
            "address.city" => "details.city",
            "address.state" => "details.state",
            "eventDate" or "startTime" => "pick.slot",
            _ when key.StartsWith("customer.", StringComparison.Ordinal) => "details." + key["customer.".Length..],
            _ when key.StartsWith("contact.", StringComparison.Ordinal) => "details." + key["contact.".Length..],
            "dietaryNotes" or "specialRequests" => "details." + key,
            _ => key,
        };

        return problem with
        {
            Errors = problem.Errors.GroupBy(e => Field(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray()),
        };
    }

    private void PrefillContact()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var name = User.Identity.Name?.Split(' ', 2) ?? [];
        Wizard.Details.FirstName ??= name.ElementAtOrDefault(0);
        Wizard.Details.LastName ??= name.ElementAtOrDefault(1);
        Wizard.Details.Email ??= User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;
    }
}
