using MyHibachi.Api.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Leads;

public static class LeadsApi
{
    public static IServiceCollection AddLeads(this IServiceCollection services) => services
        .AddScoped<LeadCapture>()
        .AddScoped<LeadService>()
        .AddDeletableType("lead",
            "SELECT id, coalesce(name, email, phone, 'lead') AS label, deleted_at, deleted_by, delete_reason AS reason FROM leads WHERE deleted_at IS NOT NULL",
            id => $"/api/admin/leads/{id}/restore");

    public static IEndpointRouteBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/leads", Inquire)
            .AddEndpointFilter<RetryOnConcurrencyConflict>()
            .RequireRateLimiting(RateLimitPolicies.Api).WithTags("Leads").WithName("CreateInquiry")
            .WithSummary("Ask to be contacted (name and an email or phone)")
            .ProducesValidationProblem()
            .RequireFeature(FeatureFlags.CoreApi);

        var admin = app.MapGroup("/api/admin/leads").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api).WithTags("Lead queue").RequireFeature(FeatureFlags.CoreApi).RequireStaff();
        admin.MapGet("", ListLeads).WithName("ListLeads")
            .WithSummary("The lead queue: filter by status, source, station, text or mine; newest attempt first").ProducesValidationProblem()
            .RequirePermission(Permissions.LeadsRead);
        admin.MapGet("/{id:guid}", GetLead).WithName("GetLead").WithSummary("One lead with its notes").RequirePermission(Permissions.LeadsRead);
        admin.MapPost("/{id:guid}/claim", ClaimLead).WithName("ClaimLead")
            .WithSummary("Take the lead (force=true takes it from a colleague)").ProducesProblem(StatusCodes.Status409Conflict)
            .RequirePermission(Permissions.LeadsWrite);
        admin.MapPost("/{id:guid}/status", SetLeadStatus).WithName("SetLeadStatus").WithSummary("Move the lead to another status, with an optional note")
            .ProducesValidationProblem().RequirePermission(Permissions.LeadsWrite);
        admin.MapPost("/{id:guid}/notes", AddLeadNote).WithName("AddLeadNote").WithSummary("Add a note").ProducesValidationProblem()
            .RequirePermission(Permissions.LeadsWrite);
        admin.MapDelete("/{id:guid}", DeleteLead).WithName("DeleteLead").WithSummary("Soft-delete a lead with a reason")
            .ProducesValidationProblem().RequireFeature(FeatureFlags.SoftDelete).RequirePermission(Permissions.LeadsDelete);
        admin.MapPost("/{id:guid}/restore", RestoreLead).WithName("RestoreLead").WithSummary("Restore a lead deleted in the last 30 days")
            .RequireFeature(FeatureFlags.SoftDelete).RequirePermission(Permissions.LeadsDelete);
        return app;
    }

    public static async Task<Results<Accepted<LeadReceipt>, ProblemHttpResult>> Inquire(InquiryRequest request, LeadService leads, CancellationToken cancellationToken)
    {
        var result = await leads.InquireAsync(request, cancellationToken);
        return result.Succeeded
            ? TypedResults.Accepted((string?)null, new LeadReceipt(result.Value.Id, "Thanks! We'll be in touch within one business day."))
            : result.Failure.ToResult();
    }

    public static async Task<Results<Ok<PagedList<LeadDto>>, ProblemHttpResult>> ListLeads([AsParameters] LeadListQuery query, LeadService leads, CancellationToken cancellationToken)
    {
        return (await leads.ListAsync(query, cancellationToken)).ToOk();
    }

    public static async Task<Results<Ok<LeadDto>, ProblemHttpResult>> GetLead(Guid id, LeadService leads, CancellationToken cancellationToken)
    {
        var lead = await leads.FindAsync(id, cancellationToken);
        return lead is null ? Failure.NotFound("Lead").ToResult() : TypedResults.Ok(LeadService.ToDto(lead));
    }

    public static async Task<Results<Ok<LeadDto>, ProblemHttpResult>> ClaimLead(Guid id, bool? force, LeadService leads, CancellationToken cancellationToken) =>
        (await leads.ClaimAsync(id, force == true, cancellationToken)).ToOk(LeadService.ToDto);

    public static async Task<Results<Ok<LeadDto>, ProblemHttpResult>> SetLeadStatus(Guid id, LeadStatusRequest request, LeadService leads, CancellationToken cancellationToken) =>
        (await leads.SetStatusAsync(id, request, cancellationToken)).ToOk(LeadService.ToDto);

    public static async Task<Results<Ok<LeadDto>, ProblemHttpResult>> AddLeadNote(Guid id, LeadNoteRequest request, LeadService leads, CancellationToken cancellationToken) =>
        (await leads.AddNoteAsync(id, request, cancellationToken)).ToOk(LeadService.ToDto);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteLead(Guid id, [FromBody] DeleteRequest? request, LeadService leads, CancellationToken cancellationToken) =>
        await leads.DeleteAsync(id, request, cancellationToken).ToNoContent();

    public static async Task<Results<Ok<LeadDto>, ProblemHttpResult>> RestoreLead(Guid id, LeadService leads, CancellationToken cancellationToken) =>
        (await leads.RestoreAsync(id, cancellationToken)).ToOk(LeadService.ToDto);
}
