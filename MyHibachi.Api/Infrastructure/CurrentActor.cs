using System.Diagnostics;
using System.Security.Claims;

namespace MyHibachi.Api.Infrastructure;

/// <summary>Who is making the current change: the signed-in user, or "system" outside a request.</summary>
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    public const string SystemName = "system";

    private static readonly AsyncLocal<(Guid Id, string Name)?> Acting = new();

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true;

    public Guid? UserId => Acting.Value?.Id ?? (Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? User?.FindFirstValue("sub"), out var id) ? id : null);

    public string Name => Acting.Value?.Name ?? (accessor.HttpContext is null
        ? SystemName
        : IsAuthenticated
            ? User!.FindFirstValue(ClaimTypes.Email) ?? User!.FindFirstValue("email") ?? User!.Identity!.Name ?? "user"
            : "anonymous");

    /// <summary>
    /// Records changes as made by this account until disposed: a sign-in or sign-up is the person's
    /// own act even though the request carries no token yet.
    /// </summary>
    public IDisposable ActingAs(Guid userId, string name)
    {
        var previous = Acting.Value;
        Acting.Value = (userId, name);
        return new Restore(() => Acting.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    public string? RequestId => Activity.Current?.TraceId.ToString() ?? accessor.HttpContext?.TraceIdentifier;
}
