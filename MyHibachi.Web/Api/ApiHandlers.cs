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

/// <summary>
/// Adds the signed-in user's access token (refreshed when it is about to expire) to calls to the Api.
/// When the Api refuses the token (the account was deactivated, its roles changed, the session was
/// signed out elsewhere), the site's session ends too, so the next page asks the person to sign in.
/// </summary>
public sealed class AccessTokenHandler(Auth.SessionService session) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = request.Headers.Authorization is null ? await session.AccessTokenAsync(cancellationToken) : null;
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (token is not null && response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            await session.EndLocallyAsync();
        }

        return response;
    }
}

