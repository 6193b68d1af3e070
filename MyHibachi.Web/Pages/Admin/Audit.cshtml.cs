using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin;

/// <summary>
/// The audit trail as people read it: records by their reference or name, times in the business's
/// zone, field names and values in words, and sign-in bookkeeping kept apart from data changes.
/// </summary>
public sealed class AuditModel(AdminClient api, CatalogClient catalog) : PageModel
{
    private static readonly HashSet<string> Noise = ["updatedAt", "createdAt", "id"];

    /// <summary>Record types people filter by, with their names in words.</summary>
    public static readonly IReadOnlyList<(string Type, string Name)> Types =
    [
        ("Booking", "Booking"), ("Customer", "Customer"), ("Chef", "Chef"), ("Station", "Station"), ("Lead", "Lead"), ("LeadNote", "Lead note"),
        ("ChefTimeOff", "Chef time off"), ("ChefDateOverride", "Chef date change"), ("ChefWorkingHours", "Chef working hours"), ("User", "User account"),
        ("PriceItem", "Price"), ("MenuItem", "Menu item"), ("LedgerEntry", "Payment or refund"), ("KnowledgeArticle", "Knowledge article"),
    ];

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["lastLoginAt"] = "Last sign-in",
        ["failedLoginCount"] = "Failed sign-ins in a row",
        ["lockoutEndsAt"] = "Locked until",
        ["emailConfirmedAt"] = "E-mail confirmed",
        ["isActive"] = "Active",
        ["startsAt"] = "Starts",
        ["endsAt"] = "Ends",
        ["chefBusyFrom"] = "Chef busy from",
        ["chefBusyTo"] = "Chef busy until",
        ["holdExpiresAt"] = "Held until",
        ["deletedAt"] = "Deleted",
        ["deletedBy"] = "Deleted by",
        ["zip"] = "ZIP code",
        ["line1"] = "Street address",
        ["line2"] = "Apartment, gate code",
        ["marketingOptIn"] = "Agreed to marketing",
        ["durationMinutes"] = "Length (minutes)",
    };

    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    public string? Action { get; private set; }

    /// <summary>"data" (default), "sign-in", or "all".</summary>
    public string Show { get; private set; } = "data";

    public int PageNumber { get; private set; } = 1;

    public PagedList<AuditEntryDto>? Result { get; private set; }

    /// <summary>The zone times are shown in: the person's own station's, else the first station's.</summary>
    public string TimeZone { get; private set; } = "UTC";

    private Dictionary<Guid, string> _stationNames = [];

    public async Task OnGetAsync(string? entityType, string? entityId, string? action, string? show, int? p, CancellationToken cancellationToken)
    {
        (EntityType, EntityId, Action, PageNumber) = (entityType, entityId, action, Math.Max(1, p ?? 1));
        Show = show is "sign-in" or "all" ? show : "data";
        var result = await api.AuditAsync(new AuditQuery(PageNumber, 30, EntityType: entityType, EntityId: entityId, Action: action,
            Kind: Show == "all" ? null : Show), cancellationToken);
        Result = result.Value;
        ModelState.AddApiProblem(result.Problem);
        var stations = (await catalog.StationsAsync(cancellationToken, includeInactive: true)).Value ?? [];
        _stationNames = stations.ToDictionary(s => s.Id, s => s.Name);
        TimeZone = (stations.FirstOrDefault(s => s.Id == User.StationId()) ?? stations.FirstOrDefault())?.TimeZone ?? "UTC";
    }

    public string PageLink(int page) =>
        "?" + PageHelpers.Query(("entityType", EntityType), ("entityId", EntityId), ("action", Action), ("show", Show == "data" ? null : Show), ("p", page));

    public static string TypeName(string type) => Types.FirstOrDefault(t => t.Type == type).Name ?? Words(type);

    /// <summary>The audit actions in words, for the filter and for each row.</summary>
    public static readonly IReadOnlyList<(string Action, string Name)> Actions =
        [("create", "Created"), ("update", "Changed"), ("delete", "Deleted"), ("restore", "Restored"), ("purge", "Removed for good")];

    /// <summary>"Changed booking", "Created customer", "Deleted lead".</summary>
    public static string What(AuditEntryDto entry) =>
        (Actions.FirstOrDefault(a => a.Action == entry.Action).Name ?? entry.Action) + " " + TypeName(entry.EntityType).ToLowerInvariant();

    /// <summary>Where the record can be opened, when it has a page.</summary>
    public static string? RecordLink(AuditEntryDto entry) => entry.EntityType switch
    {
        "Booking" => $"/Admin/Bookings/{entry.EntityId}",
        "Customer" => $"/Admin/Customers/Edit/{entry.EntityId}",
        "Lead" => $"/Admin/Leads/{entry.EntityId}",
        "Chef" => $"/Admin/Chefs/Edit/{entry.EntityId}",
        "Station" => $"/Admin/Stations/Edit/{entry.EntityId}",
        "User" => $"/Admin/Users/Edit/{entry.EntityId}",
        _ => null,
    };

    public string When(DateTimeOffset at) => PageHelpers.Local(at, TimeZone);

    /// <summary>The fields whose value differs between before and after, named and shown in words.</summary>
    public IReadOnlyList<(string Field, string Before, string After)> Changes(AuditEntryDto entry)
    {
        if (entry.Before is not { ValueKind: JsonValueKind.Object } before || entry.After is not { ValueKind: JsonValueKind.Object } after)
        {
            return [];
        }

        var changes = new List<(string, string, string)>();
        foreach (var property in after.EnumerateObject())
        {
            if (Noise.Contains(property.Name))
            {
                continue;
            }

            var old = before.TryGetProperty(property.Name, out var value) ? value : default;
            if (old.ValueKind == JsonValueKind.Undefined ? property.Value.ValueKind != JsonValueKind.Null : old.ToString() != property.Value.ToString())
            {
                changes.Add((FieldName(property.Name), Display(property.Name, old), Display(property.Name, property.Value)));
            }
        }

        return changes;
    }

    public static string FieldName(string field) =>
        FieldNames.TryGetValue(field, out var name) ? name
        : field.EndsWith("Cents", StringComparison.Ordinal) ? Words(field[..^5])
        : field.EndsWith("Id", StringComparison.Ordinal) && field.Length > 2 ? Words(field[..^2])
        : field.EndsWith("At", StringComparison.Ordinal) && field.Length > 2 ? Words(field[..^2])
        : Words(field);

    /// <summary>"specialRequests" → "Special requests".</summary>
    public static string Words(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    private string Display(string field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return "(empty)";
            case JsonValueKind.True:
                return "yes";
            case JsonValueKind.False:
                return "no";
            case JsonValueKind.Number when field.EndsWith("Cents", StringComparison.Ordinal) && value.TryGetInt64(out var cents):
                return PageHelpers.Money(cents);
            case JsonValueKind.String when value.TryGetDateTimeOffset(out var at) && value.GetString()!.Contains('T', StringComparison.Ordinal):
                return When(at);
            case JsonValueKind.String when field == "stationId" && Guid.TryParse(value.GetString(), out var station) && _stationNames.TryGetValue(station, out var stationName):
                return stationName;
            case JsonValueKind.Object or JsonValueKind.Array:
                return Short(value.GetRawText());
            default:
                return Short(value.ToString());
        }

        static string Short(string text) => string.IsNullOrEmpty(text) ? "(empty)" : text.Length > 80 ? text[..80] + "…" : text;
    }
}
