using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin;

public sealed class AuditModel(AdminClient api) : PageModel
{
    private static readonly HashSet<string> Noise = ["updatedAt", "createdAt"];

    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    public string? Action { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public PagedList<AuditEntryDto>? Result { get; private set; }

    public async Task OnGetAsync(string? entityType, string? entityId, string? action, int? p, CancellationToken cancellationToken)
    {
        (EntityType, EntityId, Action, PageNumber) = (entityType, entityId, action, Math.Max(1, p ?? 1));
        var result = await api.AuditAsync(new AuditQuery(PageNumber, 30, EntityType: entityType, EntityId: entityId, Action: action), cancellationToken);
        Result = result.Value;
        ModelState.AddApiProblem(result.Problem);
    }

    /// <summary>The fields whose value differs between before and after, as text.</summary>
    public static IReadOnlyList<(string Field, string Before, string After)> Changes(AuditEntryDto entry)
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

            var old = before.TryGetProperty(property.Name, out var value) ? value.ToString() : "";
            var now = property.Value.ToString();
            if (old != now)
            {
                changes.Add((property.Name, Short(old), Short(now)));
            }
        }

        return changes;

        static string Short(string text) => string.IsNullOrEmpty(text) ? "(empty)" : text.Length > 80 ? text[..80] + "…" : text;
    }
}
