using Microsoft.Extensions.DependencyInjection;

namespace MyHibachi.ApiClients;

public static class ApiClientRegistration
{
    /// <summary>The Api's address through Aspire service discovery.</summary>
    public const string ApiBaseAddress = "https+http://" + ResourceNames.Api;

    /// <summary>
    /// Registers one typed client per Api area, each on the Api's address with the caller's handler
    /// chain (the site adds the visitor's address and the user's token; the Workers their service token).
    /// </summary>
    public static IServiceCollection AddApiClients(this IServiceCollection services, Action<IHttpClientBuilder> handlers)
    {
        handlers(services.AddApiClient<CatalogClient>());
        handlers(services.AddApiClient<BookingsClient>());
        handlers(services.AddApiClient<CustomersClient>());
        handlers(services.AddApiClient<ChefsClient>());
        handlers(services.AddApiClient<StationsClient>());
        handlers(services.AddApiClient<LeadsClient>());
        handlers(services.AddApiClient<UsersClient>());
        handlers(services.AddApiClient<AdminClient>());
        handlers(services.AddApiClient<InternalClient>());
        handlers(services.AddApiClient<PaymentsClient>());
        handlers(services.AddApiClient<PricingClient>());
        handlers(services.AddApiClient<AssistantClient>());
        handlers(services.AddApiClient<InboxClient>());
        handlers(services.AddApiClient<ReviewsClient>());
        handlers(services.AddApiClient<LoyaltyClient>());
        handlers(services.AddApiClient<GoogleClient>());
        handlers(services.AddApiClient<MarketingClient>());
        return services;
    }

    public static IHttpClientBuilder AddApiClient<TClient>(this IServiceCollection services) where TClient : ApiClient =>
        services.AddHttpClient<TClient>(client => client.BaseAddress = new Uri(ApiBaseAddress));
}
