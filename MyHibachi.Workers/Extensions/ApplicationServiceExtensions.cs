using MyHibachi.ApiClients;
using MyHibachi.Channels;
using MyHibachi.Workers.Channels;
using MyHibachi.Workers.Inbox;
using MyHibachi.Contracts.Events;
using MyHibachi.Workers.Jobs;
using MyHibachi.Workers.Messaging;
using MyHibachi.Workers.Notifications;
using MyHibachi.Workers.Payments;

namespace MyHibachi.Workers.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddRabbitMQClient(ResourceNames.RabbitMq, settings => settings.DisableHealthChecks = true);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ServiceCredentials>().BindConfiguration(ServiceCredentials.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServiceTokenSource>();
        services.AddTransient<ServiceTokenHandler>();
        // The Workers call the Api with their own service token (client credentials), fetched through the anonymous AuthClient.
        services.AddApiClient<AuthClient>();
        services.AddApiClients(client => client.AddHttpMessageHandler<ServiceTokenHandler>());
        services.AddScoped<ProcessedMessages>();

        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<EmailTemplates>();
        services.AddOptions<BusinessOptions>().BindConfiguration(BusinessOptions.Section);

        services.AddConsumer("notifications")
            .Handle<BookingCreated, BookingNotifications>()
            .Handle<BookingStatusChanged, BookingNotifications>(BookingStatusChanged.Confirmed, BookingStatusChanged.Cancelled)
            .Handle<BookingRescheduled, BookingNotifications>();
        services.AddConsumer("lead-follow-up").Handle<LeadCaptured, LeadFollowUp>();
        services.AddConsumer("account-emails")
            .Handle<UserRegistered, AccountEmails>()
            .Handle<PasswordResetRequested, AccountEmails>();
        services.AddConsumer("payments")
            .Handle<PaymentRecorded, PaymentNotifications>()
            .Handle<BalancePaymentFailed, PaymentNotifications>()
            .Handle<RefundRecorded, PaymentNotifications>()
            .Handle<BookingStatusChanged, PaymentNotifications>(BookingStatusChanged.Cancelled);
        services.AddConsumer("price-changes").Handle<PriceChanged, PriceChangeNotifications>();

        // The inbox: the assistant's turn, sending on each channel, calls, mentions.
        services.AddOptions<ChannelOptions>().BindConfiguration(ChannelOptions.Section);
        services.AddHttpClient<RingCentralClient>(client => client.Timeout = TimeSpan.FromSeconds(60));
        services.AddHttpClient<MetaClient>(client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient<DeepgramClient>(client => client.Timeout = TimeSpan.FromMinutes(5));
        services.AddSingleton<SpeechSynthesizer>();
        services.AddScoped<ChannelSender>();
        services.AddConsumer("inbox").Handle<InboxMessageReceived, InboxAnswering>();
        services.AddConsumer("inbox-sending")
            .Handle<InboxMessageQueued, InboxSending>()
            .Handle<CommentModerated, CommentModerating>();
        services.AddConsumer("calls").Handle<CallEnded, CallProcessing>();
        services.AddConsumer("inbox-mentions").Handle<StaffMentioned, MentionEmails>();
        services.AddHostedService<InboxSweepJob>();
        services.AddHostedService<InboundMailPoller>();
        services.AddHostedService<NightlyPurge>();
        services.AddHostedService<PaymentReconciliationJob>();
        services.AddHostedService<BalanceChargeJob>();
        services.AddHostedService<AbandonedQuoteFollowUp>();
        services.AddHostedService<Reviews.ReviewRequestJob>();
        services.AddHostedService<Reviews.LoyaltySettleJob>();

        // Google: one OAuth layer and back-off for every API (the standard resilience handler is replaced by Google's own rules).
        services.AddOptions<Google.GoogleOptions>().BindConfiguration(Google.GoogleOptions.Section);
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out of the defaults.
        services.AddHttpClient<Google.GoogleApi>(client => client.Timeout = TimeSpan.FromSeconds(100)).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddHttpClient<Google.IcsImporter>(client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<Google.GoogleCalendar>();
        services.AddScoped<Google.CalendarSync>();
        services.AddConsumer("calendar-sync").Handle<CalendarSyncRequested, Google.CalendarSyncing>();
        services.AddConsumer("calendar-events")
            .Handle<BookingCreated, Google.BookingCalendarEvents>()
            .Handle<BookingStatusChanged, Google.BookingCalendarEvents>(BookingStatusChanged.Confirmed, BookingStatusChanged.Cancelled)
            .Handle<BookingChefAssigned, Google.BookingCalendarEvents>()
            .Handle<BookingRescheduled, Google.BookingCalendarEvents>()
            .Handle<BookingHoldReleased, Google.BookingCalendarEvents>();
        services.AddHostedService<Google.CalendarSyncJob>();
        services.AddScoped<Google.GoogleBusinessProfile>();
        services.AddScoped<Google.BusinessProfileSync>();
        services.AddConsumer("google-sync").Handle<GoogleSyncRequested, Google.GoogleSyncing>();
        services.AddConsumer("google-replies").Handle<ReviewReplyApproved, Google.ReviewReplyPosting>();
        services.AddConsumer("google-alerts")
            .Handle<CpaAlertsFired, Google.GoogleAlertEmails>()
            .Handle<NegativeGoogleReviews, Google.GoogleAlertEmails>();
        services.AddHostedService<Google.BusinessProfileSyncJob>();
        services.AddScoped<Google.GoogleMarketing>();
        services.AddScoped<Google.MarketingSync>();
        services.AddHostedService<Google.MarketingSyncJob>();
        return builder;
    }
}
