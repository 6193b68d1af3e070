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

/// <summary>
/// Notes on the page request when the Api refused the signed-in user a read (403), so
/// <see cref="ForbiddenPageFilter"/> can show the friendly "not for your account" page instead of
/// an empty table with "Forbidden" as a form error.
/// </summary>
public sealed class ForbiddenReadHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    public const string Key = "myhibachi.api-read-forbidden";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.Forbidden && request.Method == HttpMethod.Get && accessor.HttpContext is { } context)
        {
            context.Items[Key] = true;
        }

        return response;
    }
}

/// <summary>A page opened (GET) whose data the Api refused to this user answers with the 403 page.</summary>
public sealed class ForbiddenPageFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) && context.HttpContext.Items.ContainsKey(ForbiddenReadHandler.Key)
            && context.HttpContext.User.Identity?.IsAuthenticated == true && executed.Result is not Microsoft.AspNetCore.Mvc.RedirectResult)
        {
            executed.Result = new Microsoft.AspNetCore.Mvc.ForbidResult();
        }
    }
}
