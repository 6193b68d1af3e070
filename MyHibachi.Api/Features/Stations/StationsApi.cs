using Microsoft.AspNetCore.Http.HttpResults;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Stations;

public static class StationsApi
{
    public static IServiceCollection AddStations(this IServiceCollection services) => services.AddScoped<StationService>();

    public static IEndpointRouteBuilder MapStationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stations").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api).WithTags("Stations").RequireFeature(FeatureFlags.CoreApi);

        api.MapGet("", ListStations).WithName("ListStations").WithSummary("Active stations (service regions)");
        api.MapGet("/{id:guid}", GetStation).WithName("GetStation").WithSummary("One station");
        api.MapPost("", CreateStation).WithName("CreateStation").WithSummary("Open a new station").RequirePermission(Permissions.StationsCreate)
            .ProducesValidationProblem();
        api.MapPut("/{id:guid}", UpdateStation).WithName("UpdateStation").WithSummary("Change a station (honours If-Match)")
            .RequirePermission(Permissions.StationsWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);

        app.MapGet("/api/service-area", CheckServiceArea)
            .RequireRateLimiting(RateLimitPolicies.Api).WithTags("Stations").WithName("CheckServiceArea")
            .WithSummary("Is this ZIP code served, by which station, and at what travel fee")
            .RequireFeature(FeatureFlags.CoreApi);

        return app;
    }

    public static async Task<Ok<IReadOnlyList<StationDto>>> ListStations(StationService stations, AccessScope scope, bool? includeInactive, CancellationToken cancellationToken) =>
        TypedResults.Ok(await stations.ListAsync(includeInactive == true && scope.IsStaff, cancellationToken));

    public static async Task<Results<Ok<StationDto>, ProblemHttpResult>> GetStation(Guid id, StationService stations, HttpContext context, CancellationToken cancellationToken)
    {
        var station = await stations.FindAsync(id, cancellationToken);
        if (station is null)
        {
            return Failure.NotFound("Station").ToResult();
        }

        ETags.Set(context, station.Version);
        return TypedResults.Ok(StationService.ToDto(station));
    }

    public static async Task<Results<Created<StationDto>, ProblemHttpResult>> CreateStation(StationRequest request, StationService stations, CancellationToken cancellationToken)
    {
        var result = await stations.CreateAsync(request, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/stations/{result.Value.Id}", StationService.ToDto(result.Value))
            : result.Failure.ToResult();
    }

    public static async Task<Results<Ok<StationDto>, ProblemHttpResult>> UpdateStation(
        Guid id, StationRequest request, StationService stations, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(context.Request, out var version))
        {
            return ETags.UnreadableIfMatch().ToResult();
        }

        var result = await stations.UpdateAsync(id, request, version, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure.ToResult();
        }

        ETags.Set(context, result.Value.Version);
        return TypedResults.Ok(StationService.ToDto(result.Value));
    }

    public static async Task<Ok<ServiceAreaDto>> CheckServiceArea(string? zip, StationService stations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await stations.CheckServiceAreaAsync(zip, cancellationToken));
}
