using System.Security.Claims;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Infrastructure.Security;

public enum ScopeKind
{
    /// <summary>Not signed in: only public endpoints.</summary>
    Anonymous,

    /// <summary>Super admin, admin, customer support, services: every station.</summary>
    Global,

    /// <summary>A station manager: one station.</summary>
    Station,

    /// <summary>A chef: themselves and their assigned bookings.</summary>
    Chef,

    /// <summary>A customer: their own record and bookings.</summary>
    Customer,
}

/// <summary>
/// What the signed-in user may see, applied inside the queries themselves (never a filter the
/// client sends). Out-of-scope records simply do not exist for the user: 404, not 403.
/// </summary>
public sealed class AccessScope(IHttpContextAccessor accessor)
{
    private static readonly string[] GlobalRoles = [Contracts.Roles.SuperAdmin, Contracts.Roles.Admin, Contracts.Roles.CustomerSupport, Contracts.Roles.Service];

    private ClaimsPrincipal User => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public ScopeKind Kind
    {
        get
        {
            // Outside a request (seeding, background jobs) the Api acts for itself.
            if (accessor.HttpContext is null)
            {
                return ScopeKind.Global;
            }

            var roles = User.FindAll(TokenService.RoleClaim).Select(c => c.Value).ToHashSet();
            return roles.Overlaps(GlobalRoles) ? ScopeKind.Global
                : roles.Contains(Contracts.Roles.StationManager) && StationId is not null ? ScopeKind.Station
                : roles.Contains(Contracts.Roles.Chef) && ChefId is not null ? ScopeKind.Chef
                : roles.Contains(Contracts.Roles.Customer) ? ScopeKind.Customer
                : ScopeKind.Anonymous;
        }
    }

    /// <summary>Outside a request (seeding, background jobs): the Api acting for itself.</summary>
    public bool IsSystem => accessor.HttpContext is null;

    /// <summary>The signed-in user's roles.</summary>
    public IReadOnlyList<string> Roles => User.FindAll(TokenService.RoleClaim).Select(c => c.Value).ToList();

    public Guid? StationId => Claim(TokenService.StationClaim);

    public Guid? ChefId => Claim(TokenService.ChefClaim);

    /// <summary>Only present once the customer has confirmed their e-mail address.</summary>
    public Guid? CustomerId => Claim(TokenService.CustomerClaim);

    public bool IsStaff => Kind is ScopeKind.Global or ScopeKind.Station or ScopeKind.Chef;

    public bool CanUseStation(Guid stationId) => Kind == ScopeKind.Global || (Kind == ScopeKind.Station && StationId == stationId);

    public IQueryable<Booking> Bookings(IQueryable<Booking> bookings) => Kind switch
    {
        ScopeKind.Global => bookings,
        ScopeKind.Station => bookings.Where(b => b.StationId == StationId),
        ScopeKind.Chef => bookings.Where(b => b.ChefId == ChefId),
        ScopeKind.Customer when CustomerId is { } customerId => bookings.Where(b => b.CustomerId == customerId),
        _ => bookings.Where(_ => false),
    };

    public IQueryable<Customer> Customers(IQueryable<Customer> customers) => Kind switch
    {
        ScopeKind.Global => customers,
        ScopeKind.Station => customers.Where(c => c.StationId == StationId),
        ScopeKind.Customer when CustomerId is { } customerId => customers.Where(c => c.Id == customerId),
        _ => customers.Where(_ => false),
    };

    public IQueryable<Chef> Chefs(IQueryable<Chef> chefs) => Kind switch
    {
        ScopeKind.Global => chefs,
        ScopeKind.Station => chefs.Where(c => c.StationId == StationId),
        ScopeKind.Chef => chefs.Where(c => c.Id == ChefId),
        _ => chefs.Where(_ => false),
    };

    public IQueryable<Lead> Leads(IQueryable<Lead> leads) => Kind switch
    {
        ScopeKind.Global => leads,
        ScopeKind.Station => leads.Where(l => l.StationId == StationId),
        _ => leads.Where(_ => false),
    };

    private Guid? Claim(string type) => Guid.TryParse(User.FindFirstValue(type), out var id) ? id : null;
}
