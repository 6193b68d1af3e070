using MyHibachi.Api.Data.Configurations;
using MyHibachi.Api.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Bookings;

public static class BookingsApi
{
    public static IServiceCollection AddBookings(this IServiceCollection services) => services
        .AddScoped<BookingQueries>()
        .AddScoped<BookingPlacement>()
        .AddScoped<BookingChanges>()
        .AddDeletableType("booking",
            "SELECT id, reference || ' · ' || contact_name AS label, deleted_at, deleted_by, delete_reason AS reason FROM bookings WHERE deleted_at IS NOT NULL",
            id => $"/api/bookings/{id}/restore")
        .AddConstraintProblem(BookingConfiguration.ChefOverlapConstraint, Failure.Conflict(ProblemCodes.ChefDoubleBooked,
            "The chef is already booked at that time.", "Choose another chef or another time."))
        .AddConstraintProblem(BookingConfiguration.QuoteIndex, Failure.Conflict(ProblemCodes.QuoteAlreadyBooked,
            "This quote has already been booked.", "Each quote becomes one booking."));

    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bookings").AddEndpointFilter<RetryOnConcurrencyConflict>().WithTags("Bookings")
            .RequireFeature(FeatureFlags.CoreApi).RequireRateLimiting(RateLimitPolicies.Api);

