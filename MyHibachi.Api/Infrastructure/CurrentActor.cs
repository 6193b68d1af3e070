using System.Diagnostics;
using System.Security.Claims;

namespace MyHibachi.Api.Infrastructure;

/// <summary>Who is making the current change: the signed-in user, or "system" outside a request.</summary>
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    public const string SystemName = "system";

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true;

    public Guid? UserId => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? User?.FindFirstValue("sub"), out var id) ? id : null;

    public string Name => accessor.HttpContext is null
        ? SystemName
        : IsAuthenticated
            ? User!.FindFirstValue(ClaimTypes.Email) ?? User!.FindFirstValue("email") ?? User!.Identity!.Name ?? "user"
            : "anonymous";

    public string? RequestId => Activity.Current?.TraceId.ToString() ?? accessor.HttpContext?.TraceIdentifier;
}
