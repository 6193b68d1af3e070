using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Models;

/// <summary>What a person changes on a booking; staff also change the address, menu and notes.</summary>
public sealed class BookingChangeInput
{
    public SlotPick Pick { get; set; } = new();

    public int? Adults { get; set; }

    public int? Children { get; set; }

    public string? Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? Zip { get; set; }

    public Dictionary<string, int?> Quantities { get; set; } = [];

    public string? DietaryNotes { get; set; }

    public string? SpecialRequests { get; set; }

    /// <summary>The version of the booking the person started from (If-Match).</summary>
    public string? ETag { get; set; }

    /// <summary>The change whose price was shown; a save of anything else is priced again first.</summary>
    public string? PreviewKey { get; set; }
}

/// <summary>
/// Changing a booking in three moves, for customers and staff alike: pick a new time from the
/// month calendar of open times (or keep the current one) and the party, see the new price and the
/// difference, then save. What the person typed stays in the form after every error.
/// </summary>
public abstract class BookingChangePageModel(BookingsClient bookings, CatalogClient catalog, TimeProvider clock) : PageModel
{
    [BindProperty]
    public BookingChangeInput Input { get; set; } = new();

    public BookingDto? Booking { get; private set; }

    public StationDto? Station { get; private set; }

    public SlotCalendarView? Calendar { get; private set; }

    public BookingChangePreviewDto? Preview { get; private set; }

    public MenuDto? Menu { get; private set; }

    /// <summary>Whether the address, menu and notes can be changed here (staff).</summary>
    protected abstract bool ChangesEverything { get; }

    /// <summary>Where to go once saved.</summary>
    protected abstract string SavedPage { get; }

