using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Contracts;
using Npgsql;

namespace MyHibachi.UnitTests.Infrastructure;

public sealed class ApiExceptionHandlerTests
{
    /// <summary>Keeps the problem the handler writes, so the test can read it.</summary>
    private sealed class KeptProblems : IProblemDetailsService
    {
        public ProblemDetailsContext? Written { get; private set; }

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            Written = context;
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> TryWriteAsync(ProblemDetailsContext context)
        {
            Written = context;
            return ValueTask.FromResult(true);
        }
    }

    private static async Task<(int Status, string? Title)> HandleAsync(Exception exception, string? ifMatch, params ConstraintProblem[] registered)
    {
        var problems = new KeptProblems();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }

        Assert.True(await new ApiExceptionHandler(problems, new ConstraintProblems(registered), NullLogger<ApiExceptionHandler>.Instance)
            .TryHandleAsync(context, exception, CancellationToken.None));
        LastCode = problems.Written?.ProblemDetails.Extensions["code"] as string;
        return (context.Response.StatusCode, problems.Written?.ProblemDetails.Title);
    }

    [Fact]
    public async Task A_lost_race_is_412_only_for_a_request_that_sent_If_Match()
    {
        var withPrecondition = await HandleAsync(new DbUpdateConcurrencyException("row version moved"), "\"42\"");
        Assert.Equal(StatusCodes.Status412PreconditionFailed, withPrecondition.Status);

        // A create (or any write without If-Match) that kept losing to concurrent writers gets 409: try again.
        var without = await HandleAsync(new DbUpdateConcurrencyException("row version moved"), ifMatch: null);
        Assert.Equal(StatusCodes.Status409Conflict, without.Status);
        Assert.Contains("same moment", without.Title);
    }

    private static string? LastCode { get; set; }

    [Fact]
    public async Task A_constraint_registered_by_its_feature_answers_with_that_features_problem_and_code()
    {
        var violation = new DbUpdateException("insert failed",
            new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation, constraintName: "ix_widgets_name"));
        var registered = new ConstraintProblem("ix_widgets_name", Failure.Conflict("widget.name_taken", "That widget name is taken."));

        var (status, title) = await HandleAsync(violation, null, registered);
        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal("That widget name is taken.", title);
        Assert.Equal("widget.name_taken", LastCode);

        // Without the registration the same violation is the generic duplicate-value conflict.
        var (_, generic) = await HandleAsync(violation, null);
        Assert.Equal("A record with the same unique value already exists.", generic);
        Assert.Equal(ProblemCodes.DuplicateValue, LastCode);
    }

    [Fact]
    public async Task Anything_unexpected_is_a_500_without_internals()
    {
        var (status, title) = await HandleAsync(new InvalidOperationException("connection string secret=abc"), ifMatch: null);
        Assert.Equal(StatusCodes.Status500InternalServerError, status);
        Assert.DoesNotContain("secret", title);
    }
}
