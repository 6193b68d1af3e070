using MyHibachi.Workers.Jobs;
using MyHibachi.Workers.Messaging;
using MyHibachi.Workers.Notifications;

namespace MyHibachi.Workers.Extensions;

public static class ApplicationServiceExtensions
{
    public const string ApiBaseAddress = "https+http://" + ResourceNames.Api;

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddRabbitMQClient(ResourceNames.RabbitMq, settings => settings.DisableHealthChecks = true);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ServiceCredentials>().BindConfiguration(ServiceCredentials.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServiceTokenSource>();
        services.AddTransient<ServiceTokenHandler>();
        services.AddHttpClient(ServiceTokenSource.ClientName, client => client.BaseAddress = new Uri(ApiBaseAddress));
        services.AddHttpClient<HibachiApi>(client => client.BaseAddress = new Uri(ApiBaseAddress)).AddHttpMessageHandler<ServiceTokenHandler>();
        services.AddScoped<Inbox>();

        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EmailSender>();

        services.AddConsumer<BookingNotifications>();
        services.AddConsumer<LeadFollowUp>();
        services.AddConsumer<AccountEmails>();
        services.AddHostedService<NightlyPurge>();
        services.AddHostedService<AbandonedQuoteFollowUp>();
        return builder;
    }

    private static void AddConsumer<THandler>(this IServiceCollection services) where THandler : class, IEventHandler
    {
        services.AddScoped<THandler>();
        services.AddHostedService<EventConsumer<THandler>>();
    }
}
