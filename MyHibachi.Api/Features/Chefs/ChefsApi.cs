using MyHibachi.Api.Data.Configurations;
using MyHibachi.Api.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Chefs;

public static class ChefsApi
{
    public static IServiceCollection AddChefs(this IServiceCollection services) => services
        .AddScoped<ChefService>()
        .AddScoped<ChefScheduleService>()
        .AddDeletableType("chef",
            "SELECT id, first_name || ' ' || last_name AS label, deleted_at, deleted_by, delete_reason AS reason FROM chefs WHERE deleted_at IS NOT NULL",
            id => $"/api/chefs/{id}/restore")
        .AddConstraintProblem(ChefConfiguration.EmailIndex, new Failure(StatusCodes.Status409Conflict, ProblemCodes.EmailInUse,
            "A chef with this email already exists.", null, new ValidationErrors().Add("email", "This email belongs to another chef.").ToDictionary()));

    public static IEndpointRouteBuilder MapChefsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/chefs").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api).WithTags("Chefs").RequireFeature(FeatureFlags.CoreApi).RequireStaff();

        api.MapGet("", ListChefs).WithName("ListChefs").WithSummary("Chefs, paged and filtered").ProducesValidationProblem().RequirePermission(Permissions.ChefsRead);
        api.MapGet("/{id:guid}", GetChef).WithName("GetChef").WithSummary("One chef with weekly hours, date overrides and time off").RequirePermission(Permissions.ChefsRead);
        api.MapPost("", CreateChef).WithName("CreateChef").WithSummary("Add a chef with weekly hours").RequirePermission(Permissions.ChefsWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/{id:guid}", UpdateChef).WithName("UpdateChef")
            .WithSummary("Change a chef; workingHours, when sent, replaces the weekly schedule (honours If-Match)").RequirePermission(Permissions.ChefsWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapDelete("/{id:guid}", DeleteChef).WithName("DeleteChef").WithSummary("Soft-delete a chef with a reason").RequirePermission(Permissions.ChefsDelete)
            .ProducesValidationProblem().RequireFeature(FeatureFlags.SoftDelete);
        api.MapPost("/{id:guid}/restore", RestoreChef).WithName("RestoreChef").WithSummary("Restore a chef deleted in the last 30 days").RequirePermission(Permissions.ChefsDelete)
            .RequireFeature(FeatureFlags.SoftDelete);
        api.MapPut("/{id:guid}/date-overrides/{date}", SetDateOverride).WithName("SetChefDateOverride")
            .WithSummary("Set other hours, or a day off, for one local date").ProducesValidationProblem().RequirePermission(Permissions.ChefsSchedule);
        api.MapDelete("/{id:guid}/date-overrides/{date}", RemoveDateOverride).WithName("RemoveChefDateOverride")
            .WithSummary("Go back to the weekly hours on that date").RequirePermission(Permissions.ChefsSchedule);
        api.MapPost("/{id:guid}/time-off", AddTimeOff).WithName("AddChefTimeOff")
            .WithSummary("Block time off (refused when it clashes with a booking)").ProducesValidationProblem().RequirePermission(Permissions.ChefsSchedule);
        api.MapDelete("/{id:guid}/time-off/{timeOffId:guid}", RemoveTimeOff).WithName("RemoveChefTimeOff")
            .WithSummary("Cancel a time off").RequirePermission(Permissions.ChefsSchedule);

        return app;
    }

    public static async Task<Results<Ok<PagedList<ChefDto>>, ProblemHttpResult>> ListChefs(
        [AsParameters] ChefListQuery query, ChefService chefs, CancellationToken cancellationToken)
    {
        return (await chefs.ListAsync(query, cancellationToken)).ToOk();
    }

    public static async Task<Results<Ok<ChefDetailDto>, ProblemHttpResult>> GetChef(Guid id, ChefService chefs, HttpContext context, CancellationToken cancellationToken)
    {
        var chef = await chefs.FindAsync(id, cancellationToken);
        if (chef is null)
        {
            return Failure.NotFound("Chef").ToResult();
        }

        ETags.Set(context, chef.Version);
        return TypedResults.Ok(chefs.ToDetail(chef));
    }

    public static async Task<Results<Created<ChefDetailDto>, ProblemHttpResult>> CreateChef(
        ChefRequest request, ChefService chefs, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await chefs.CreateAsync(request, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure.ToResult();
        }

        ETags.Set(context, result.Value.Version);
        return TypedResults.Created($"/api/chefs/{result.Value.Id}", chefs.ToDetail(result.Value));
    }

    public static async Task<Results<Ok<ChefDetailDto>, ProblemHttpResult>> UpdateChef(
        Guid id, ChefRequest request, ChefService chefs, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(context.Request, out var version))
        {
            return ETags.UnreadableIfMatch().ToResult();
        }

        var result = await chefs.UpdateAsync(id, request, version, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure.ToResult();
        }

        ETags.Set(context, result.Value.Version);
        return TypedResults.Ok(chefs.ToDetail(result.Value));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteChef(
        Guid id, [FromBody] DeleteRequest? request, ChefService chefs, CancellationToken cancellationToken) =>
        await chefs.DeleteAsync(id, request, cancellationToken).ToNoContent();

    public static async Task<Results<Ok<ChefDetailDto>, ProblemHttpResult>> RestoreChef(Guid id, ChefService chefs, CancellationToken cancellationToken) =>
        (await chefs.RestoreAsync(id, cancellationToken)).ToOk(chefs.ToDetail);

    public static async Task<Results<Ok<ChefDetailDto>, ProblemHttpResult>> SetDateOverride(
        Guid id, DateOnly date, DateOverrideRequest request, ChefScheduleService schedule, ChefService chefs, CancellationToken cancellationToken) =>
        (await schedule.SetDateOverrideAsync(id, date, request, cancellationToken)).ToOk(chefs.ToDetail);

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveDateOverride(Guid id, DateOnly date, ChefScheduleService schedule, CancellationToken cancellationToken) =>
        await schedule.RemoveDateOverrideAsync(id, date, cancellationToken).ToNoContent();

    public static async Task<Results<Created<TimeOffDto>, ProblemHttpResult>> AddTimeOff(
        Guid id, TimeOffRequest request, ChefScheduleService schedule, CancellationToken cancellationToken)
    {
        var result = await schedule.AddTimeOffAsync(id, request, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure.ToResult();
        }

        var timeOff = result.Value;
        return TypedResults.Created($"/api/chefs/{id}/time-off/{timeOff.Id}", new TimeOffDto(timeOff.Id, timeOff.StartsAt, timeOff.EndsAt, timeOff.Reason));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveTimeOff(Guid id, Guid timeOffId, ChefScheduleService schedule, CancellationToken cancellationToken) =>
        await schedule.RemoveTimeOffAsync(id, timeOffId, cancellationToken).ToNoContent();
}
