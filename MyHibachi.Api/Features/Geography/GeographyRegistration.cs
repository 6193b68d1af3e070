namespace MyHibachi.Api.Features.Geography;

public static class GeographyRegistration
{
    /// <summary>ZIP centroids, the travel distance (great-circle, or Google's driving distance when configured) and the service area.</summary>
    public static IServiceCollection AddGeography(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => ZipCentroids.LoadShipped());
        services.AddOptions<TravelOptions>().BindConfiguration(TravelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var travel = configuration.GetSection(TravelOptions.Section).Get<TravelOptions>() ?? new TravelOptions();
        if (travel.UsesGoogle)
        {
            services.AddHttpClient<ITravelDistance, GoogleDistanceMatrix>(client => client.BaseAddress = new Uri(travel.GoogleBaseUrl));
        }
        else
        {
            services.AddSingleton<ITravelDistance, GreatCircleDistance>();
        }

        return services.AddScoped<ServiceArea>();
    }
}
