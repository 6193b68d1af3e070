using Microsoft.Net.Http.Headers;

namespace MyHibachi.Api.Infrastructure;

/// <summary>
/// Entity tags from PostgreSQL's row version (xmin): GET answers <c>ETag</c>, updates honour
/// <c>If-Match</c> so two people editing one record cannot silently overwrite each other.
/// </summary>
public static class ETags
{
    public static string For(uint version) => $"\"{version}\"";

    public static void Set(HttpContext context, uint version) =>
        context.Response.Headers.ETag = For(version);

    /// <summary>The answer to an If-Match header that <see cref="TryReadIfMatch"/> could not read.</summary>
    public static Failure UnreadableIfMatch() => Failure.Invalid("If-Match", "Send the ETag you received, e.g. \"1234\".");

    /// <summary>The version the client last read, from If-Match; null when absent; false when unreadable.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out uint? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParse(header.Split(',')[0].Trim(), out var tag))
        {
            return false;
        }

        var value = tag.Tag.ToString().Trim('"');
        if (uint.TryParse(value, out var parsed))
        {
            version = parsed;
            return true;
        }

        return false;
    }
}
