using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;

namespace MyHibachi.Api.Infrastructure;

/// <summary>
/// Runs a handler again when its save lost a race with another writer (the row version moved
/// between read and write). Handlers re-read what they change, so the retry applies the request to
/// the current row; a request that sent If-Match is compared with the new version and gets 412.
/// After the last attempt a request without If-Match gets 409 (see <see cref="ApiExceptionHandler"/>).
/// </summary>
public sealed class RetryOnConcurrencyConflict(HibachiDbContext db) : IEndpointFilter
{
    public const int Attempts = 5;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(context);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts && !context.HttpContext.Response.HasStarted)
            {
                db.ChangeTracker.Clear();
                // A short random pause, longer each time, so writers racing for the same row stop colliding.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), context.HttpContext.RequestAborted);
            }
        }
    }
}
