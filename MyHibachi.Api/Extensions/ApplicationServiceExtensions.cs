using MyHibachi.Api.Features.Marketing;
using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.FeatureManagement;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Seeding;
using MyHibachi.Api.Features.Assistant;
using MyHibachi.Api.Features.Inbox;
using MyHibachi.Api.Features.Auth;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Features.Catalog;
using MyHibachi.Api.Features.Chefs;
using MyHibachi.Api.Features.Customers;
using MyHibachi.Api.Features.Geography;
using MyHibachi.Api.Features.Google;
using MyHibachi.Api.Features.Leads;
using MyHibachi.Api.Features.Loyalty;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Features.Quotes;
using MyHibachi.Api.Features.Reviews;
using MyHibachi.Api.Features.Stations;
using MyHibachi.Api.Features.Users;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.ServiceDefaults.Health;
using MyHibachi.ServiceDefaults.Security;
using Npgsql;

namespace MyHibachi.Api.Extensions;

public static class ApplicationServiceExtensions
{
    /// <summary>Largest request body the Api reads; bigger bodies get 413.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// The database connection string with the pool settings the Api's short queries want: statements
    /// used more than twice are prepared once per connection (PostgreSQL skips parsing and planning them
    /// again), and a connection returned to the pool is not reset with DISCARD ALL (the Api keeps no
    /// session state: its locks and settings are all transaction-scoped). Values already in the
    /// configured string win.
    /// </summary>
    public static string? TunedConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var tuned = new NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            tuned.MaxAutoPrepare = 100;
            tuned.AutoPrepareMinUsages = 2;
        }

        if (!configured.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            tuned.NoResetOnClose = true;
        }

        return tuned.ConnectionString;
    }

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CurrentActor>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<AuditingInterceptor>();
        services.AddFeatureManagement();

        services.AddDbContextPool<HibachiDbContext>((provider, options) => options
            .UseNpgsql(TunedConnectionString(builder.Configuration.GetConnectionString(ResourceNames.Database)))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetRequiredService<AuditingInterceptor>())
            .ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning)));
        // Our own transactions (chef locks, idempotency) manage retries, so EF's retrying strategy stays off.
        builder.EnrichNpgsqlDbContext<HibachiDbContext>(settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableRetry = true;
        });
        builder.AddRedisClient(ResourceNames.Redis, settings => settings.DisableHealthChecks = true, RedisConnection.FailFast);
        builder.AddRabbitMQClient(ResourceNames.RabbitMq, settings => settings.DisableHealthChecks = true);

        services.AddHealthChecks()
            .AddDbContextCheck<HibachiDbContext>("postgres", tags: [ServiceDefaultsExtensions.ReadyTag])
            // Without Redis the Api still serves (rate limits count per replica): degraded, not down.
            .AddCheck<RedisReadyCheck>("redis", HealthStatus.Degraded, tags: [ServiceDefaultsExtensions.ReadyTag])
            .AddCheck<RabbitMqReadyCheck>("rabbitmq", tags: [ServiceDefaultsExtensions.ReadyTag]);

        // Each feature registers its services, recycle-bin types, constraint problems and rate limits.
        services.AddGeography(builder.Configuration)
            .AddCatalog()
            .AddStations()
            .AddAvailability()
            .AddCustomers()
            .AddChefs()
            .AddQuotes()
            .AddBookings()
            .AddLeads()
            .AddAuth()
            .AddUsers()
            .AddPayments()
            .AddPricingAdmin()
            .AddAssistant()
            .AddInbox()
            .AddReviews()
            .AddGoogle()
            .AddMarketing()
            .AddLoyalty();
        services.AddScoped<DemoBusiness>();

        builder.AddSecurity();

        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<OutboxRelay>();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            // Problems written by the framework (an unknown route, a missing token) get the code of their status.
            if (!context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                Failure.WithCode(context.ProblemDetails, ProblemCodes.ForStatus(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode));
            }
        });
        services.AddSingleton<ConstraintProblems>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<JsonOptions>(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        // Malformed input must reach ApiExceptionHandler (field-level 400) in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddOpenApi();

        return builder;
    }

    /// <summary>JWT bearer sign-in, permission policies over the RBAC tables, station scoping, rate limits, edge defences.</summary>
    private static void AddSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TokenService>();
        services.AddMemoryCache();
        services.AddSingleton<SessionRevocation>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenService>((options, tokens) =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = tokens.ValidationParameters();
            options.Events = new JwtBearerEvents
            {
                // Signature and lifetime are not enough: the account and the session must still be current.
                OnTokenValidated = async context =>
                {
                    var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionRevocation>();
                    if (!await sessions.IsCurrentAsync(context.Principal!, context.HttpContext.RequestAborted))
                    {
                        context.Fail("This session has ended; sign in again.");
                    }
                },
            };
        });
        services.AddAuthorization();
        services.AddSingleton<RolePermissionCache>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<AccessScope>();
        services.AddTransient<RedisRateLimiter>();
        services.AddRateLimitPolicy(RateLimitPolicies.Api, options => options.PermitPerMinute);
        builder.AddEdgeSecurity(options => options.RelaxedPaths = ["/scalar", "/openapi"]);
    }
}
