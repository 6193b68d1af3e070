using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MyHibachi.Api.Infrastructure;

/// <summary>Why a request could not be done, as an RFC 9457 problem.</summary>
public sealed record Failure(int Status, string Title, string? Detail = null, IDictionary<string, string[]>? Errors = null)
{
    public static Failure NotFound(string what) => new(StatusCodes.Status404NotFound, $"{what} was not found.");

    public static Failure Conflict(string title, string? detail = null) => new(StatusCodes.Status409Conflict, title, detail);

    public static Failure Invalid(ValidationErrors errors, string title = "Some fields need attention.") =>
        new(StatusCodes.Status400BadRequest, title, null, errors.ToDictionary());

    public static Failure Invalid(string field, string message) => Invalid(new ValidationErrors().Add(field, message));

    public static Failure PreconditionFailed() => new(StatusCodes.Status412PreconditionFailed,
        "This record changed since you read it.", "Reload it to get its current version (ETag) and apply your change again.");

    public static Failure Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "You may not do this.", detail);

    public ProblemHttpResult ToResult()
    {
        var problem = Errors is null
            ? new ProblemDetails { Status = Status, Title = Title, Detail = Detail }
            : new HttpValidationProblemDetails(Errors) { Status = Status, Title = Title, Detail = Detail };
        return TypedResults.Problem(problem);
    }
}

/// <summary>A value, or the <see cref="Failure"/> that prevented it.</summary>
public readonly struct Result<T>
{
    private Result(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}
