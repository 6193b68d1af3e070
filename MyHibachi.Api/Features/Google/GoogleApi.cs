using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Google;

public static class GoogleApi
{
    public static IServiceCollection AddGoogle(this IServiceCollection services) =>
        services.AddSingleton<SecretBox>().AddScoped<GoogleConnections>().AddScoped<ChefCalendars>().AddScoped<ReviewReplyWriter>().AddScoped<BusinessProfile>();

    public static IEndpointRouteBuilder MapGoogleApi(this IEndpointRouteBuilder app)
    {
        var google = app.MapGroup("/api/v1/google").WithTags("Google").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api)
            .RequirePermission(Permissions.IntegrationsManage);
        google.MapGet("/connections", (GoogleConnections connections, CancellationToken ct) => connections.ListAsync(ct))
            .WithName("GoogleConnections").WithSummary("The Google credentials, their scopes and whether they work (never their secrets)");
        google.MapGet("/connections/{id:guid}", (Guid id, GoogleConnections connections, CancellationToken ct) => connections.GetAsync(id, ct).ToOk())
            .WithName("GoogleConnection").WithSummary("One Google credential");
        google.MapGet("/scopes", () => GoogleConnections.KnownScopes).WithName("GoogleScopes").WithSummary("The scopes MyHibachi uses and what each is for");
        google.MapPost("/connections", (GoogleConnectionRequest request, GoogleConnections connections, CancellationToken ct) => connections.SaveAsync(null, request, ct).ToOk())
            .WithName("CreateGoogleConnection").ProducesValidationProblem()
            .WithSummary("Add a credential: an OAuth client with a refresh token, or a service account key (secrets stored encrypted)");
        google.MapPut("/connections/{id:guid}", (Guid id, GoogleConnectionRequest request, GoogleConnections connections, CancellationToken ct) => connections.SaveAsync(id, request, ct).ToOk())
            .WithName("UpdateGoogleConnection").ProducesValidationProblem().WithSummary("Change or reconnect a credential (empty secrets are kept)");
        google.MapDelete("/connections/{id:guid}", (Guid id, GoogleConnections connections, CancellationToken ct) => connections.DeleteAsync(id, ct).ToNoContent())
            .WithName("DeleteGoogleConnection").WithSummary("Forget a credential (the calendars linked through it are unlinked)");

        google.MapGet("/business/locations", (BusinessProfile profile, CancellationToken ct) => profile.LocationsAsync(ct))
            .WithName("BusinessLocations").WithSummary("Each station's Business Profile location, the hours it shows, its rating and how the last sync went");
        google.MapPut("/business/locations/{stationId:guid}", (Guid stationId, BusinessLocationRequest request, BusinessProfile profile, CancellationToken ct) =>
                profile.SaveLocationAsync(stationId, request, ct).ToOk())
            .WithName("LinkBusinessLocation").ProducesValidationProblem()
            .WithSummary("Link a station to its location and set its weekly and special hours (written to Google by the Workers)");
        google.MapPost("/business/sync", (Guid? stationId, BusinessProfile profile, CancellationToken ct) => profile.RequestSyncAsync(stationId, ct).ToNoContent())
            .WithName("SyncBusinessProfile").ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Read reviews (and write pending hours) now");