    /// <summary>The booking's current start as the calendar writes it ("yyyy-MM-dd HH:mm").</summary>
    public string? CurrentSlot => Booking is null ? null : $"{Booking.LocalDate:yyyy-MM-dd} {Booking.LocalStartTime}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadBookingAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        StartFromBooking();
        await LoadCalendarAsync(null, cancellationToken);
        return Page();
    }

    /// <summary>The form filled with the booking as it is now.</summary>
    private void StartFromBooking()
    {
        var booking = Booking!;
        Input = new BookingChangeInput
        {
            Pick = new SlotPick { Slot = CurrentSlot },
            Adults = booking.Adults,
            Children = booking.Children,
            Line1 = booking.Address.Line1,
            Line2 = booking.Address.Line2,
            City = booking.Address.City,
            State = booking.Address.State,
            Zip = booking.Address.Zip,
            Quantities = booking.Selections.ToDictionary(s => s.Code, s => (int?)s.Quantity),
            DietaryNotes = booking.DietaryNotes,
            SpecialRequests = booking.SpecialRequests,
            ETag = ETagOfLoad,
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, CancellationToken cancellationToken)
    {
        if (await LoadBookingAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        ModelState.Clear();
        if (action == "keep")
        {
            Input.Pick = new SlotPick { Slot = CurrentSlot };
            await LoadCalendarAsync(null, cancellationToken);
            return Page();
        }

        if (Input.Pick.Apply(action))
        {
            await LoadCalendarAsync(null, cancellationToken);
            return Page();
        }

        var request = ChangeRequest();
        var key = System.Text.Json.JsonSerializer.Serialize(request);
        if (action == "save" && Input.PreviewKey != key)
        {
            // Something was changed after the price was shown: show the price of what would be saved.
            ModelState.AddModelError(string.Empty, "You changed something after seeing the price. Here is the price of the change as it is now; save it if it is right.");
            action = "preview";
        }

        if (action == "save")
        {
            var saved = await bookings.UpdateAsync(id, request, Input.ETag ?? "", cancellationToken);
            if (saved.Succeeded)
            {
                TempData["Flash"] = $"Booking {saved.Value!.Reference} is changed: {PageHelpers.Date(saved.Value.LocalDate)} at {PageHelpers.Time(saved.Value.LocalStartTime, saved.Value.TimeZone)}, {PageHelpers.Money(saved.Value.Pricing.TotalCents)}.";
                return Redirect(SavedPage);
            }

            if (saved.Status == System.Net.HttpStatusCode.PreconditionFailed)
            {
                // Someone else changed it meanwhile: start again from the booking as it is now, never over their change.
                StartFromBooking();
                ModelState.AddModelError(string.Empty, "Someone changed this booking while you were editing it. Here it is as it is now: make your change again.");
            }
            else
            {
                Explain(saved.Problem);
            }
        }
        else
        {
            var preview = await bookings.PreviewChangeAsync(id, request, cancellationToken);
            Preview = preview.Value;
            Input.PreviewKey = preview.Succeeded ? key : null;
            Explain(preview.Problem);
        }

        await LoadCalendarAsync(ModelState.TryGetValue("Input.Pick.Slot", out var slotErrors) && slotErrors.Errors.Count > 0
            ? string.Join(" ", slotErrors.Errors.Select(e => e.ErrorMessage)) : null, cancellationToken);
        return Page();
    }

    private string? ETagOfLoad { get; set; }

    private UpdateBookingRequest ChangeRequest()
    {
        // Keeping the current time sends no time, so only the party (and, for staff, the rest) changes.
        var keepsTime = Input.Pick.Slot is null || Input.Pick.Slot == CurrentSlot;
        var date = keepsTime ? null : Input.Pick.SlotDate;
        var time = keepsTime ? null : Input.Pick.SlotTime;
        if (!ChangesEverything || Menu is null)
        {
            // Only what the form showed is sent: without the menu the staff form shows no address, menu or notes.
            return new UpdateBookingRequest(date, time, Input.Adults, Input.Children, null, null, null, null, null);
        }

        // Lines the form does not show (an item since taken off the menu) stay as they are.
        var shown = PartyInput.Extras(Menu).Select(i => i.Code).ToHashSet();
        var selections = Booking!.Selections.Where(s => !shown.Contains(s.Code))
            .Concat(Input.Quantities.Where(q => shown.Contains(q.Key) && q.Value is > 0).Select(q => new SelectionDto(q.Key, q.Value!.Value)))
            .ToList();
        var unchanged = selections.OrderBy(s => s.Code).SequenceEqual(Booking.Selections.OrderBy(s => s.Code));
        return new UpdateBookingRequest(date, time, Input.Adults, Input.Children,
            new AddressDto(Input.Line1, Input.Line2, Input.City, Input.State, Input.Zip), unchanged ? null : selections,
            Input.DietaryNotes ?? "", Input.SpecialRequests ?? "", null);
    }

    private void Explain(ApiProblem? problem)
    {
        if (problem is null)
        {
            return;
        }

        ModelState.AddApiProblem(problem is { Errors: { } errors }
            ? problem with
            {
                Errors = errors.GroupBy(e => e.Key switch
                {
                    "eventDate" or "startTime" => "pick.slot",
                    _ when e.Key.StartsWith("address.", StringComparison.Ordinal) => e.Key["address.".Length..],
                    _ when e.Key.StartsWith("selections", StringComparison.Ordinal) => "quantities",
                    _ => e.Key,
                }).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray()),
            }
            : problem);
    }

    private async Task<IActionResult?> LoadBookingAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await bookings.GetAsync(id, cancellationToken);
        if (result.Value is null)
        {
            return result.Status == System.Net.HttpStatusCode.Forbidden ? Forbid() : NotFound();
        }

        Booking = result.Value;
        ETagOfLoad = result.ETag;
        Station = (await catalog.StationAsync(Booking.StationId, cancellationToken)).Value;
        Menu = ChangesEverything ? (await catalog.MenuAsync(cancellationToken)).Value : null;
        return null;
    }

    private async Task LoadCalendarAsync(string? error, CancellationToken cancellationToken)
    {
        if (Station is null || Booking is null)
        {
            return;
        }

        var earliest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(Station.MinimumNoticeHours));
        var guests = (Input.Adults ?? Booking.Adults) + (Input.Children ?? Booking.Children);
        var id = Booking.Id;
        Calendar = await SlotCalendarView.LoadAsync(query => bookings.SlotsAsync(id, query, cancellationToken), Station, "Input.Pick", Input.Pick, guests, earliest, error)
            is { } calendar ? calendar with { ShowChefCounts = Booking.ChefId is null } : null;
    }

    public static string Signed(long cents) => cents switch
    {
        > 0 => "+" + PageHelpers.Money(cents),
        < 0 => "−" + PageHelpers.Money(-cents),
        _ => PageHelpers.Money(0),
    };

    public static string Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
