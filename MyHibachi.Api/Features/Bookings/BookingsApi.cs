using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Bookings;

public static class BookingsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bookings").AddEndpointFilter<RetryOnConcurrencyConflict>().WithTags("Bookings").RequireFeature(FeatureFlags.CoreApi);

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
        [AsParameters] BookingListQuery query, BookingService bookings, CancellationToken cancellationToken)
    {
        var result = await bookings.ListAsync(query, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure!.ToResult();
    }

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> GetBooking(Guid id, BookingService bookings, HttpContext context, CancellationToken cancellationToken)
    {
        if (await bookings.ReadAsync(id, cancellationToken) is not { } found)
        {
            return Failure.NotFound("Booking").ToResult();
        }

        ETags.Set(context, found.Version);
        return TypedResults.Ok(found.Booking);
    }

    public static async Task<Results<Created<BookingDto>, Ok<BookingDto>, ProblemHttpResult>> CreateBooking(
        CreateBookingRequest request, BookingService bookings, HttpContext context,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var result = await bookings.CreateAsync(request, idempotencyKey, cancellationToken);
        return await Placed(result, bookings, context, cancellationToken);
    }

    public static async Task<Results<Created<BookingDto>, Ok<BookingDto>, ProblemHttpResult>> Placed(
        Result<PlacedBooking> result, BookingService bookings, HttpContext context, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return result.Failure!.ToResult();
        }

        var (booking, replayed) = result.Value!;
        ETags.Set(context, booking.Version);
        var dto = await bookings.ToDtoAsync(booking, cancellationToken);
        if (replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(dto);
        }

        return TypedResults.Created($"/api/bookings/{booking.Id}", dto);
    }

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> UpdateBooking(
        Guid id, UpdateBookingRequest request, BookingService bookings, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(context.Request, out var version))
        {
            return ETags.UnreadableIfMatch().ToResult();
        }

        if (version is null)
        {
            return new Failure(StatusCodes.Status428PreconditionRequired, "Send If-Match with the booking's ETag.",
                "Read the booking first; its ETag makes sure you change the version you saw.").ToResult();
        }

        return await Respond(await bookings.UpdateAsync(id, request, version.Value, cancellationToken), bookings, context, cancellationToken);
    }

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> AssignChef(
        Guid id, AssignChefRequest request, BookingService bookings, HttpContext context, CancellationToken cancellationToken) =>
        await WithVersion(context, version => bookings.AssignChefAsync(id, request, version, cancellationToken), bookings, cancellationToken);

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> ConfirmBooking(
        Guid id, BookingService bookings, HttpContext context, CancellationToken cancellationToken) =>
        await WithVersion(context, version => bookings.MoveAsync(id, BookingStatus.Confirmed, null, version, cancellationToken), bookings, cancellationToken);

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> CancelBooking(
        Guid id, CancelBookingRequest request, BookingService bookings, HttpContext context, CancellationToken cancellationToken) =>
        await WithVersion(context, version => bookings.MoveAsync(id, BookingStatus.Cancelled, request.Reason, version, cancellationToken), bookings, cancellationToken);

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> CompleteBooking(
        Guid id, BookingService bookings, HttpContext context, CancellationToken cancellationToken) =>
        await WithVersion(context, version => bookings.MoveAsync(id, BookingStatus.Completed, null, version, cancellationToken), bookings, cancellationToken);

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> MarkNoShow(
        Guid id, BookingService bookings, HttpContext context, CancellationToken cancellationToken) =>
        await WithVersion(context, version => bookings.MoveAsync(id, BookingStatus.NoShow, null, version, cancellationToken), bookings, cancellationToken);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteBooking(
        Guid id, [FromBody] DeleteRequest? request, BookingService bookings, CancellationToken cancellationToken)
    {
        var failure = await bookings.DeleteAsync(id, request, cancellationToken);
        return failure is null ? TypedResults.NoContent() : failure.ToResult();
    }

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> RestoreBooking(
        Guid id, BookingService bookings, HttpContext context, CancellationToken cancellationToken) =>
        await Respond(await bookings.RestoreAsync(id, cancellationToken), bookings, context, cancellationToken);

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> WithVersion(
        HttpContext context, Func<uint?, Task<Result<Booking>>> change, BookingService bookings, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(context.Request, out var version))
        {
            return ETags.UnreadableIfMatch().ToResult();
        }

        return await Respond(await change(version), bookings, context, cancellationToken);
    }

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Respond(
        Result<Booking> result, BookingService bookings, HttpContext context, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return result.Failure!.ToResult();
        }

        ETags.Set(context, result.Value!.Version);
        return TypedResults.Ok(await bookings.ToDtoAsync(result.Value, cancellationToken));
    }
}
