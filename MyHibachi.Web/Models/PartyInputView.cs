using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MyHibachi.Web.Models;

/// <summary>The party fields of a form with their errors, for the shared _PartyFields partial.</summary>
public sealed record PartyInputView(string Prefix, PartyInput Party, ModelStateDictionary ModelState)
{
    public string? Error(string field)
    {
        var messages = ModelState
            .Where(entry => entry.Key.Equals($"{Prefix}.{field}", StringComparison.OrdinalIgnoreCase)
                            || entry.Key.StartsWith($"{Prefix}.{field}[", StringComparison.OrdinalIgnoreCase)
                            || entry.Key.StartsWith($"{Prefix}.{field}.", StringComparison.OrdinalIgnoreCase))
            .SelectMany(entry => entry.Value!.Errors.Select(e => e.ErrorMessage))
            .ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    public bool HasError(string field) => Error(field) is not null;
}
