namespace MyHibachi;

public static class TextLimits
{
    /// <summary>The text cut to at most <paramref name="max"/> characters (a provider's error kept in a column of that size); null stays null.</summary>
    public static string? Clip(string? text, int max) => text is not null && text.Length > max ? text[..max] : text;
}
