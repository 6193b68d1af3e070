using Microsoft.Net.Http.Headers;

namespace MyHibachi.Api.Infrastructure;

/// <summary>
/// An If-Match precondition (RFC 9110 §13.1.1): "*" (any current version), or a list of entity tags
/// compared strongly with the record's version: a weak tag (W/"…") never matches.
/// </summary>
public sealed record IfMatch(bool AnyVersion, IReadOnlySet<uint> Versions)
{
    public static readonly IfMatch Any = new(true, new HashSet<uint>());

    /// <summary>Whether a record at <paramref name="version"/> meets the precondition.</summary>
    public bool Allows(uint version) => AnyVersion || Versions.Contains(version);
}

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
    public static Failure UnreadableIfMatch() => Failure.Invalid("If-Match", "Send the ETag you received, e.g. \"1234\", or a list of them.");

    /// <summary>The If-Match precondition; null when the header is absent; false when it cannot be read.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out IfMatch? precondition)
    {
        precondition = null;
        var values = request.Headers.IfMatch;
        if (values.Count == 0 || values.All(string.IsNullOrWhiteSpace))
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(values, out var tags) || tags.Count == 0)
        {
            return false;
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            // "*" stands alone; mixed with tags the header is malformed.
            precondition = tags.Count == 1 ? IfMatch.Any : null;
            return tags.Count == 1;
        }

        // Strong comparison: weak tags, and tags that are not one of our versions, match nothing.
        var versions = tags.Where(t => !t.IsWeak && uint.TryParse(t.Tag.AsSpan().Trim('"'), out _))
            .Select(t => uint.Parse(t.Tag.AsSpan().Trim('"'), System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
        precondition = new IfMatch(false, versions);
        return true;
    }
}
