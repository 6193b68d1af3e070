using MyHibachi.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Catalog;

public static class CatalogApi
{
    public static IServiceCollection AddCatalog(this IServiceCollection services) => services.AddScoped<PriceSheetProvider>();

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/menu").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api).WithTags("Menu and prices");

        api.MapGet("", GetMenu)
            .WithName("GetMenu")
            .WithSummary("The menu with allergens and diets, and the current price list")
            .AllowAnonymous();

        return app;
    }

    public static async Task<Ok<MenuDto>> GetMenu(HibachiDbContext db, PriceSheetProvider prices, CancellationToken cancellationToken)
    {
        var sheet = await prices.CurrentAsync(cancellationToken);
        var items = await db.MenuItems.AsNoTracking()
            .Where(m => m.IsActive)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Name)
            .Select(m => new { m.Code, m.Name, m.Description, m.Category, m.Unit, m.PriceCents, m.Allergens, m.DietaryTags })
            .ToListAsync(cancellationToken);
        var priceList = new PriceListDto(sheet.AdultCents, sheet.ChildCents, sheet.PartyMinimumCents, sheet.TravelFreeMiles,
            sheet.TravelCentsPerMile, sheet.DepositCents, sheet.GratuityPercent, sheet.MaxGuests);
        return TypedResults.Ok(new MenuDto(priceList, items.Select(m => new MenuItemDto(
            m.Code, m.Name, m.Description, m.Category.ToContract(), m.Unit.ToContract(), m.PriceCents, m.Allergens, m.DietaryTags)).ToList()));
    }
}
