using MyHibachi.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Quotes;

public static class QuotesApi
{
    public static IServiceCollection AddQuotes(this IServiceCollection services) => services.AddScoped<QuoteService>();

    public static IEndpointRouteBuilder MapQuotesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/quote").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api).WithTags("Quotes").RequireFeature(FeatureFlags.CoreApi);

        api.MapPost("/calculate", Calculate).WithName("CalculateQuote")
            .WithSummary("Instant quote: guests, menu upgrades and add-ons, party minimum, travel fee, deposit and suggested gratuity")
            .ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetQuote).WithName("GetQuote").WithSummary("A quote, with the prices it was calculated with");
        api.MapPost("/{id:guid}/convert", Convert).WithName("ConvertQuote")
            .WithSummary("Book the quote at its own prices")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Results<Created<QuoteDto>, ProblemHttpResult>> Calculate(QuoteRequest request, QuoteService quotes, CancellationToken cancellationToken)
    {
        var result = await quotes.CalculateAsync(request, cancellationToken);
        return result.Succeeded ? TypedResults.Created($"/api/quote/{result.Value.Id}", result.Value) : result.Failure.ToResult();
    }

    public static async Task<Results<Ok<QuoteDto>, ProblemHttpResult>> GetQuote(Guid id, QuoteService quotes, CancellationToken cancellationToken)
    {
        var quote = await quotes.GetAsync(id, cancellationToken);
        return quote is null ? Failure.NotFound("Quote").ToResult() : TypedResults.Ok(quote);
    }

    public static async Task<Results<Created<BookingDto>, Ok<BookingDto>, ProblemHttpResult>> Convert(
        Guid id, ConvertQuoteRequest request, BookingPlacement placement, BookingQueries bookings, HttpContext context, CancellationToken cancellationToken) =>
        await BookingsApi.Placed(await placement.ConvertQuoteAsync(id, request, cancellationToken), bookings, context, cancellationToken);
}
