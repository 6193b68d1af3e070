using System.Net;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Security;

/// <summary>
/// One table: every endpoint × every role × the expected outcome, run against the real Api.
/// "ok" means authorization let the request through (the answer may still be 400/409/428 because
/// the tests send deliberately empty bodies, so nothing here changes the data the next row needs);
/// 401, 403 and 404 (out of the caller's station or ownership) are exact.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiAppHost host) : ApiTest(host)
{
    private static readonly string[] RoleColumns = ["SA", "A", "CS", "SM", "CH", "CU", "SV", "AN"];

    private sealed record World(
        Guid StationA, Guid StationB, Guid ChefA1, Guid ChefA2, Guid ChefB1, Guid CustomerA, Guid CustomerB,
        Guid BookingA, Guid BookingA2, Guid BookingB, Guid DeletedBooking, Guid LeadA, Guid LeadB, Guid Quote);

    private sealed record Row(string Method, Func<World, string> Path, string? Body, string Expected);

    private static readonly Row[] Matrix =
    [
        // Public
        new("GET", _ => "/api/menu", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", _ => "/api/stations", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", w => $"/api/stations/{w.StationA}", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", _ => "/api/service-area?zip=30305", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", w => $"/api/stations/{w.StationA}/slots", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("POST", _ => "/api/quote/calculate", "{}", "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", w => $"/api/quote/{w.Quote}", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("POST", _ => "/api/leads", "{}", "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("POST", _ => "/api/bookings", "{}", "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),

        // Stations
        new("POST", _ => "/api/stations", "{}", "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("PUT", w => $"/api/stations/{w.StationA}", "{\"serviceRadiusMiles\":0}", "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("PUT", w => $"/api/stations/{w.StationB}", "{\"serviceRadiusMiles\":0}", "SA ok|A ok|CS 403|SM 404|CH 403|CU 403|SV 403|AN 401"),

        // Customers
        new("GET", _ => "/api/customers", null, "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("GET", w => $"/api/customers/{w.CustomerA}", null, "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("GET", w => $"/api/customers/{w.CustomerB}", null, "SA ok|A ok|CS ok|SM 404|CH 403|CU 403|SV ok|AN 401"),
        new("POST", _ => "/api/customers", "{}", "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("PUT", w => $"/api/customers/{w.CustomerA}", "{\"email\":\"bad\"}", "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("PUT", w => $"/api/customers/{w.CustomerB}", "{\"email\":\"bad\"}", "SA ok|A ok|CS ok|SM 404|CH 403|CU 403|SV 403|AN 401"),
        new("DELETE", w => $"/api/customers/{w.CustomerA}", null, "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("POST", w => $"/api/customers/{w.CustomerA}/restore", null, "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),

        // Chefs
        new("GET", _ => "/api/chefs", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU 403|SV ok|AN 401"),
        new("GET", w => $"/api/chefs/{w.ChefA1}", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU 403|SV ok|AN 401"),
        new("GET", w => $"/api/chefs/{w.ChefA2}", null, "SA ok|A ok|CS ok|SM ok|CH 404|CU 403|SV ok|AN 401"),
        new("GET", w => $"/api/chefs/{w.ChefB1}", null, "SA ok|A ok|CS ok|SM 404|CH 404|CU 403|SV ok|AN 401"),
        new("POST", _ => "/api/chefs", "{}", "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("PUT", w => $"/api/chefs/{w.ChefA1}", "{\"bio\":\"Teppan since 2004\"}", "SA ok|A ok|CS 403|SM ok|CH ok|CU 403|SV 403|AN 401"),
        new("PUT", w => $"/api/chefs/{w.ChefA1}", "{\"maxEventsPerDay\":9}", "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("PUT", w => $"/api/chefs/{w.ChefA2}", "{\"bio\":\"x\"}", "SA ok|A ok|CS 403|SM ok|CH 404|CU 403|SV 403|AN 401"),
        new("PUT", w => $"/api/chefs/{w.ChefB1}", "{\"bio\":\"x\"}", "SA ok|A ok|CS 403|SM 404|CH 404|CU 403|SV 403|AN 401"),
        new("DELETE", w => $"/api/chefs/{w.ChefA2}", null, "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("POST", w => $"/api/chefs/{w.ChefA1}/time-off", "{}", "SA ok|A ok|CS 403|SM ok|CH ok|CU 403|SV 403|AN 401"),
        new("POST", w => $"/api/chefs/{w.ChefA2}/time-off", "{}", "SA ok|A ok|CS 403|SM ok|CH 404|CU 403|SV 403|AN 401"),
        new("GET", w => $"/api/chefs/{w.ChefA1}/availability", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU 403|SV ok|AN 401"),
        new("GET", w => $"/api/chefs/{w.ChefB1}/availability", null, "SA ok|A ok|CS ok|SM 404|CH 404|CU 403|SV ok|AN 401"),

        // Bookings
        new("GET", _ => "/api/bookings", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN 401"),
        new("GET", w => $"/api/bookings/{w.BookingA}", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN 401"),
        new("GET", w => $"/api/bookings/{w.BookingA2}", null, "SA ok|A ok|CS ok|SM ok|CH 404|CU 404|SV ok|AN 401"),
        new("GET", w => $"/api/bookings/{w.BookingB}", null, "SA ok|A ok|CS ok|SM 404|CH 404|CU 404|SV ok|AN 401"),
        new("POST", w => "/api/bookings", "{\"chefId\":\"" + Guid.Empty + "\"}", "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 403"),
        new("PUT", w => $"/api/bookings/{w.BookingA}", "{}", "SA ok|A ok|CS ok|SM ok|CH 403|CU ok|SV 403|AN 401"),
        new("PUT", w => $"/api/bookings/{w.BookingB}", "{}", "SA ok|A ok|CS ok|SM ok|CH 403|CU ok|SV 403|AN 401"),
        new("POST", w => $"/api/bookings/{w.BookingA}/preview", "{}", "SA ok|A ok|CS ok|SM ok|CH 403|CU ok|SV 403|AN 401"),
        new("POST", w => $"/api/bookings/{w.BookingB}/preview", "{}", "SA ok|A ok|CS ok|SM 404|CH 403|CU 404|SV 403|AN 401"),
        new("GET", w => $"/api/bookings/{w.BookingA}/slots", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN 401"),
        new("GET", w => $"/api/bookings/{w.BookingB}/slots", null, "SA ok|A ok|CS ok|SM 404|CH 404|CU 404|SV ok|AN 401"),
        new("POST", w => $"/api/bookings/{w.BookingA}/assign-chef", "{\"chefId\":\"nope\"}", "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("POST", w => $"/api/bookings/{w.BookingB}/complete", null, "SA ok|A ok|CS 403|SM 404|CH 403|CU 403|SV 403|AN 401"),
        new("POST", w => $"/api/bookings/{w.BookingA}/complete", null, "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("POST", w => $"/api/bookings/{w.BookingA}/cancel", "{}", "SA ok|A ok|CS ok|SM ok|CH 403|CU ok|SV 403|AN 401"),
        new("POST", w => $"/api/bookings/{w.BookingB}/cancel", "{\"reason\":\"Changed our plans\"}", "SA ok|A ok|CS ok|SM 404|CH 403|CU 404|SV 403|AN 401"),
        new("DELETE", w => $"/api/bookings/{w.BookingA}", null, "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("GET", w => $"/api/bookings/{w.BookingA}/available-chefs", null, "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("GET", w => $"/api/bookings/{w.BookingB}/available-chefs", null, "SA ok|A ok|CS 403|SM 404|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/admin/dashboard", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU 403|SV ok|AN 401"),
        new("POST", w => $"/api/bookings/{w.DeletedBooking}/restore", null, "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),

        // Leads
        new("GET", _ => "/api/admin/leads", null, "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("GET", w => $"/api/admin/leads/{w.LeadA}", null, "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("GET", w => $"/api/admin/leads/{w.LeadB}", null, "SA ok|A ok|CS ok|SM 404|CH 403|CU 403|SV ok|AN 401"),
        new("POST", w => $"/api/admin/leads/{w.LeadA}/notes", "{}", "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("POST", w => $"/api/admin/leads/{w.LeadA}/claim", null, "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("DELETE", w => $"/api/admin/leads/{w.LeadA}", null, "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),

        // Audit, recycle bin, users and roles, internal
        new("GET", _ => "/api/admin/audit", null, "SA ok|A ok|CS ok|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/admin/deleted", null, "SA ok|A ok|CS ok|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/admin/users", null, "SA ok|A 403|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("POST", _ => "/api/admin/users", "{}", "SA ok|A 403|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/admin/roles", null, "SA ok|A 403|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("PUT", _ => "/api/admin/roles/CUSTOMER", "{\"permissions\":[\"no.such\"]}", "SA ok|A 403|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        // Internal endpoints are for service tokens only, whatever permissions a staff role was given.
        new("POST", _ => "/api/internal/quotes/follow-up?afterHours=720", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        new("POST", _ => "/api/internal/purge", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        new("GET", _ => $"/api/internal/handled-messages/notifications/{Guid.Empty}", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV 404|AN 401"),
        new("PUT", _ => $"/api/internal/handled-messages/notifications/{Guid.Empty}", "{}", "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        new("GET", _ => "/api/auth/me", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN 401"),

        // Payments: a booking's money follows the booking's scope (anonymous callers need its pay token);
        // recording and refunding money, reports and prices follow the payments and pricing permissions.
        new("GET", w => $"/api/v1/payments/bookings/{w.BookingA}", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN 404"),
        new("GET", w => $"/api/v1/payments/bookings/{w.BookingB}", null, "SA ok|A ok|CS ok|SM 404|CH 404|CU 404|SV ok|AN 404"),
        new("POST", w => "/api/v1/stripe/checkout-session", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("POST", _ => "/api/v1/stripe/refund", "{}", "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("POST", w => $"/api/v1/payments/bookings/{w.BookingA}/manual", "{}", "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("POST", w => $"/api/v1/payments/bookings/{w.BookingA}/manual-refund", "{}", "SA ok|A ok|CS 403|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/v1/payments/daily", null, "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("GET", _ => "/api/v1/invoices", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN 401"),
        new("GET", _ => "/api/v1/admin/pricing", null, "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("PUT", _ => $"/api/v1/admin/pricing/{Guid.Empty}", "{}", "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/v1/admin/pricing/history", null, "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("POST", _ => "/api/internal/payments/reconcile", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        new("POST", _ => "/api/internal/payments/release-holds", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        new("GET", w => $"/api/internal/payments/pay-link/{w.BookingA}", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        new("POST", _ => "/api/internal/invoices", "{}", "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),

        // The assistant: anyone chats; conversations and the queue are for staff who may read them,
        // replies for those who may answer, the knowledge base for those who keep it.
        new("POST", _ => "/api/v1/ai/chat", "{}", "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", _ => "/api/v1/ai/agents", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", _ => "/api/v1/ai/conversations", null, "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("GET", _ => "/api/v1/ai/escalations", null, "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("POST", _ => $"/api/v1/ai/conversations/{Guid.Empty}/reply", "{}", "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("POST", _ => "/api/v1/ai/knowledge", "{}", "SA ok|A ok|CS ok|SM 403|CH 403|CU 403|SV 403|AN 401"),

        // The inbox: reading for staff who may read conversations, acting for those who may answer, the Workers' side for the service only.
        new("GET", _ => "/api/v1/inbox/conversations", null, "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("GET", _ => "/api/v1/inbox/channels", null, "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("GET", _ => "/api/v1/inbox/canned-replies", null, "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV ok|AN 401"),
        new("POST", _ => $"/api/v1/inbox/conversations/{Guid.Empty}/reply", "{}", "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("POST", _ => "/api/v1/inbox/canned-replies", "{}", "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("PUT", _ => "/api/v1/inbox/duty", "{}", "SA ok|A ok|CS ok|SM ok|CH 403|CU 403|SV 403|AN 401"),
        new("POST", _ => "/api/internal/inbox/sweep", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        new("POST", _ => $"/api/internal/inbox/messages/{Guid.Empty}/claim", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV 404|AN 401"),
        // Reviews: reading and writing are public (the booking decides who may write); moderation needs its permission.
        new("GET", _ => "/api/v1/reviews", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", _ => "/api/v1/reviews/summary", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", _ => "/api/v1/chefs/public", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("POST", _ => "/api/v1/reviews", "{}", "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", _ => "/api/v1/reviews/moderation", null, "SA ok|A ok|CS ok|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("POST", _ => $"/api/v1/reviews/moderation/{Guid.Empty}/approve", null, "SA 404|A 404|CS 404|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/internal/reviews/requests-due", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        // Loyalty: the customer's own standing; staff read customers' and adjust with their permission; settlement is the Workers'.
        new("GET", _ => "/api/v1/loyalty/tiers", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", _ => "/api/v1/loyalty/me", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU ok|SV 403|AN 401"),
        new("POST", w => $"/api/v1/loyalty/customers/{w.CustomerA}/adjust", "{}", "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", w => $"/api/v1/loyalty/customers/{w.CustomerB}", null, "SA ok|A ok|CS ok|SM 404|CH 403|CU 403|SV ok|AN 401"),
        new("POST", _ => "/api/internal/loyalty/settle", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        // Google: connections and Business Profile need integrations.manage; Google reviews are moderators'; chefs' calendars follow the chef's scope.
        new("GET", _ => "/api/v1/google/connections", null, "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("POST", _ => "/api/v1/google/connections", "{}", "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/v1/google/business/locations", null, "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/v1/google/reviews", null, "SA ok|A ok|CS ok|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/v1/ratings", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("GET", _ => "/api/v1/marketing/overview", null, "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/v1/marketing/ads?from=2026-11-01&to=2026-11-30", null, "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", _ => "/api/v1/marketing/export/ads-campaigns.csv", null, "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("PUT", _ => "/api/v1/marketing/sources/ads", "{}", "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("POST", _ => "/api/v1/marketing/alerts/rules", "{}", "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("DELETE", _ => $"/api/v1/marketing/alerts/rules/{Guid.Empty}", null, "SA 404|A 404|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("POST", _ => "/api/internal/marketing/targets", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        new("PUT", _ => "/api/internal/marketing/ads/data", "{}", "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV 404|AN 401"),
        new("POST", _ => $"/api/v1/google/reviews/{Guid.Empty}/approve", null, "SA 404|A 404|CS 404|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("GET", w => $"/api/v1/chefs/{w.ChefA1}/calendar", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU 403|SV ok|AN 401"),
        new("GET", w => $"/api/v1/chefs/{w.ChefA2}/calendar", null, "SA ok|A ok|CS ok|SM ok|CH 404|CU 403|SV ok|AN 401"),
        new("GET", w => $"/api/v1/chefs/{w.ChefB1}/calendar", null, "SA ok|A ok|CS ok|SM 404|CH 404|CU 403|SV ok|AN 401"),
        new("PUT", w => $"/api/v1/chefs/{w.ChefA1}/calendar", "{}", "SA ok|A ok|CS 403|SM 403|CH 403|CU 403|SV 403|AN 401"),
        new("POST", w => $"/api/v1/chefs/{w.ChefA1}/calendar/sync", null, "SA ok|A ok|CS 403|SM ok|CH ok|CU 403|SV 403|AN 401"),
        new("POST", w => $"/api/v1/chefs/{w.ChefB1}/calendar/feed/reset", null, "SA ok|A ok|CS 403|SM 404|CH 404|CU 403|SV 403|AN 401"),
        new("GET", w => $"/api/v1/chefs/{w.ChefA1}/calendar.ics?token=guess", null, "SA 404|A 404|CS 404|SM 404|CH 404|CU 404|SV 404|AN 404"),
        new("POST", _ => "/api/v1/webhooks/google/calendar", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV 403|AN 403"),
        new("GET", _ => "/api/internal/google/calendar/targets", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        new("GET", _ => "/api/internal/google/calendar/stale-bookings", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV ok|AN 401"),
        new("GET", _ => $"/api/internal/google/connections/{Guid.Empty}/credential", null, "SA 403|A 403|CS 403|SM 403|CH 403|CU 403|SV 404|AN 401"),
        new("GET", _ => "/api/v1/payments/terms", null, "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
        new("POST", _ => "/api/auth/resend-confirmation", "{}", "SA ok|A ok|CS ok|SM ok|CH ok|CU ok|SV ok|AN ok"),
    ];

    [Fact]
    public async Task Every_endpoint_answers_every_role_as_the_table_says()
    {
        var (world, clients) = await BuildWorldAsync();
        var mismatches = new List<string>();

        foreach (var row in Matrix)
        {
            var expected = row.Expected.Split('|').Select(cell => cell.Split(' ')).ToDictionary(cell => cell[0], cell => cell[1]);
            Assert.Equal(RoleColumns.Order(), expected.Keys.Order());
            foreach (var role in RoleColumns)
            {
                var path = row.Path(world);
                var response = await clients[role].SendAsync<string>(new HttpMethod(row.Method), path, row.Body);
                // The table is about who may do what, not about the per-minute limit each role's client meets on a long table.
                for (var wait = 0; response.Status == HttpStatusCode.TooManyRequests && wait < 70; wait++)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    response = await clients[role].SendAsync<string>(new HttpMethod(row.Method), path, row.Body);
                }

                var status = (int)response.Status;
                var outcome = expected[role];
                var passed = outcome == "ok"
                    ? status is not (401 or 403 or 404 or 405) && status < 500
                    : status.ToString(System.Globalization.CultureInfo.InvariantCulture) == outcome;
                if (!passed)
                {
                    mismatches.Add($"{row.Method} {path} as {role}: expected {outcome}, got {status} {response.Raw[..Math.Min(160, response.Raw.Length)]}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private async Task<(World World, Dictionary<string, HibachiApiClient> Clients)> BuildWorldAsync()
    {
        var stationA = await Api.CreateStationAsync();
        var stationB = await Api.CreateStationAsync(zip: "77002", timeZone: "America/Chicago");
        var chefA1 = (await Api.CreateChefAsync(stationA.Id)).Chef;
        var chefA2 = (await Api.CreateChefAsync(stationA.Id)).Chef;
        var chefB1 = (await Api.CreateChefAsync(stationB.Id)).Chef;
        var date = HibachiApiClient.FutureDate(12);

        // The customer signs up and confirms their address; their booking goes to chef A1.
        var customerEmail = $"matrix-{Guid.NewGuid():N}@example.com";
        var customerPassword = "Correct horse battery 7";
        var anonymous = Host.CreateAnonymousClient();
        (await anonymous.PostAsync<RegistrationReceipt>("/api/auth/register", new RegisterRequest(customerEmail, customerPassword, "Casey", "Customer", null, stationA.Id)))
            .Ok(HttpStatusCode.Accepted);
        var token = await ConfirmationTokenAsync(customerEmail);
        (await anonymous.PostAsync<string>("/api/auth/confirm-email", new ConfirmEmailRequest(customerEmail, token))).Ok(HttpStatusCode.NoContent);
        var bookingA = (await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(stationA.Id, date, "12:00", email: customerEmail, chefId: chefA1.Id)))
            .Ok(HttpStatusCode.Created);
        var bookingA2 = (await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(stationA.Id, date, "12:00", chefId: chefA2.Id))).Ok(HttpStatusCode.Created);
        var bookingB = (await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(stationB.Id, date, "12:00", zip: "77005") with
        {
            Address = new AddressDto("1 Main St", null, "Houston", "TX", "77005"),
        })).Ok(HttpStatusCode.Created);
        var deleted = (await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(stationA.Id, date, "18:00", assignChef: false))).Ok(HttpStatusCode.Created);
        await Api.DeleteAsync($"/api/bookings/{deleted.Id}", "Deleted to test restoring");

        var customerB = (await Api.PostAsync<CustomerDto>("/api/customers", new CustomerRequest(stationB.Id, "Other", "Station", $"b-{Guid.NewGuid():N}@example.com", null, null, null)))
            .Ok(HttpStatusCode.Created);
        var leadA = await LeadAsync(stationA.Id);
        var leadB = await LeadAsync(stationB.Id);
        var quote = (await anonymous.PostAsync<QuoteDto>("/api/quote/calculate", new QuoteRequest(null, "30305", 10, 0, null, null, null, null))).Ok(HttpStatusCode.Created);

        var password = "Staff password 2026!";
        async Task<HibachiApiClient> StaffAsync(string role, Guid? station = null, Guid? chef = null)
        {
            var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@myhibachi.local";
            (await Api.PostAsync<UserDto>("/api/admin/users", new CreateUserRequest(email, role, password, [role], station, chef))).Ok(HttpStatusCode.Created);
            var client = Host.CreateAnonymousClient();
            await client.SignInAsync(email, password);
            return client;
        }

        var customer = Host.CreateAnonymousClient();
        await customer.SignInAsync(customerEmail, customerPassword);
        var service = Host.CreateAnonymousClient();
        var serviceToken = (await service.PostAsync<ServiceTokenResponse>("/api/auth/service-token",
            new ServiceTokenRequest("workers", await Host.ParameterAsync("workers-client-secret")))).Ok();
        service.UseAccessToken(serviceToken.AccessToken);

        var clients = new Dictionary<string, HibachiApiClient>
        {
            ["SA"] = Api,
            ["A"] = await StaffAsync("ADMIN"),
            ["CS"] = await StaffAsync("CUSTOMER_SUPPORT"),
            ["SM"] = await StaffAsync("STATION_MANAGER", station: stationA.Id),
            ["CH"] = await StaffAsync("CHEF", chef: chefA1.Id),
            ["CU"] = customer,
            ["SV"] = service,
            ["AN"] = Host.CreateAnonymousClient(),
        };
        var world = new World(stationA.Id, stationB.Id, chefA1.Id, chefA2.Id, chefB1.Id, bookingA.CustomerId, customerB.Id,
            bookingA.Id, bookingA2.Id, bookingB.Id, deleted.Id, leadA, leadB, quote.Id);
        return (world, clients);

        async Task<Guid> LeadAsync(Guid stationId) =>
            (await anonymous.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest("Lee Lead", $"lead-{Guid.NewGuid():N}@example.com", null, null, null, stationId)))
            .Ok(HttpStatusCode.Accepted).Id;
    }

    private async Task<string> ConfirmationTokenAsync(string email)
    {
        var payload = await Host.ScalarAsync<string>("SELECT payload::text FROM outbox_messages WHERE type = 'user.registered' AND payload->>'email' = @email", ("email", email));
        return System.Text.Json.JsonDocument.Parse(payload!).RootElement.GetProperty("confirmationToken").GetString()!;
    }
}
