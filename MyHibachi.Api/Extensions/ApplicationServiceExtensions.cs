using MyHibachi.Api.Data;
using MyHibachi.ServiceDefaults.Health;

namespace MyHibachi.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<HibachiDbContext>(ResourceNames.Database, settings => settings.DisableHealthChecks = true);
        builder.AddRedisClient(ResourceNames.Redis, settings => settings.DisableHealthChecks = true);
        builder.AddRabbitMQClient(ResourceNames.RabbitMq, settings => settings.DisableHealthChecks = true);

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<HibachiDbContext>("postgres", tags: [ServiceDefaultsExtensions.ReadyTag])
            .AddCheck<RedisReadyCheck>("redis", tags: [ServiceDefaultsExtensions.ReadyTag])
            .AddCheck<RabbitMqReadyCheck>("rabbitmq", tags: [ServiceDefaultsExtensions.ReadyTag]);

        return builder;
    }
}
