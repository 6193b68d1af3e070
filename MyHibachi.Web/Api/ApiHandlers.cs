using System.Net.Http.Headers;

namespace MyHibachi.Web.Api;

/// <summary>
/// Tells the Api who the visitor is (X-Forwarded-For), so its rate limits count per visitor, not
/// per site server. The Api believes it only from the site's address (Security:TrustedProxies).
/// </summary>
public sealed class VisitorAddressHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } visitor)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", (visitor.IsIPv4MappedToIPv6 ? visitor.MapToIPv4() : visitor).ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Adds the signed-in user's access token (refreshed when it is about to expire) to calls to the Api.</summary>
public sealed class AccessTokenHandler(Auth.SessionService session) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && await session.AccessTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
