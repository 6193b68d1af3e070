using System.Diagnostics.CodeAnalysis;
using System.Net;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

/// <summary>An RFC 9457 problem the Api answered with; <see cref="Code"/> is one of <see cref="ProblemCodes"/>.</summary>
public sealed record ApiProblem(string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors, string? Code = null)
{
    public string Message => string.IsNullOrWhiteSpace(Detail) ? Title ?? "Something went wrong." : $"{Title} {Detail}";

    public bool Is(string code) => string.Equals(Code, code, StringComparison.Ordinal);
}

/// <summary>The Api's answer: a value, or the problem that stopped it.</summary>
public sealed record ApiResult<T>(HttpStatusCode Status, T? Value, ApiProblem? Problem, string? ETag = null)
{
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>True when the Api refused with this <see cref="ProblemCodes">code</see>.</summary>
    public bool FailedWith(string code) => Problem?.Is(code) == true;

    /// <summary>The value, or an exception naming the problem (for background callers that retry on failure).</summary>
    public T OrThrow(string what) => Succeeded && Value is not null
        ? Value
        : throw new HttpRequestException($"The Api refused {what}: {(int)Status} {Problem?.Code} {Problem?.Message}", null, Status);

    public static ApiResult<T> Unreachable(string message) =>
        new(HttpStatusCode.ServiceUnavailable, default, new ApiProblem("We can't reach our booking system right now.", 503, message, null, ProblemCodes.Unavailable));
}

/// <summary>An answer with no body worth reading (204, or an action whose result the caller ignores).</summary>
public sealed record Done;

/// <summary>A file as the Api served it.</summary>
public sealed record FileDownload(byte[] Content, string ContentType, string? FileName, string? CacheControl = null);