        api.MapGet("", ListBookings).WithName("ListBookings")
            .WithSummary("Bookings, paged; filter by status, station, chef, customer, from/to (event start) and text")
            .ProducesValidationProblem().RequirePermission(Permissions.BookingsRead);
        api.MapGet("/{id:guid}", GetBooking).WithName("GetBooking").WithSummary("One booking (with ETag)").RequirePermission(Permissions.BookingsRead);
        api.MapPost("", CreateBooking).WithName("CreateBooking")
            .WithSummary("Book an event: priced from the current price list and held with a free chef. Send Idempotency-Key to make retries safe.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPut("/{id:guid}", UpdateBooking).WithName("UpdateBooking")
            .WithSummary("Change a live booking; requires If-Match with the booking's ETag")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequirePermission(Permissions.BookingsUpdate);
        api.MapPost("/{id:guid}/preview", PreviewChange).WithName("PreviewBookingChange")
            .WithSummary("What a change would do (new time, price before and after, the difference), checked like PUT but not saved")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).RequirePermission(Permissions.BookingsUpdate);
        api.MapPost("/{id:guid}/assign-chef", AssignChef).WithName("AssignChef")
            .WithSummary("Assign a chef (refused with 409 when the chef is not free); chefId null unassigns a pending booking")
            .ProducesProblem(StatusCodes.Status409Conflict).RequirePermission(Permissions.BookingsManage);
        api.MapPost("/{id:guid}/confirm", ConfirmBooking).WithName("ConfirmBooking").WithSummary("Pending → confirmed (needs a chef)")
            .ProducesProblem(StatusCodes.Status409Conflict).RequirePermission(Permissions.BookingsManage);
        api.MapPost("/{id:guid}/cancel", CancelBooking).WithName("CancelBooking").WithSummary("Cancel with a reason")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).RequirePermission(Permissions.BookingsCancel);
        api.MapPost("/{id:guid}/complete", CompleteBooking).WithName("CompleteBooking").WithSummary("Confirmed → completed, once the event has started")
            .ProducesProblem(StatusCodes.Status409Conflict).RequirePermission(Permissions.BookingsManage);
        api.MapPost("/{id:guid}/no-show", MarkNoShow).WithName("MarkNoShow").WithSummary("Confirmed → no-show, once the event has started")
            .ProducesProblem(StatusCodes.Status409Conflict).RequirePermission(Permissions.BookingsManage);
        api.MapDelete("/{id:guid}", DeleteBooking).WithName("DeleteBooking").WithSummary("Soft-delete a booking with a reason")
            .ProducesValidationProblem().RequireFeature(FeatureFlags.SoftDelete).RequirePermission(Permissions.BookingsDelete);
        api.MapPost("/{id:guid}/restore", RestoreBooking).WithName("RestoreBooking").WithSummary("Restore a booking deleted in the last 30 days, whole")
            .ProducesProblem(StatusCodes.Status409Conflict).RequireFeature(FeatureFlags.SoftDelete).RequirePermission(Permissions.BookingsDelete);

        return app;
    }

    public static async Task<Results<Ok<PagedList<BookingSummaryDto>>, ProblemHttpResult>> ListBookings(
        [AsParameters] BookingListQuery query, BookingQueries bookings, CancellationToken cancellationToken) =>
        await bookings.ListAsync(query, cancellationToken).ToOk();

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> GetBooking(Guid id, BookingQueries bookings, HttpContext context, CancellationToken cancellationToken)
    {
        if (await bookings.ReadAsync(id, cancellationToken) is not { } found)
        {
            return Failure.NotFound("Booking").ToResult();
        }

        ETags.Set(context, found.Version);
        return TypedResults.Ok(found.Booking);
    }

    public static async Task<Results<Created<BookingDto>, Ok<BookingDto>, ProblemHttpResult>> CreateBooking(
        CreateBookingRequest request, BookingPlacement placement, BookingQueries bookings, HttpContext context,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, CancellationToken cancellationToken) =>
        await Placed(await placement.CreateAsync(request, idempotencyKey, cancellationToken), bookings, context, cancellationToken);

    /// <summary>201 with the new booking, or 200 marked Idempotent-Replayed when a retry found the first one.</summary>
    public static async Task<Results<Created<BookingDto>, Ok<BookingDto>, ProblemHttpResult>> Placed(
        Result<PlacedBooking> result, BookingQueries bookings, HttpContext context, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return result.Failure.ToResult();
        }

        var (booking, replayed) = result.Value;
        ETags.Set(context, booking.Version);
        // Whoever made the booking may pay it: a guest has no account, so the answer carries the pay link's token.
        var dto = await bookings.ToDtoAsync(booking, cancellationToken) with
        {
            PayToken = context.RequestServices.GetRequiredService<Payments.PayLinks>().Token(booking.Id),
        };
        if (replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(dto);
        }

        return TypedResults.Created($"/api/bookings/{booking.Id}", dto);
    }

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> UpdateBooking(
        Guid id, UpdateBookingRequest request, BookingChanges changes, BookingQueries bookings, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(context.Request, out var version))
        {
            return ETags.UnreadableIfMatch().ToResult();
        }

        if (version is null)
        {
            return new Failure(StatusCodes.Status428PreconditionRequired, ProblemCodes.PreconditionRequired, "Send If-Match with the booking's ETag.",
                "Read the booking first; its ETag makes sure you change the version you saw.").ToResult();
        }

        return await Respond(await changes.UpdateAsync(id, request, version, cancellationToken), bookings, context, cancellationToken);
    }

    public static async Task<Results<Ok<BookingChangePreviewDto>, ProblemHttpResult>> PreviewChange(
        Guid id, UpdateBookingRequest request, BookingChanges changes, CancellationToken cancellationToken) =>
        (await changes.PreviewAsync(id, request, cancellationToken)).ToOk();

    public static Task<Results<Ok<BookingDto>, ProblemHttpResult>> AssignChef(
        Guid id, AssignChefRequest request, BookingChanges changes, BookingQueries bookings, HttpContext context, CancellationToken cancellationToken) =>
        WithVersion(context, version => changes.AssignChefAsync(id, request, version, cancellationToken), bookings, cancellationToken);

    public static Task<Results<Ok<BookingDto>, ProblemHttpResult>> ConfirmBooking(
        Guid id, BookingChanges changes, BookingQueries bookings, HttpContext context, CancellationToken cancellationToken) =>
        WithVersion(context, version => changes.MoveAsync(id, BookingStatus.Confirmed, null, version, cancellationToken), bookings, cancellationToken);

    public static Task<Results<Ok<BookingDto>, ProblemHttpResult>> CancelBooking(
        Guid id, CancelBookingRequest request, BookingChanges changes, BookingQueries bookings, HttpContext context, CancellationToken cancellationToken) =>
        WithVersion(context, version => changes.MoveAsync(id, BookingStatus.Cancelled, request.Reason, version, cancellationToken), bookings, cancellationToken);

    public static Task<Results<Ok<BookingDto>, ProblemHttpResult>> CompleteBooking(
        Guid id, BookingChanges changes, BookingQueries bookings, HttpContext context, CancellationToken cancellationToken) =>
        WithVersion(context, version => changes.MoveAsync(id, BookingStatus.Completed, null, version, cancellationToken), bookings, cancellationToken);

    public static Task<Results<Ok<BookingDto>, ProblemHttpResult>> MarkNoShow(
        Guid id, BookingChanges changes, BookingQueries bookings, HttpContext context, CancellationToken cancellationToken) =>
        WithVersion(context, version => changes.MoveAsync(id, BookingStatus.NoShow, null, version, cancellationToken), bookings, cancellationToken);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteBooking(
        Guid id, [FromBody] DeleteRequest? request, BookingChanges changes, CancellationToken cancellationToken) =>
        await changes.DeleteAsync(id, request, cancellationToken).ToNoContent();

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> RestoreBooking(
        Guid id, BookingChanges changes, BookingQueries bookings, HttpContext context, CancellationToken cancellationToken) =>
        await Respond(await changes.RestoreAsync(id, cancellationToken), bookings, context, cancellationToken);

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> WithVersion(
        HttpContext context, Func<IfMatch?, Task<Result<Booking>>> change, BookingQueries bookings, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(context.Request, out var version))
        {
            return ETags.UnreadableIfMatch().ToResult();
        }

        return await Respond(await change(version), bookings, context, cancellationToken);
    }

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Respond(
        Result<Booking> result, BookingQueries bookings, HttpContext context, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return result.Failure.ToResult();
        }

        ETags.Set(context, result.Value.Version);
        return TypedResults.Ok(await bookings.ToDtoAsync(result.Value, cancellationToken));
    }
}
