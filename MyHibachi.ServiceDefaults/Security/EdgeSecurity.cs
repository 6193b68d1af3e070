using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MyHibachi.ServiceDefaults.Security;

/// <summary>Security settings shared by the Api and the site (section "Security").</summary>
public sealed class EdgeSecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Proxies (CIDR) whose CF-Connecting-IP / X-Forwarded-For / X-Forwarded-Proto are believed, e.g.
    /// the cloudflared host. Nobody else can set the client address.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>User-Agent fragments refused with 403 (scanners and attack tools).</summary>
    public List<string> BlockedUserAgents { get; set; } = [];

    /// <summary>The Content-Security-Policy sent with every response.</summary>
    public string ContentSecurityPolicy { get; set; } = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Paths (prefixes) that get <see cref="RelaxedContentSecurityPolicy"/> instead (e.g. API docs).</summary>
    public List<string> RelaxedPaths { get; set; } = [];

    public string RelaxedContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'";
}

/// <summary>The in-app defences that apply whatever sits in front (Cloudflare or nothing).</summary>
public static class EdgeSecurityExtensions
{
    public static TBuilder AddEdgeSecurity<TBuilder>(this TBuilder builder, Action<EdgeSecurityOptions>? defaults = null) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<EdgeSecurityOptions>()
            .Configure(options => defaults?.Invoke(options))
            .BindConfiguration(EdgeSecurityOptions.Section)
            .Validate(options => options.TrustedProxies.All(p => IPNetwork.TryParse(p, out _) || IPAddress.TryParse(p, out _)),
                "Security:TrustedProxies must hold IP addresses or CIDR ranges such as 10.0.0.0/8.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>Client address from trusted proxies, blocked user agents, security headers, HSTS and HTTPS outside Development.</summary>
    public static WebApplication UseEdgeSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EdgeSecurityOptions>>().Value;
        var trusted = options.TrustedProxies
            .Select(p => IPNetwork.TryParse(p, out var network) ? network : new IPNetwork(IPAddress.Parse(p), IPAddress.Parse(p).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128))
            .ToList();
        var blocked = options.BlockedUserAgents.Where(b => !string.IsNullOrWhiteSpace(b)).ToArray();

        app.Use((context, next) =>
        {
            ApplyForwardedHeaders(context, trusted);
            var agent = context.Request.Headers.UserAgent.ToString();
            if (blocked.Length > 0 && blocked.Any(b => agent.Contains(b, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = options.RelaxedPaths.Any(p => context.Request.Path.StartsWithSegments(p))
                ? options.RelaxedContentSecurityPolicy
                : options.ContentSecurityPolicy;
            return next(context);
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }

    /// <summary>Believes CF-Connecting-IP, X-Forwarded-For and X-Forwarded-Proto only from a trusted proxy.</summary>
    public static void ApplyForwardedHeaders(HttpContext context, IReadOnlyList<IPNetwork> trusted)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || trusted.Count == 0 || !IsTrusted(remote, trusted))
        {
            return;
        }

        if (IPAddress.TryParse(context.Request.Headers["CF-Connecting-IP"].ToString().Trim(), out var cloudflare))
        {
            context.Connection.RemoteIpAddress = cloudflare;
        }
        else
        {
            // The right-most address that is not one of our proxies is the real client.
            var chain = context.Request.Headers["X-Forwarded-For"].ToString()
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = chain.Length - 1; i >= 0; i--)
            {
                if (!IPAddress.TryParse(chain[i], out var hop))
                {
                    break;
                }

                context.Connection.RemoteIpAddress = hop;
                if (!IsTrusted(hop, trusted))
                {
                    break;
                }
            }
        }

        var proto = context.Request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim();
        if (proto is "https" or "http")
        {
            context.Request.Scheme = proto;
        }
    }

    private static bool IsTrusted(IPAddress address, IReadOnlyList<IPNetwork> trusted)
    {
        var candidate = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return trusted.Any(network => network.Contains(candidate));
    }
}
