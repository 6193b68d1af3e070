using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Features.Assistant.Agents;
using MyHibachi.Api.Features.Assistant.Knowledge;
using MyHibachi.Api.Features.Assistant.Llm;
using MyHibachi.Api.Features.Assistant.Routing;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Assistant;

public static class AssistantApi
{
    public const string ChatRateLimit = "chat";

    public static IServiceCollection AddAssistant(this IServiceCollection services)
    {
        services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ITextEmbedder, LocalEmbedder>();
        services.AddSingleton<AssistantModel>();
        services.AddHostedService<AssistantWarmUp>();
        services.AddOptions<QdrantOptions>().BindConfiguration(QdrantOptions.Section);
        services.AddSingleton<QdrantKnowledgeIndex>();
        services.AddScoped<KnowledgeBase>();
        services.AddScoped<KnowledgeSeed>();
        services.AddScoped<ReplyPhraser>();
        services.AddHttpClient(ReplyPhraser.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(60));
        services.AddScoped<IAssistantAgent, LeadNurturingAgent>();
        services.AddScoped<IAssistantAgent, CustomerCareAgent>();
        services.AddScoped<IAssistantAgent, OperationsAgent>();
        services.AddScoped<IAssistantAgent, KnowledgeAgent>();
        services.AddScoped<IAssistantAgent, DistanceAgent>();
        services.AddScoped<IAssistantAgent, MenuAgent>();
        services.AddScoped<IAssistantAgent, AllergenAgent>();
        services.AddScoped<AssistantService>();
        services.AddScoped<AssistantQueries>();
        services.AddRateLimitPolicy(ChatRateLimit, options => options.ChatPermitPerMinute);
        return services;
    }

    public static IEndpointRouteBuilder MapAssistantApi(this IEndpointRouteBuilder app)
    {
        var ai = app.MapGroup("/api/v1/ai").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api).WithTags("Assistant");
        ai.MapPost("/chat", Chat).WithName("Chat").RequireRateLimiting(ChatRateLimit).AllowAnonymous()
            .WithSummary("A message to the assistant: routed to one of seven agents, answered from the business's own data, or handed to a person")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        ai.MapGet("/agents", Agents).WithName("ListAgents").WithSummary("The seven agents and what each answers").AllowAnonymous();
        ai.MapGet("/conversations/{id:guid}", GetConversation).WithName("GetConversation").AllowAnonymous()
            .WithSummary("A conversation with its messages and escalations (its customer, the holder of an anonymous thread's id, or staff)");
        ai.MapPost("/escalate", Escalate).WithName("Escalate").AllowAnonymous().RequireRateLimiting(ChatRateLimit)
            .WithSummary("Hand the conversation to a person now").ProducesValidationProblem();

        var staff = ai.MapGroup("").RequireStaff();
        staff.MapGet("/conversations", ListConversations).WithName("ListConversations")
            .WithSummary("Conversations, newest first: filter by status, channel or text").ProducesValidationProblem()
            .RequirePermission(Permissions.ConversationsRead);
        staff.MapGet("/escalations", Queue).WithName("EscalationQueue")
            .WithSummary("The escalation queue: conversations waiting for a person, longest waiting first").RequirePermission(Permissions.ConversationsRead);
        staff.MapGet("/stats", Stats).WithName("AssistantStats")
            .WithSummary("Conversations, escalations and the share handled without a person over the last days").RequirePermission(Permissions.ConversationsRead);
        staff.MapPost("/conversations/{id:guid}/reply", Reply).WithName("StaffReply")
            .WithSummary("Reply as a person (takes the conversation over)").ProducesValidationProblem().RequirePermission(Permissions.ConversationsReply);
        staff.MapPost("/conversations/{id:guid}/takeover", TakeOver).WithName("TakeOverConversation")
            .WithSummary("Take the conversation over: the assistant stops answering").RequirePermission(Permissions.ConversationsReply);
        staff.MapPost("/conversations/{id:guid}/resume", Resume).WithName("ResumeConversation")
            .WithSummary("Hand an escalated conversation back to the assistant").RequirePermission(Permissions.ConversationsReply);
        staff.MapPost("/conversations/{id:guid}/close", Close).WithName("CloseConversation")
            .WithSummary("Close the conversation").RequirePermission(Permissions.ConversationsReply);

