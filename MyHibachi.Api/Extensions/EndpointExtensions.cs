using MyHibachi.Api.Features.Audit;
using MyHibachi.Api.Features.Auth;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Features.Catalog;
using MyHibachi.Api.Features.Chefs;
using MyHibachi.Api.Features.Customers;
using MyHibachi.Api.Features.Dashboard;
using MyHibachi.Api.Features.Internal;
using MyHibachi.Api.Features.Leads;
using MyHibachi.Api.Features.Quotes;
using MyHibachi.Api.Features.Stations;
using MyHibachi.Api.Features.Users;
using Scalar.AspNetCore;

namespace MyHibachi.Api.Extensions;

public static class EndpointExtensions
{
    public static WebApplication MapHibachiApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("MyHibachi API"));
        app.MapGet("/", () => Results.Redirect("/scalar/v1")).ExcludeFromDescription();

        app.MapAuthApi();
        app.MapUsersApi();
        app.MapCatalogApi();
        app.MapStationsApi();
        app.MapAvailabilityApi();
        app.MapCustomersApi();
        app.MapChefsApi();
        app.MapQuotesApi();
        app.MapBookingsApi();
        app.MapAvailableChefsApi();
        app.MapDashboardApi();
        app.MapLeadsApi();
        app.MapAuditApi();
        app.MapDeletedItemsApi();
        app.MapInternalApi();
        return app;
    }
}
