using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MyHibachi.Api.Infrastructure;

/// <summary>
/// Turns every exception that reaches the pipeline into an RFC 9457 problem: malformed bodies and
/// parameters become field-level 400s, database conflicts 409/412, anything else a 500 without
/// internals (the trace id lets staff find it in the logs).
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ConstraintProblems constraints, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception is DbUpdateConcurrencyException && !context.Request.Headers.ContainsKey("If-Match")
            // No precondition was sent, so 412 would be wrong: the row changed under a concurrent writer.
            ? Plain(StatusCodes.Status409Conflict, ProblemCodes.ConcurrentChange, "Another request changed the same records at the same moment.",
                "Nothing was saved; send the request again (with the same Idempotency-Key for a booking).")
            : Registered(exception) ?? Describe(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        else
        {
            logger.LogInformation("Request refused with {Status}: {Reason}", problem.Status, exception.Message);
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem a feature registered for the constraint this write broke, if any.</summary>
    private ProblemDetails? Registered(Exception exception) =>
        exception is DbUpdateException { InnerException: PostgresException postgres } && constraints.For(postgres.ConstraintName) is { } failure
            ? failure.ToProblemDetails()
            : null;

    public static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => Invalid(
            JsonField(json.Path), "This value has the wrong type or format.", "The request body is not valid JSON for this endpoint."),
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad when ParameterName(bad.Message) is { } parameter => Invalid(
            parameter, "This value has the wrong type or format.", "A parameter could not be read."),
        BadHttpRequestException { InnerException: DecoderFallbackException } => Invalid("body", "Send the body as UTF-8 JSON.", "The request body is not valid UTF-8."),
        // No body, an empty one, or the JSON literal null where an object is expected.
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } missing when missing.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
            Invalid("body", "Send a JSON object with the fields this endpoint expects.", "The request body is missing."),
        BadHttpRequestException bad => Plain(bad.StatusCode, ProblemCodes.ForStatus(bad.StatusCode), bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            _ => "The request could not be read.",
        }, bad.StatusCode == 400 ? "Check the body is valid JSON with the expected fields." : null),
        JsonException json => Invalid(JsonField(json.Path), "This value has the wrong type or format.", "The request body is not valid JSON."),
        DbUpdateConcurrencyException => Plain(StatusCodes.Status412PreconditionFailed, ProblemCodes.PreconditionFailed, "This record changed since you read it.",
            "Reload it to get its current version (ETag) and apply your change again."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique } =>
            Plain(StatusCodes.Status409Conflict, ProblemCodes.DuplicateValue, "A record with the same unique value already exists.", unique.ConstraintName),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.CheckViolation or PostgresErrorCodes.StringDataRightTruncation } invalid } =>
            Plain(StatusCodes.Status400BadRequest, ProblemCodes.ValueOutOfRange, "A value is outside what is allowed.", invalid.ConstraintName),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } =>
            Plain(StatusCodes.Status409Conflict, ProblemCodes.RelatedRecordMissing, "A related record does not exist or is still in use."),
        OperationCanceledException => Plain(499, ProblemCodes.RequestCancelled, "The request was cancelled."),
        _ => Plain(StatusCodes.Status500InternalServerError, ProblemCodes.InternalError, "Something went wrong on our side.",
            "The error was logged; quote the trace id when you contact support."),
    };

    private static ProblemDetails Plain(int status, string code, string title, string? detail = null) =>
        Failure.WithCode(new ProblemDetails { Status = status, Title = title, Detail = detail }, code);

    private static ProblemDetails Invalid(string field, string message, string title) =>
        Failure.WithCode(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }) { Status = 400, Title = title },
            ProblemCodes.ValidationFailed);

    /// <summary>"$.address.zip" → "address.zip"; "$" or nothing → "body".</summary>
    private static string JsonField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    /// <summary>Reads the parameter out of 'Failed to bind parameter "int Page" from "abc".'.</summary>
    private static string? ParameterName(string message)
    {
        var match = BindFailure().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    [GeneratedRegex("""(?:bind|read) parameter "(?:[^"]*\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)" from""")]
    private static partial Regex BindFailure();
}
