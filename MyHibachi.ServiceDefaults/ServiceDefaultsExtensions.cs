using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every MyHibachi service shares: telemetry to the Aspire dashboard, service discovery,
/// resilient HttpClients and the three health endpoints.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Checks that only say the process is up.</summary>
    public const string LiveTag = "live";

    /// <summary>Checks that say the service can do its work (its servers are reachable).</summary>
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // A retried POST could repeat a side effect; only safe methods are retried here.
            http.AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MyHibachi.*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("MyHibachi.*")
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process is up."), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check), <c>/health/ready</c> (checks tagged ready) and
    /// <c>/health/live</c> (checks tagged live), each answering JSON that names every check.
    /// </summary>
    public static IEndpointConventionBuilder MapDefaultEndpoints(this WebApplication app)
    {
        var includeErrors = app.Environment.IsDevelopment();
        var group = app.MapGroup("/health").WithTags("Health");
        group.MapHealthChecks("", Options(_ => true, includeErrors));
        group.MapHealthChecks("/ready", Options(check => check.Tags.Contains(ReadyTag), includeErrors));
        group.MapHealthChecks("/live", Options(check => check.Tags.Contains(LiveTag), includeErrors));
        return group;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate, bool includeErrors) => new()
    {
        Predicate = predicate,
        ResponseWriter = (context, report) => WriteReportAsync(context, report, includeErrors),
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    private static Task WriteReportAsync(HttpContext context, HealthReport report, bool includeErrors)
    {
        var body = new HealthReportBody(
            report.Status.ToString(),
            Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            [.. report.Entries.Select(entry => new HealthCheckBody(
                entry.Key,
                entry.Value.Status.ToString(),
                Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                entry.Value.Description,
                includeErrors ? entry.Value.Exception?.Message : null,
                entry.Value.Data.Count == 0 ? null : entry.Value.Data.ToDictionary(d => d.Key, d => d.Value)))]);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonOptions, context.RequestAborted);
    }

    private sealed record HealthReportBody(string Status, double TotalDurationMs, IReadOnlyList<HealthCheckBody> Checks);

    private sealed record HealthCheckBody(
        string Name, string Status, double DurationMs, string? Description, string? Error,
        IReadOnlyDictionary<string, object>? Data);
}
