using System.Globalization;
using Microsoft.Extensions.Options;
using MyHibachi.ApiClients;
using MyHibachi.Workers.Jobs;
using MyHibachi.Workers.Notifications;
using MyHibachi.Workers.Notifications.Templates;

namespace MyHibachi.Workers.Reviews;

/// <summary>
/// Every hour: the customers of events completed a day ago or more get one e-mail asking for a
/// review, with a link that lets them write it without signing in. Marked sent after the e-mail went,
/// so a failed send is tried again at the next run.
/// </summary>
public sealed class ReviewRequestJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobOptions> options, ILogger<ReviewRequestJob> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now) => options.Value.ReviewRequestsEvery;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var api = services.GetRequiredService<ReviewsClient>();
        var email = services.GetRequiredService<EmailSender>();
        var templates = services.GetRequiredService<EmailTemplates>();
        var due = (await api.RequestsDueAsync(cancellationToken)).OrThrow("the review requests due");
        foreach (var request in due)
        {
            var chef = request.ChefName is null ? "your chef" : $"Chef {request.ChefName}";
            var model = new MessageEmailModel(request.FirstName, $"How was your hibachi party on {request.EventDate.ToString("d MMMM", CultureInfo.InvariantCulture)}?",
                [
                    $"Thank you for having us! We hope you and your guests enjoyed the show {chef} put on.",
                    "Would you tell others how it went? A few words, some stars and a photo or two help families like yours choose us, and they go straight to the chef.",
                ],
                [("Booking", request.Reference), ("Event", request.EventDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))],
                request.Link, "Write your review");
            var html = await templates.RenderMessageAsync(model);
            await email.SendAsync(email.Compose($"review-request-{request.BookingId}", request.FirstName, request.Email, model.Subject, model.Text, html), cancellationToken);
            (await api.RequestSentAsync(request.BookingId, cancellationToken)).OrThrow("marking the review request sent");
        }

        if (due.Count > 0)
        {
            logger.LogInformation("Asked {Count} customers for a review.", due.Count);
        }
    }
}
