using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MyHibachi.Api.Infrastructure;

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

    private static async Task<(int Status, string? Title)> HandleAsync(Exception exception, string? ifMatch)
    {
        var problems = new KeptProblems();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }

        Assert.True(await new ApiExceptionHandler(problems, NullLogger<ApiExceptionHandler>.Instance).TryHandleAsync(context, exception, CancellationToken.None));
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

    [Fact]
    public async Task Anything_unexpected_is_a_500_without_internals()
    {
        var (status, title) = await HandleAsync(new InvalidOperationException("connection string secret=abc"), ifMatch: null);
        Assert.Equal(StatusCodes.Status500InternalServerError, status);
        Assert.DoesNotContain("secret", title);
    }
}
