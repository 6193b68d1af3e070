using Microsoft.AspNetCore.Http.HttpResults;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Users;

public static class UsersApi
{
    public static IServiceCollection AddUsers(this IServiceCollection services) => services.AddScoped<UserService>();

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users").RequireRateLimiting(RateLimitPolicies.Api).WithTags("Users and roles")
            .RequireStaff().RequirePermission(Permissions.UsersManage).AddEndpointFilter<RetryOnConcurrencyConflict>();
        users.MapGet("", ListUsers).WithName("ListUsers").WithSummary("Accounts, filtered by text and role").ProducesValidationProblem();
        users.MapGet("/{id:guid}", GetUser).WithName("GetUser").WithSummary("One account");
        users.MapPost("", CreateUser).WithName("CreateUser").WithSummary("Create a staff account with roles").ProducesValidationProblem();
        users.MapPut("/{id:guid}", UpdateUser).WithName("UpdateUser")
            .WithSummary("Change name, password, roles, station, chef or active; security changes end the account's sessions").ProducesValidationProblem();
        users.MapPost("/{id:guid}/unlock", UnlockUser).WithName("UnlockUser").WithSummary("Lift a sign-in lockout");

        var roles = app.MapGroup("/api/admin/roles").RequireRateLimiting(RateLimitPolicies.Api).WithTags("Users and roles")
            .RequireStaff().RequirePermission(Permissions.UsersManage).AddEndpointFilter<RetryOnConcurrencyConflict>();
        roles.MapGet("", ListRoles).WithName("ListRoles").WithSummary("Roles with their permissions, and every permission");
        roles.MapPut("/{name}", SetRolePermissions).WithName("SetRolePermissions").WithSummary("Replace a role's permissions").ProducesValidationProblem();
        return app;
    }

    public static async Task<Results<Ok<PagedList<UserDto>>, ProblemHttpResult>> ListUsers([AsParameters] UserListQuery query, UserService users, CancellationToken cancellationToken) =>
        (await users.ListAsync(query, cancellationToken)).ToOk();

    public static async Task<Results<Ok<UserDto>, ProblemHttpResult>> GetUser(Guid id, UserService users, CancellationToken cancellationToken) =>
        await users.GetAsync(id, cancellationToken) is { } user ? TypedResults.Ok(user) : Failure.NotFound("User").ToResult();

    public static async Task<Results<Created<UserDto>, ProblemHttpResult>> CreateUser(CreateUserRequest request, UserService users, CancellationToken cancellationToken)
    {
        var result = await users.CreateAsync(request, cancellationToken);
        return result.Succeeded ? TypedResults.Created($"/api/admin/users/{result.Value.Id}", result.Value) : result.Failure.ToResult();
    }

    public static async Task<Results<Ok<UserDto>, ProblemHttpResult>> UpdateUser(Guid id, UpdateUserRequest request, UserService users, CancellationToken cancellationToken) =>
        (await users.UpdateAsync(id, request, cancellationToken)).ToOk();

    public static async Task<Results<Ok<UserDto>, ProblemHttpResult>> UnlockUser(Guid id, UserService users, CancellationToken cancellationToken) =>
        (await users.UnlockAsync(id, cancellationToken)).ToOk();

    public static async Task<Ok<RolesDto>> ListRoles(UserService users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.RolesAsync(cancellationToken));

    public static async Task<Results<Ok<RolesDto>, ProblemHttpResult>> SetRolePermissions(string name, RolePermissionsRequest request, UserService users, CancellationToken cancellationToken) =>
        (await users.SetRolePermissionsAsync(name, request, cancellationToken)).ToOk();
}
