using System.Net;

namespace MyHibachi.Web.Api;

/// <summary>An RFC 9457 problem the Api answered with.</summary>
public sealed record ApiProblem(string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors)
{
    public string Message => string.IsNullOrWhiteSpace(Detail) ? Title ?? "Something went wrong." : $"{Title} {Detail}";
}

/// <summary>The Api's answer: a value, or the problem that stopped it.</summary>
public sealed record ApiResult<T>(HttpStatusCode Status, T? Value, ApiProblem? Problem, string? ETag = null)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    public static ApiResult<T> Unreachable(string message) =>
        new(HttpStatusCode.ServiceUnavailable, default, new ApiProblem("We can't reach our booking system right now.", 503, message, null));
}
