using MyHibachi.ServiceDefaults.Health;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Extensions;

public static class ApplicationServiceExtensions
{
    public const string ApiBaseAddress = "https+http://" + ResourceNames.Api;

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ResourceNames.Redis, settings => settings.DisableHealthChecks = true);
        builder.Services.AddRazorPages();

        builder.Services.AddHttpClient<ApiReadyCheck>(client => client.BaseAddress = new Uri(ApiBaseAddress));
        builder.Services.AddHealthChecks()
            .AddCheck<ApiReadyCheck>("api", tags: [ServiceDefaultsExtensions.ReadyTag])
            .AddCheck<RedisReadyCheck>("redis", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
