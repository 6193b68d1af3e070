using MyHibachi.Api.Features.Marketing;
using MyHibachi.Api.Features.Assistant;
using MyHibachi.Api.Features.Inbox;
using MyHibachi.Api.Features.Audit;
using MyHibachi.Api.Features.Auth;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Features.Catalog;
using MyHibachi.Api.Features.Chefs;
using MyHibachi.Api.Features.Customers;
using MyHibachi.Api.Features.Dashboard;
using MyHibachi.Api.Features.Google;
using MyHibachi.Api.Features.Internal;
using MyHibachi.Api.Features.Leads;
using MyHibachi.Api.Features.Loyalty;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Features.Quotes;
using MyHibachi.Api.Features.Reviews;
using MyHibachi.Api.Features.Stations;
using MyHibachi.Api.Features.Users;
using MyHibachi.Api.Infrastructure;
using Scalar.AspNetCore;

namespace MyHibachi.Api.Extensions;

public static class EndpointExtensions
{
    public static WebApplication MapHibachiApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("MyHibachi API"));
        app.MapGet("/", () => Results.Redirect("/scalar/v1")).ExcludeFromDescription();

        // Every endpoint shares one check of the text it is sent (no NUL or other control characters).
        var api = app.MapGroup("").AddEndpointFilterFactory(TextInput.Filter);
        api.MapAuthApi();
        api.MapUsersApi();
        api.MapCatalogApi();
        api.MapStationsApi();
        api.MapAvailabilityApi();
        api.MapCustomersApi();
        api.MapChefsApi();
        api.MapQuotesApi();
        api.MapBookingsApi();
        api.MapAvailableChefsApi();
        api.MapDashboardApi();
        api.MapLeadsApi();
        api.MapAuditApi();
        api.MapDeletedItemsApi();
        api.MapInternalApi();
        api.MapPaymentsApi();
        api.MapPricingApi();
        api.MapAssistantApi();
        api.MapInboxApi();
        api.MapReviewsApi();
        api.MapGoogleApi();
        api.MapMarketingApi();
        api.MapLoyaltyApi();
        return app;
    }
}
