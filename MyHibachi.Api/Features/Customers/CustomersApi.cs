using MyHibachi.Api.Data.Configurations;
using MyHibachi.Api.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Customers;

public static class CustomersApi
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) => services
        .AddScoped<CustomerService>()
        .AddDeletableType("customer",
            "SELECT id, first_name || ' ' || last_name || ' <' || email || '>' AS label, deleted_at, deleted_by, delete_reason AS reason FROM customers WHERE deleted_at IS NOT NULL",
            id => $"/api/customers/{id}/restore")
        .AddConstraintProblem(CustomerConfiguration.EmailIndex, new Failure(StatusCodes.Status409Conflict, ProblemCodes.EmailInUse,
            "A customer with this email already exists.", null, new ValidationErrors().Add("email", "This email belongs to another customer.").ToDictionary()));

    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/customers").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api).WithTags("Customers").RequireFeature(FeatureFlags.CoreApi).RequireStaff();

        api.MapGet("", ListCustomers).WithName("ListCustomers")
            .WithSummary("Customers, paged, filtered by station and text (name, email, phone), sorted")
            .ProducesValidationProblem().RequirePermission(Permissions.CustomersRead);
        api.MapGet("/{id:guid}", GetCustomer).WithName("GetCustomer").WithSummary("One customer (with ETag)").RequirePermission(Permissions.CustomersRead);
        api.MapPost("", CreateCustomer).WithName("CreateCustomer").WithSummary("Add a customer").RequirePermission(Permissions.CustomersWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/{id:guid}", UpdateCustomer).WithName("UpdateCustomer").WithSummary("Change a customer (honours If-Match)").RequirePermission(Permissions.CustomersWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapDelete("/{id:guid}", DeleteCustomer).WithName("DeleteCustomer")
            .WithSummary("Soft-delete a customer with a reason (10–500 characters); restorable for 30 days")
            .ProducesValidationProblem().RequireFeature(FeatureFlags.SoftDelete).RequirePermission(Permissions.CustomersDelete);
        api.MapPost("/{id:guid}/restore", RestoreCustomer).WithName("RestoreCustomer")
            .WithSummary("Restore a customer deleted in the last 30 days").RequireFeature(FeatureFlags.SoftDelete).RequirePermission(Permissions.CustomersDelete);

        return app;
    }

    public static async Task<Results<Ok<PagedList<CustomerDto>>, ProblemHttpResult>> ListCustomers(
        [AsParameters] CustomerListQuery query, CustomerService customers, CancellationToken cancellationToken) =>
        (await customers.ListAsync(query, cancellationToken)).ToOk();

    public static async Task<Results<Ok<CustomerDto>, ProblemHttpResult>> GetCustomer(Guid id, CustomerService customers, HttpContext context, CancellationToken cancellationToken)
    {
        var customer = await customers.FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return Failure.NotFound("Customer").ToResult();
        }

        ETags.Set(context, customer.Version);
        return TypedResults.Ok(CustomerService.ToDto(customer));
    }

    public static async Task<Results<Created<CustomerDto>, ProblemHttpResult>> CreateCustomer(
        CustomerRequest request, CustomerService customers, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await customers.CreateAsync(request, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure.ToResult();
        }

        ETags.Set(context, result.Value.Version);
        return TypedResults.Created($"/api/customers/{result.Value.Id}", CustomerService.ToDto(result.Value));
    }

    public static async Task<Results<Ok<CustomerDto>, ProblemHttpResult>> UpdateCustomer(
        Guid id, CustomerRequest request, CustomerService customers, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(context.Request, out var version))
        {
            return ETags.UnreadableIfMatch().ToResult();
        }

        var result = await customers.UpdateAsync(id, request, version, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure.ToResult();
        }

        ETags.Set(context, result.Value.Version);
        return TypedResults.Ok(CustomerService.ToDto(result.Value));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteCustomer(
        Guid id, [FromBody] DeleteRequest? request, CustomerService customers, CancellationToken cancellationToken) =>
        await customers.DeleteAsync(id, request, cancellationToken).ToNoContent();

    public static async Task<Results<Ok<CustomerDto>, ProblemHttpResult>> RestoreCustomer(Guid id, CustomerService customers, CancellationToken cancellationToken)
    {
        var result = await customers.RestoreAsync(id, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(CustomerService.ToDto(result.Value)) : result.Failure.ToResult();
    }
}
