namespace MyHibachi.Api.Infrastructure;

public static class Text
{
    /// <summary>Optional text as it is kept: trimmed, and null when blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
