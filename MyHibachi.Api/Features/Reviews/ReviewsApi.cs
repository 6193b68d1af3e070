using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Features.Audit;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Files;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Reviews;

public static class ReviewsApi
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddOptions<ReviewPhotoOptions>().BindConfiguration(ReviewPhotoOptions.Section);
        return services
            .AddSingleton<ReviewLinks>()
            .AddScoped<ReviewService>()
            .AddScoped<ReviewModeration>()
            .AddScoped<ReviewRequests>()
            .AddDeletableType("review",
                "SELECT id, author_name || ' (' || rating || '★)' AS label, deleted_at, deleted_by, delete_reason AS reason FROM reviews WHERE deleted_at IS NOT NULL",
                id => $"/api/v1/reviews/{id}/restore");
    }

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/api/v1/reviews").WithTags("Reviews").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api);
        reviews.MapGet("", List).WithName("ListReviews").AllowAnonymous()
            .WithSummary("Published reviews, newest first (filter by chef, station, stars, with photos; sort newest, highest, lowest, mostLiked)")
            .ProducesValidationProblem();
        reviews.MapGet("/summary", Summary).WithName("ReviewSummary").AllowAnonymous()
            .WithSummary("The rating from published reviews: count, sum, exact average, stars distribution");
        reviews.MapGet("/mine", Mine).WithName("MyReviewableBookings").AllowAnonymous()
            .WithSummary("The caller's completed bookings with their reviews (signed-in customer, or ?bookingId=&token= from the review link)");
        reviews.MapGet("/{id:guid}", Get).WithName("GetReview").AllowAnonymous()
            .WithSummary("One review: published for anyone; pending, held or rejected for its author and moderators");
        reviews.MapPost("", Create).WithName("CreateReview").AllowAnonymous()
            .WithSummary("Review a completed booking (its customer signed in, or the review link's token); held for moderation")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        reviews.MapPut("/{id:guid}", Update).WithName("UpdateReview").AllowAnonymous()
            .WithSummary("The author changes their review; it goes back to moderation").ProducesValidationProblem();
        reviews.MapDelete("/{id:guid}", Delete).WithName("DeleteReview").AllowAnonymous()
            .WithSummary("Soft-delete: the author (reason optional) or a moderator (reason required)").ProducesValidationProblem();
        reviews.MapPost("/{id:guid}/restore", Restore).WithName("RestoreReview").RequirePermission(Permissions.ReviewsModerate)
            .WithSummary("Restore a deleted review (moderators)");
        reviews.MapPost("/{id:guid}/like", (Guid id, HttpContext context, ReviewService service, CancellationToken ct) =>
            service.LikeAsync(id, true, Visitor(context), ct).ToOk()).WithName("LikeReview").AllowAnonymous().WithSummary("Like a published review (once per visitor)");
        reviews.MapDelete("/{id:guid}/like", (Guid id, HttpContext context, ReviewService service, CancellationToken ct) =>
            service.LikeAsync(id, false, Visitor(context), ct).ToOk()).WithName("UnlikeReview").AllowAnonymous().WithSummary("Take a like back");
        reviews.MapPost("/photos", UploadPhoto).WithName("UploadReviewPhoto").AllowAnonymous().DisableAntiforgery()
            .WithSummary("Upload a photo for a booking's review (multipart field 'file', or the image as the body; bookingId and token in the form or query)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        reviews.MapGet("/photos/{id:guid}/{width:int}", Photo).WithName("ReviewPhoto").AllowAnonymous()
            .WithSummary("One width of a photo (JPEG); public and cached for a year once its review is published");

        var moderation = app.MapGroup("/api/v1/reviews/moderation").WithTags("Review moderation").AddEndpointFilter<RetryOnConcurrencyConflict>()
            .RequireRateLimiting(RateLimitPolicies.Api).RequireStaff().RequirePermission(Permissions.ReviewsModerate);
        moderation.MapGet("", (  [AsParameters] ReviewModerationQuery query, ReviewModeration service, CancellationToken ct) => service.QueueAsync(query, ct).ToOk())
            .WithName("ReviewModerationQueue").WithSummary("Pending and held reviews, oldest first (or one status)").ProducesValidationProblem();
        moderation.MapPost("/{id:guid}/approve", (Guid id, ReviewModeration service, CancellationToken ct) => service.ApproveAsync(id, ct).ToOk())
            .WithName("ApproveReview").WithSummary("Publish a review");
        moderation.MapPost("/{id:guid}/reject", (Guid id, ModerationReasonRequest request, ReviewModeration service, CancellationToken ct) => service.RejectAsync(id, request, ct).ToOk())
            .WithName("RejectReview").WithSummary("Turn a review down with a reason the author sees").ProducesValidationProblem();
        moderation.MapPost("/{id:guid}/flag", (Guid id, ModerationReasonRequest request, ReviewModeration service, CancellationToken ct) => service.FlagAsync(id, request, ct).ToOk())
            .WithName("FlagReview").WithSummary("Hold a review (published or not) for a second look, with a reason").ProducesValidationProblem();
        moderation.MapPut("/{id:guid}", (Guid id, StaffReviewEditRequest request, ReviewModeration service, CancellationToken ct) => service.EditAsync(id, request, ct).ToOk())
            .WithName("EditReview").WithSummary("Change a review's words, with a reason (audited)").ProducesValidationProblem();

        app.MapGet("/api/v1/chefs/{id:guid}/profile", async Task<Results<Ok<ChefProfileDto>, ProblemHttpResult>> (Guid id, int? page, ReviewService service, CancellationToken ct) =>
                await service.ChefProfileAsync(id, page, ct) is { } profile ? TypedResults.Ok(profile) : Failure.NotFound("Chef").ToResult())
            .WithTags("Reviews").WithName("ChefProfile").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Api)
            .WithSummary("A chef's public profile: name, bio, rating and published reviews");
        app.MapGet("/api/v1/chefs/public", (ReviewService service, CancellationToken ct) => service.ChefCardsAsync(ct))
            .WithTags("Reviews").WithName("ChefCards").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Api)
            .WithSummary("Active chefs with their ratings, for the site");

        var workers = app.MapGroup("/api/internal/reviews").WithTags("Internal (workers)").RequireRateLimiting(RateLimitPolicies.Api)
            .RequirePermission(Permissions.InternalAccess);
        workers.MapGet("/requests-due", (ReviewRequests requests, CancellationToken ct) => requests.DueAsync(ct))
            .WithName("ReviewRequestsDue").WithSummary("Completed events a day old or more whose customer has not been asked for a review");
        workers.MapPost("/requests/{bookingId:guid}/sent", (Guid bookingId, ReviewRequests requests, CancellationToken ct) => requests.MarkSentAsync(bookingId, ct).ToNoContent())
            .WithName("ReviewRequestSent").WithSummary("The review request e-mail went out");
        return app;
    }

    public static async Task<Results<Ok<PagedList<ReviewDto>>, ProblemHttpResult>> List([AsParameters] ReviewListQuery query, ReviewService service, CancellationToken ct) =>
        await service.ListPublishedAsync(query, ct).ToOk();

    public static Task<RatingSummaryDto> Summary(Guid? chefId, Guid? stationId, ReviewService service, CancellationToken ct) =>
        service.SummaryAsync(chefId, stationId, ct);

    public static async Task<Results<Ok<IReadOnlyList<ReviewableBookingDto>>, ProblemHttpResult>> Mine(
        Guid? bookingId, string? token, ReviewService service, CancellationToken ct) =>
        await service.ReviewableAsync(bookingId, token, ct).ToOk();

    public static async Task<Results<Ok<ReviewDto>, ProblemHttpResult>> Get(Guid id, string? token, ReviewService service, CancellationToken ct) =>
        await service.ReadAsync(id, token, ct) is { } review ? TypedResults.Ok(review) : Failure.NotFound("Review").ToResult();

    public static async Task<Results<Created<ReviewDto>, ProblemHttpResult>> Create(CreateReviewRequest request, ReviewService service, CancellationToken ct)
    {
        var result = await service.CreateAsync(request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/reviews/{result.Value!.Id}", result.Value) : result.Failure!.ToResult();
    }

    public static async Task<Results<Ok<ReviewDto>, ProblemHttpResult>> Update(Guid id, UpdateReviewRequest request, ReviewService service, CancellationToken ct) =>
        await service.UpdateAsync(id, request, ct).ToOk();

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, string? token, [FromBody] DeleteRequest? request, ReviewService service, CancellationToken ct) =>
        await service.DeleteAsync(id, request?.Reason, token, ct).ToNoContent();

    public static async Task<Results<Ok<ReviewDto>, ProblemHttpResult>> Restore(Guid id, ReviewService service, CancellationToken ct) =>
        await service.RestoreAsync(id, ct).ToOk();

    public static async Task<Results<Created<ReviewPhotoDto>, ProblemHttpResult>> UploadPhoto(
        HttpRequest request, ReviewService service, IOptions<ReviewPhotoOptions> options, CancellationToken ct)
    {
        var max = options.Value.MaxBytes;
        var envelope = 64 * 1024;
        var tooLarge = new Failure(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The photo is too large.",
            $"A photo may be at most {max / (1024 * 1024)} MB.", new Dictionary<string, string[]> { ["file"] = [$"At most {max / (1024 * 1024)} MB."] });
        if (request.ContentLength > max + envelope)
        {
            return tooLarge.ToResult();
        }

        string? bookingText = request.Query["bookingId"];
        string? token = request.Query["token"];
        byte[]? content;
        if (request.HasFormContentType)
        {
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = max + envelope;
            }

            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = max + envelope, ValueCountLimit = 20 }));
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return tooLarge.ToResult();
            }

            bookingText = form["bookingId"].FirstOrDefault() ?? bookingText;
            token = form["token"].FirstOrDefault() ?? token;
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                return Failure.Invalid("file", "Send the photo in the form field 'file'.").ToResult();
            }

            if (file.Length > max)
            {
                return tooLarge.ToResult();
            }

            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream((int)file.Length);
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        else
        {
            content = await WebhookBody.ReadAsync(request, ct, (int)max);
            if (content is null)
            {
                return tooLarge.ToResult();
            }
        }

        if (content.Length == 0)
        {
            return Failure.Invalid("file", "The photo is empty.").ToResult();
        }

        if (!Guid.TryParse(bookingText, out var bookingId))
        {
            return Failure.Invalid("bookingId", "Which booking the photo is for (its id).").ToResult();
        }

        var result = await service.UploadPhotoAsync(bookingId, token, content, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/reviews/photos/{result.Value!.Id}", result.Value) : result.Failure!.ToResult();
    }

    public static async Task<IResult> Photo(Guid id, int width, string? token, HttpContext context, ReviewService service, FileStore files, CancellationToken ct)
    {
        if (await service.PhotoFileAsync(id, width, token, ct) is not { } found)
        {
            return Failure.NotFound("Photo").ToResult();
        }

        // A photo's bytes never change (a new upload is a new id): a published one is cached by everyone for a year.
        context.Response.Headers.CacheControl = found.Public ? "public, max-age=31536000, immutable" : "private, no-store";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return await files.ServeAsync(found.File, ct);
    }

    /// <summary>Who is liking: the account when signed in, else the client's address.</summary>
    private static string Visitor(HttpContext context) =>
        context.User.FindFirstValue(ClaimNames.Subject) is { } subject ? "user:" + subject : "ip:" + context.Connection.RemoteIpAddress;
}
