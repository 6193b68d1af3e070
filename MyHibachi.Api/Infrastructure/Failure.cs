using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyHibachi.Contracts;

namespace MyHibachi.Api.Infrastructure;

/// <summary>
/// Why a request could not be done, as an RFC 9457 problem. <see cref="Code"/> is one of
/// <see cref="ProblemCodes"/>: stable, for clients to branch on; the title is for people.
/// </summary>
public sealed record Failure(int Status, string Code, string Title, string? Detail = null, IDictionary<string, string[]>? Errors = null)
{
    public static Failure NotFound(string what) => new(StatusCodes.Status404NotFound, ProblemCodes.NotFound, $"{what} was not found.");

    public static Failure Conflict(string code, string title, string? detail = null) => new(StatusCodes.Status409Conflict, code, title, detail);

    public static Failure Invalid(ValidationErrors errors, string title = "Some fields need attention.") =>
        new(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, title, null, errors.ToDictionary());

    public static Failure Invalid(string field, string message) => Invalid(new ValidationErrors().Add(field, message));

    public static Failure PreconditionFailed() => new(StatusCodes.Status412PreconditionFailed, ProblemCodes.PreconditionFailed,
        "This record changed since you read it.", "Reload it to get its current version (ETag) and apply your change again.");

    public static Failure Forbidden(string detail) => new(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "You may not do this.", detail);

    public ProblemHttpResult ToResult() => TypedResults.Problem(ToProblemDetails());

    public ProblemDetails ToProblemDetails()
    {
        var problem = Errors is null
            ? new ProblemDetails { Status = Status, Title = Title, Detail = Detail }
            : new HttpValidationProblemDetails(Errors) { Status = Status, Title = Title, Detail = Detail };
        return WithCode(problem, Code);
    }

    /// <summary>Stamps a problem with its code: the <c>code</c> member and the matching <c>type</c> URI.</summary>
    public static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Type = ProblemCodes.TypeUri(code);
        problem.Extensions["code"] = code;
        return problem;
    }
}

/// <summary>Done, or the <see cref="Failure"/> that prevented it.</summary>
public readonly struct Result
{
    private Result(Failure? failure) => Failure = failure;

    public static Result Success => default;

    public Failure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static implicit operator Result(Failure failure) => new(failure);
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

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}

/// <summary>Turns results into HTTP answers, so an endpoint is one line: <c>return result.ToOk();</c>.</summary>
public static class ResultHttp
{
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToResult();

    public static Results<Ok<TOut>, ProblemHttpResult> ToOk<T, TOut>(this Result<T> result, Func<T, TOut> map) =>
        result.Succeeded ? TypedResults.Ok(map(result.Value)) : result.Failure.ToResult();

    public static Results<NoContent, ProblemHttpResult> ToNoContent(this Result result) =>
        result.Succeeded ? TypedResults.NoContent() : result.Failure.ToResult();

    public static async Task<Results<Ok<T>, ProblemHttpResult>> ToOk<T>(this Task<Result<T>> result) => (await result).ToOk();

    public static async Task<Results<NoContent, ProblemHttpResult>> ToNoContent(this Task<Result> result) => (await result).ToNoContent();
}
