using Microsoft.Extensions.Configuration;

namespace MyHibachi.AppHost.Infrastructure;

public static class ConfigurationForwarding
{
    /// <summary>
    /// Passes every setting under an AppHost section on to the service as environment variables:
    /// <c>--Api:RateLimiting:PermitPerMinute=500</c> reaches the Api as <c>RateLimiting__PermitPerMinute</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithForwardedConfiguration(this IResourceBuilder<ProjectResource> project, IConfigurationSection section) =>
        project.WithEnvironment(context =>
        {
            foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
            {
                if (value is not null)
                {
                    context.EnvironmentVariables[key.Replace(":", "__", StringComparison.Ordinal)] = value;
                }
            }
        });

    /// <summary>The seed's environment names for the RingCentral settings, accepted beside Channels:RingCentral:*.</summary>
    public static readonly IReadOnlyDictionary<string, string> SeedNames = new Dictionary<string, string>
    {
        ["RC_CLIENT_ID"] = "Channels:RingCentral:ClientId",
        ["RC_CLIENT_SECRET"] = "Channels:RingCentral:ClientSecret",
        ["RC_WEBHOOK_SECRET"] = "Channels:RingCentral:WebhookSecret",
        ["RC_JWT"] = "Channels:RingCentral:Jwt",
        ["RC_SERVER_URL"] = "Channels:RingCentral:ServerUrl",
        ["RC_FROM_NUMBER"] = "Channels:RingCentral:FromNumber",
    };

    /// <summary>
    /// Passes a shared section (e.g. Channels, read by the Api and the Workers alike) on under its own
    /// name: <c>--Channels:Meta:AppSecret=…</c> reaches the service as <c>Channels__Meta__AppSecret</c>.
    /// The seed's RC_* variables fill the RingCentral settings they name.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSharedConfiguration(this IResourceBuilder<ProjectResource> project, IConfiguration configuration, string section) =>
        project.WithEnvironment(context =>
        {
            foreach (var (name, key) in SeedNames)
            {
                if (key.StartsWith(section + ":", StringComparison.Ordinal) && configuration[name] is { Length: > 0 } value)
                {
                    context.EnvironmentVariables[key.Replace(":", "__", StringComparison.Ordinal)] = value;
                }
            }

            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null)
                {
                    context.EnvironmentVariables[key.Replace(":", "__", StringComparison.Ordinal)] = value;
                }
            }
        });
}
