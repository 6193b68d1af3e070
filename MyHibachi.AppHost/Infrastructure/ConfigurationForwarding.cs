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
}