        staff.MapGet("/knowledge", ListKnowledge).WithName("ListKnowledge").WithSummary("The knowledge base").RequirePermission(Permissions.ConversationsRead);
        staff.MapGet("/knowledge/{id:guid}", GetKnowledge).WithName("GetKnowledge").WithSummary("One article").RequirePermission(Permissions.ConversationsRead);
        staff.MapPost("/knowledge", CreateKnowledge).WithName("CreateKnowledge").WithSummary("Add an article")
            .ProducesValidationProblem().RequirePermission(Permissions.KnowledgeManage);
        staff.MapPut("/knowledge/{id:guid}", UpdateKnowledge).WithName("UpdateKnowledge").WithSummary("Change an article")
            .ProducesValidationProblem().RequirePermission(Permissions.KnowledgeManage);
        staff.MapDelete("/knowledge/{id:guid}", DeleteKnowledge).WithName("DeleteKnowledge").WithSummary("Remove an article")
            .RequirePermission(Permissions.KnowledgeManage);
        return app;
    }

    public static async Task<Results<Ok<ChatReply>, ProblemHttpResult>> Chat(ChatRequest request, AssistantService assistant, CancellationToken cancellationToken) =>
        (await assistant.ChatAsync(request, cancellationToken)).ToOk();

    public static Ok<IReadOnlyList<AgentDto>> Agents(IEnumerable<IAssistantAgent> agents) =>
        TypedResults.Ok<IReadOnlyList<AgentDto>>(AgentNames.All.Select(name => agents.Single(a => a.Name == name))
            .Select(a => new AgentDto(a.Name, a.Description, a.Answers)).ToList());

    public static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> GetConversation(Guid id, AssistantService assistant, CancellationToken cancellationToken) =>
        await assistant.ReachableAsync(id, cancellationToken) is null
            ? Failure.NotFound("Conversation").ToResult()
            : TypedResults.Ok((await assistant.ReadAsync(id, cancellationToken))!);

    public static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> Escalate(EscalateRequest request, AssistantService assistant, CancellationToken cancellationToken) =>
        (await assistant.EscalateAsync(request, cancellationToken)).ToOk();

    public static async Task<Results<Ok<PagedList<ConversationSummaryDto>>, ProblemHttpResult>> ListConversations(
        [AsParameters] ConversationListQuery query, AssistantQueries queries, CancellationToken cancellationToken) =>
        (await queries.ListAsync(query, cancellationToken)).ToOk();

    public static async Task<Ok<IReadOnlyList<ConversationSummaryDto>>> Queue(AssistantQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.QueueAsync(cancellationToken));

    public static async Task<Results<Ok<AssistantStatsDto>, ProblemHttpResult>> Stats(int? days, AssistantQueries queries, CancellationToken cancellationToken) =>
        (await queries.StatsAsync(days ?? 30, cancellationToken)).ToOk();

    public static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> Reply(Guid id, StaffReplyRequest request, AssistantService assistant, CancellationToken cancellationToken) =>
        (await assistant.StaffReplyAsync(id, request, cancellationToken)).ToOk();

    public static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> TakeOver(Guid id, AssistantService assistant, CancellationToken cancellationToken) =>
        (await assistant.TakeOverAsync(id, cancellationToken)).ToOk();

    public static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> Resume(Guid id, AssistantService assistant, CancellationToken cancellationToken) =>
        (await assistant.ResumeAsync(id, cancellationToken)).ToOk();

    public static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> Close(Guid id, AssistantService assistant, CancellationToken cancellationToken) =>
        (await assistant.CloseAsync(id, cancellationToken)).ToOk();

    public static async Task<Ok<IReadOnlyList<KnowledgeArticleDto>>> ListKnowledge(KnowledgeBase knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.ListAsync(cancellationToken));

    public static async Task<Results<Ok<KnowledgeArticleDto>, ProblemHttpResult>> GetKnowledge(Guid id, KnowledgeBase knowledge, CancellationToken cancellationToken) =>
        await knowledge.GetAsync(id, cancellationToken) is { } article ? TypedResults.Ok(article) : Failure.NotFound("Article").ToResult();

    public static async Task<Results<Created<KnowledgeArticleDto>, ProblemHttpResult>> CreateKnowledge(
        KnowledgeArticleRequest request, KnowledgeBase knowledge, CancellationToken cancellationToken)
    {
        var result = await knowledge.SaveAsync(null, request, cancellationToken);
        return result.Succeeded ? TypedResults.Created($"/api/v1/ai/knowledge/{result.Value!.Id}", result.Value) : result.Failure!.ToResult();
    }

    public static async Task<Results<Ok<KnowledgeArticleDto>, ProblemHttpResult>> UpdateKnowledge(
        Guid id, KnowledgeArticleRequest request, KnowledgeBase knowledge, CancellationToken cancellationToken) =>
        (await knowledge.SaveAsync(id, request, cancellationToken)).ToOk();

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteKnowledge(Guid id, KnowledgeBase knowledge, CancellationToken cancellationToken) =>
        await knowledge.DeleteAsync(id, cancellationToken).ToNoContent();
}

