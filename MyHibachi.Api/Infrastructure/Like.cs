namespace MyHibachi.Api.Infrastructure;

public static class Like
{
    /// <summary>Escapes %, _ and \ so user text matches literally inside an ILIKE pattern (escape character \).</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