        var reviews = app.MapGroup("/api/v1/google/reviews").WithTags("Google").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api)
            .RequirePermission(Permissions.ReviewsModerate);
        reviews.MapGet("", ([AsParameters] GoogleReviewQuery query, BusinessProfile profile, CancellationToken ct) => profile.ReviewsAsync(query, ct).ToOk())
            .WithName("GoogleReviews").ProducesValidationProblem().WithSummary("Google reviews, newest first (needsAttention: negative and unanswered)");
        reviews.MapGet("/overview", (BusinessProfile profile, CancellationToken ct) => profile.OverviewAsync(ct))
            .WithName("RatingOverview").WithSummary("The site's rating, Google's, and both together; how many negative Google reviews wait for a reply");
        reviews.MapPut("/{id:guid}/draft", (Guid id, ReviewReplyRequest request, BusinessProfile profile, CancellationToken ct) => profile.SaveDraftAsync(id, request, ct).ToOk())
            .WithName("SaveGoogleReviewReply").ProducesValidationProblem().WithSummary("Write or change the reply (kept as a draft until approved)");
        reviews.MapPost("/{id:guid}/draft", (Guid id, string? kind, BusinessProfile profile, CancellationToken ct) => profile.DraftAsync(id, kind, ct).ToOk())
            .WithName("DraftGoogleReviewReply").ProducesValidationProblem()
            .WithSummary("A fresh draft: kind=template (by stars) or kind=ai (the LLM when configured, else rules on what the review says)");
        reviews.MapPost("/{id:guid}/approve", (Guid id, BusinessProfile profile, CancellationToken ct) => profile.ApproveAsync(id, ct).ToOk())
            .WithName("ApproveGoogleReviewReply").ProducesValidationProblem().WithSummary("Approve the draft: the Workers post it to Google");

        var chefs = app.MapGroup("/api/v1/chefs/{id:guid}/calendar").WithTags("Chef calendars").AddEndpointFilter<RetryOnConcurrencyConflict>()
            .RequireRateLimiting(RateLimitPolicies.Api);
        chefs.MapGet("", (Guid id, ChefCalendars calendars, CancellationToken ct) => calendars.GetAsync(id, ct).ToOk())
            .WithName("ChefCalendar").RequirePermission(Permissions.ChefsRead)
            .WithSummary("The chef's calendar sync: linked Google calendar, ICS import, status, upcoming busy times, conflicts and the private feed link");
        chefs.MapPut("", (Guid id, ChefCalendarRequest request, ChefCalendars calendars, CancellationToken ct) => calendars.SaveAsync(id, request, ct).ToOk())
            .WithName("LinkChefCalendar").RequirePermission(Permissions.IntegrationsManage).ProducesValidationProblem()
            .WithSummary("Link the chef's Google calendar (a connection and a calendar id) and/or an ICS address to import busy times from");
        chefs.MapPost("/sync", (Guid id, ChefCalendars calendars, CancellationToken ct) => calendars.RequestSyncAsync(id, ct).ToOk())
            .WithName("SyncChefCalendar").RequirePermission(Permissions.ChefsSchedule).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Read the chef's calendar now (the Workers sync; the status shows progress)");
        chefs.MapPost("/feed/reset", (Guid id, ChefCalendars calendars, CancellationToken ct) => calendars.ResetFeedAsync(id, ct).ToOk())
            .WithName("ResetChefCalendarFeed").RequirePermission(Permissions.ChefsSchedule)
            .WithSummary("A new private feed link; the old one stops working");

        app.MapGet("/api/v1/ratings", async (BusinessProfile profile, CancellationToken ct) => (await profile.OverviewAsync(ct)) with { GoogleNeedsAttention = 0 })
            .WithTags("Reviews").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Api).WithName("PublicRatings")
            .WithSummary("The business's rating on this site, on Google, and both together (public; what needs staff attention is left out)");

        app.MapGet("/api/v1/chefs/{id:guid}/calendar.ics", Feed).WithTags("Chef calendars").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Api)
            .WithName("ChefCalendarFeed").WithSummary("The chef's bookings as an ICS feed, for whoever holds the private link's token");

        app.MapPost("/api/v1/webhooks/google/calendar", Notified).WithTags("Channel webhooks").AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(PaymentsApi.WebhookRateLimit).WithName("GoogleCalendarWebhook")
            .WithSummary("Google Calendar push notifications (X-Goog-Channel-ID and X-Goog-Channel-Token checked against the channels we opened)");

        var workers = app.MapGroup("/api/internal/google").WithTags("Internal (workers)").AddEndpointFilter<RetryOnConcurrencyConflict>()
            .RequireRateLimiting(RateLimitPolicies.Api).RequirePermission(Permissions.InternalAccess);
        workers.MapGet("/connections/{id:guid}/credential", (Guid id, GoogleConnections connections, CancellationToken ct) => connections.CredentialAsync(id, ct).ToOk())
            .WithName("GoogleCredential").WithSummary("The credential in the clear, with the cached access token while it is good");
        workers.MapPut("/connections/{id:guid}/token", (Guid id, GoogleTokenReport report, GoogleConnections connections, CancellationToken ct) => connections.ReportTokenAsync(id, report, ct).ToOk())
            .WithName("ReportGoogleToken").ProducesValidationProblem().WithSummary("A new access token (stored encrypted), or the error that needs a person");
        workers.MapGet("/calendar/targets", (ChefCalendars calendars, CancellationToken ct) => calendars.TargetsAsync(ct))
            .WithName("CalendarSyncTargets").WithSummary("Every linked chef calendar, with its sync token and push channel");
        workers.MapPost("/calendar/chefs/{id:guid}/start", (Guid id, ChefCalendars calendars, CancellationToken ct) => calendars.TargetAsync(id, true, ct).ToOk())
            .WithName("StartCalendarSync").WithSummary("A sync of this chef's calendar begins (shown to staff as running)");
        workers.MapPut("/calendar/chefs/{id:guid}/busy", (Guid id, CalendarBusyReport report, ChefCalendars calendars, CancellationToken ct) => calendars.IngestAsync(id, report, ct).ToOk())
            .WithName("ReportCalendarBusy").ProducesValidationProblem().WithSummary("What a sync read (full or changes), or why it failed; returns new conflicts");
        workers.MapPut("/calendar/chefs/{id:guid}/watch", (Guid id, CalendarWatchReport report, ChefCalendars calendars, CancellationToken ct) => calendars.ReportWatchAsync(id, report, ct).ToNoContent())
            .WithName("ReportCalendarWatch").ProducesValidationProblem().WithSummary("The push channel Google opened (or that it was stopped)");
        workers.MapGet("/calendar/bookings/{id:guid}", (Guid id, ChefCalendars calendars, CancellationToken ct) => calendars.PlanAsync(id, ct).ToOk())
            .WithName("BookingCalendarPlan").WithSummary("The event the booking should have on its chef's calendar, and the ones to delete");
        workers.MapGet("/calendar/stale-bookings", (Guid? chefId, int? limit, ChefCalendars calendars, CancellationToken ct) =>
                calendars.StaleBookingsAsync(chefId, Math.Clamp(limit ?? 200, 1, 1000), ct))
            .WithName("StaleCalendarBookings").WithSummary("Bookings whose calendar event is missing, out of date, or on a calendar it should have left");
        workers.MapPut("/calendar/bookings/{id:guid}", (Guid id, BookingCalendarReport report, ChefCalendars calendars, CancellationToken ct) => calendars.ReportBookingEventsAsync(id, report, ct).ToNoContent())
            .WithName("ReportBookingCalendar").WithSummary("The booking's events were written or deleted");
        workers.MapGet("/business/targets", (Guid? stationId, BusinessProfile profile, CancellationToken ct) => profile.TargetsAsync(stationId, ct))
            .WithName("BusinessSyncTargets").WithSummary("The linked Business Profile locations, with the hours to write when they changed");
        workers.MapPut("/business/{stationId:guid}/reviews", (Guid stationId, GoogleReviewsReport report, BusinessProfile profile, CancellationToken ct) =>
                profile.IngestReviewsAsync(stationId, report, ct).ToOk())
            .WithName("ReportGoogleReviews").ProducesValidationProblem().WithSummary("The reviews read (or why the read failed); returns the new negative ones");
        workers.MapPut("/business/{stationId:guid}/hours", (Guid stationId, BusinessHoursReport report, BusinessProfile profile, CancellationToken ct) =>
                profile.ReportHoursAsync(stationId, report, ct).ToNoContent())
            .WithName("ReportBusinessHours").WithSummary("The hours were written to Google (or why not)");
        workers.MapGet("/reviews/{id:guid}/reply", (Guid id, BusinessProfile profile, CancellationToken ct) => profile.ReplyToPostAsync(id, ct).ToOk())
            .WithName("GoogleReplyToPost").WithSummary("An approved reply, with where to post it");
        workers.MapPut("/reviews/{id:guid}/reply", (Guid id, ReviewReplyReport report, BusinessProfile profile, CancellationToken ct) => profile.ReportReplyAsync(id, report, ct).ToNoContent())
            .WithName("ReportGoogleReply").WithSummary("The reply was posted (or Google refused it)");
        return app;
    }

    private static async Task<IResult> Feed(Guid id, string? token, ChefCalendars calendars, CancellationToken cancellationToken) =>
        await calendars.FeedAsync(id, token, cancellationToken) is { } ics
            ? TypedResults.Text(ics, "text/calendar; charset=utf-8")
            : Failure.NotFound("Calendar feed").ToResult();

    private static async Task<Results<Ok, ProblemHttpResult>> Notified(HttpRequest request, ChefCalendars calendars, CancellationToken cancellationToken)
    {
        var headers = request.Headers;
        var result = await calendars.NotifiedAsync(headers["X-Goog-Channel-ID"], headers["X-Goog-Channel-Token"], headers["X-Goog-Resource-ID"],
            headers["X-Goog-Resource-State"], cancellationToken);
        return result.Succeeded ? TypedResults.Ok() : result.Failure!.ToResult();
    }
}