/// <summary>Loads the embedding model and trains the router once the Api has started, off the request path.</summary>
public sealed class AssistantWarmUp(AssistantModel model, ILogger<AssistantWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            model.WarmUp();
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            logger.LogError(exception, "The assistant's router could not train; chat will try again on the first message.");
        }
    }, stoppingToken);
}

/// <summary>Staff lists and the assistant's figures.</summary>
public sealed class AssistantQueries(HibachiDbContext db, TimeProvider clock)
{
    public async Task<Result<PagedList<ConversationSummaryDto>>> ListAsync(ConversationListQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, size) = Paging.Validate(query.Page, query.PageSize, errors);
        var status = errors.Member("status", query.Status, EnumMappings.ToEntity);
        var channel = errors.Member("channel", query.Channel, EnumMappings.ToEntity);
        if (!Paging.ValidText(query.Q, "q", 200, errors) || errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var conversations = db.Conversations.AsNoTracking();
        if (status is { } s)
        {
            conversations = conversations.Where(c => c.Status == s);
        }

        if (channel is { } ch)
        {
            conversations = conversations.Where(c => c.Channel == ch);
        }

        if (Text.Clean(query.Q) is { Length: > 0 } q)
        {
            var pattern = "%" + Like.Escape(q) + "%";
            conversations = conversations.Where(c => db.ConversationMessages.Any(m => m.ConversationId == c.Id && EF.Functions.ILike(m.Text, pattern, "\\")));
        }

        var count = await Paging.CountAsync(conversations, cancellationToken);
        var items = await Summaries(conversations.OrderByDescending(c => c.LastMessageAt).Skip((page - 1) * size).Take(size), cancellationToken);
        return Paging.Page(items, page, size, count);
    }

    public async Task<IReadOnlyList<ConversationSummaryDto>> QueueAsync(CancellationToken cancellationToken) =>
        await Summaries(db.Conversations.AsNoTracking().Where(c => c.Status == ConversationStatus.Escalated).OrderBy(c => c.EscalatedAt).Take(200), cancellationToken);

    /// <summary>Handled by the assistant: a conversation with a customer message, never escalated and never answered by a person.</summary>
    public async Task<Result<AssistantStatsDto>> StatsAsync(int days, CancellationToken cancellationToken)
    {
        if (days is < 1 or > 366)
        {
            return Failure.Invalid("days", "Between 1 and 366 days.");
        }

        var since = clock.GetUtcNow().AddDays(-days);
        var recent = db.Conversations.AsNoTracking().Where(c => c.CreatedAt >= since && c.CustomerMessages > 0);
        var total = await recent.CountAsync(cancellationToken);
        var escalated = await recent.CountAsync(c => c.EscalatedAt != null, cancellationToken);
        var byAi = await recent.CountAsync(c => c.EscalatedAt == null && !c.HumanInvolved, cancellationToken);
        var waiting = await db.Conversations.CountAsync(c => c.Status == ConversationStatus.Escalated, cancellationToken);
        return new AssistantStatsDto(total, byAi, escalated, waiting, total == 0 ? 0 : Math.Round((double)byAi / total, 4));
    }

    private async Task<IReadOnlyList<ConversationSummaryDto>> Summaries(IQueryable<Data.Entities.Conversation> conversations, CancellationToken cancellationToken)
    {
        var rows = await conversations.Select(c => new
        {
            c.Id, c.Channel, c.Status, c.Memory, c.LastAgent, c.EscalationReason, c.EscalatedAt, c.AssignedName, c.LastMessageAt,
            Customer = db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault(),
            Last = db.ConversationMessages.Where(m => m.ConversationId == c.Id && m.Author == Data.Entities.MessageAuthor.Customer)
                .OrderByDescending(m => m.CreatedAt).Select(m => m.Text).FirstOrDefault(),
            Messages = db.ConversationMessages.Count(m => m.ConversationId == c.Id),
        }).ToListAsync(cancellationToken);
        return rows.Select(r => new ConversationSummaryDto(
            r.Id.ToString(), r.Channel.ToContract(), r.Status.ToContract(), r.Status == ConversationStatus.Escalated ? ChatHandler.Human : ChatHandler.Ai,
            r.Customer ?? (r.Memory.FirstName is null ? null : (r.Memory.FirstName + " " + r.Memory.LastName).Trim()),
            r.Last is { Length: > 160 } long_ ? long_[..159] + "…" : r.Last, r.LastAgent, r.EscalationReason, r.EscalatedAt, r.AssignedName, r.Messages,
            r.LastMessageAt)).ToList();
    }
}
