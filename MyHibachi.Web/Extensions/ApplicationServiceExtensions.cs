using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MyHibachi.ServiceDefaults.Health;
using MyHibachi.ServiceDefaults.Security;
using MyHibachi.Web.Api;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;
using MyHibachi.Realtime;
using StackExchange.Redis;

namespace MyHibachi.Web.Extensions;

public static class ApplicationServiceExtensions
{
    public const string StaffPolicy = "staff";

    /// <summary>Where Stripe's hosted Checkout lives (a pay form redirects there, so form-action must allow it).</summary>
    public const string DefaultCheckoutOrigin = "https://checkout.stripe.com";

    /// <summary>
    /// The site's pages may use only their own scripts, styles and images; forms post to the site
    /// itself, whose pay forms then redirect to Stripe Checkout (<paramref name="checkoutOrigin"/>).
    /// </summary>
    public static string ContentSecurityPolicy(string checkoutOrigin, bool tagManager = false)
    {
        // Google Tag Manager (Analytics:GtmContainerId) loads its container script and sends hits to Google.
        var google = tagManager ? " https://www.googletagmanager.com" : "";
        var hits = tagManager ? " https://www.google-analytics.com https://*.google-analytics.com https://www.googletagmanager.com" : "";
        return $"default-src 'self'; script-src 'self'{google}; style-src 'self'; img-src 'self' data:{hits}; font-src 'self'; connect-src 'self'{hits}; " +
               $"form-action 'self' {checkoutOrigin}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    /// <summary>Analytics:GtmContainerId when it is a Tag Manager container id (GTM-XXXXXXX); null otherwise.</summary>
    public static string? TagManagerContainer(IConfiguration configuration) =>
        configuration["Analytics:GtmContainerId"] is { } id && System.Text.RegularExpressions.Regex.IsMatch(id, "^GTM-[A-Z0-9]{4,12}$") ? id : null;

    /// <summary>Payments:CheckoutOrigin as a bare origin ("https://checkout.stripe.com"), or the default when unset.</summary>
    public static string CheckoutOrigin(IConfiguration configuration)
    {
        var configured = configuration["Payments:CheckoutOrigin"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DefaultCheckoutOrigin;
        }

        return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Authority)
            : throw new InvalidOperationException($"Payments:CheckoutOrigin must be an http(s) origin such as {DefaultCheckoutOrigin}; it is '{configured}'.");
    }

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddRedisClient(ResourceNames.Redis, settings => settings.DisableHealthChecks = true, RedisConnection.FailFast);
        // Keys in Redis: every replica can read every other's auth cookies and anti-forgery tokens.
        services.AddDataProtection().SetApplicationName("MyHibachi.Web");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
            options.XmlRepository = new RedisXmlRepository(
                () => provider.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), "myhibachi:web:data-protection-keys"));

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", StaffPolicy);
            AdminAccess.AddConventions(options.Conventions);
            options.Conventions.AuthorizeFolder("/Account/Bookings");
            options.Conventions.AuthorizeFolder("/Account/Loyalty");
        });
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/Account/Login";
                options.LogoutPath = "/Account/Logout";
                options.AccessDeniedPath = "/Account/Denied";
                options.Cookie.Name = "myhibachi.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
            });
        AdminAccess.AddPolicies(services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Staff)));

        // The inbox's live updates: the hub is served here, and the Api sends through the shared Redis backplane.
        services.AddInboxRealtime();
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SessionService>();
        services.AddScoped<Infrastructure.BusinessContacts>();
        services.AddTransient<AccessTokenHandler>();
        services.AddTransient<VisitorAddressHandler>();
        // Signing in, up, out and refreshing go without anyone's token; every other area carries the user's.
        services.AddApiClient<AuthClient>().AddHttpMessageHandler<VisitorAddressHandler>();
        services.AddApiClients(client => client.AddHttpMessageHandler<VisitorAddressHandler>().AddHttpMessageHandler<AccessTokenHandler>());

        services.AddHttpClient<ApiReadyCheck>(client => client.BaseAddress = new Uri(ApiClientRegistration.ApiBaseAddress));
        services.AddHealthChecks()
            .AddCheck<ApiReadyCheck>("api", tags: [ServiceDefaultsExtensions.ReadyTag])
            // The key ring is cached in memory, so the site keeps signing cookies through a Redis outage.
            .AddCheck<RedisReadyCheck>("redis", HealthStatus.Degraded, tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.AddEdgeSecurity(options => options.ContentSecurityPolicy = ContentSecurityPolicy(CheckoutOrigin(builder.Configuration), TagManagerContainer(builder.Configuration) is not null));
        return builder;
    }
}
