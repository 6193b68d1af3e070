using System.Text.Json;

namespace MyHibachi.Api.Features.Inbox.Channels;

/// <summary>Reading providers' payloads without trusting their shape: a missing or differently typed field is null, never an exception.</summary>
public static class ProviderJson
{
    /// <summary>A string field, or a number field as its text (providers send ids either way).</summary>
    public static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>The items of an array field; none when it is missing or not an array.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : [];
}
