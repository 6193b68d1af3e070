using MyHibachi.Web.Api;

namespace MyHibachi.Web.Models;

/// <summary>
/// Everything the booking wizard has collected, carried from step to step in the form itself, so
/// the whole path works without JavaScript and without server-side session state.
/// </summary>
public sealed class BookingWizard
{
    public const int PartyStep = 1;
    public const int TimeStep = 2;
    public const int DetailsStep = 3;
    public const int ReviewStep = 4;

    public static readonly string[] StepNames = ["Your party", "Date and time", "Address and contact", "Review and book"];

    public int Step { get; set; } = PartyStep;

    public PartyInput Party { get; set; } = new();

    public Guid? QuoteId { get; set; }

    public Guid? StationId { get; set; }

    /// <summary>The month calendar's state and the chosen start.</summary>
    public SlotPick Pick { get; set; } = new();

    public DetailsInput Details { get; set; } = new();

    public DateOnly? SlotDate => Pick.SlotDate;

    public string? SlotTime => Pick.SlotTime;
}

public sealed class DetailsInput
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? DietaryNotes { get; set; }

    public string? SpecialRequests { get; set; }

    public ContactRequest Contact() => new(FirstName, LastName, Email, Phone);

    public AddressDto Address(string? zip) => new(Line1, Line2, City, State, zip);
}
