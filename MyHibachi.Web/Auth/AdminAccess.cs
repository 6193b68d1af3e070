using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;

namespace MyHibachi.Web.Auth;

/// <summary>
/// Which staff pages need which permission (any one of those listed). The same rule hides a
/// section from the admin menu and refuses its pages with the friendly 403 page, so a chef who
/// types /Admin/Stations sees "not for your account", not a page whose buttons all fail.
/// </summary>
public static class AdminAccess
{
    public static readonly IReadOnlyList<(string Path, bool Folder, string[] AnyOf)> Sections =
    [
        ("/Admin/Bookings", true, [Permissions.BookingsRead]),
        ("/Admin/Bookings/Edit", false, [Permissions.BookingsUpdate]),
        ("/Admin/Calendar", false, [Permissions.BookingsRead]),
        ("/Admin/Customers", true, [Permissions.CustomersRead]),
        ("/Admin/Chefs", true, [Permissions.ChefsRead]),
        ("/Admin/Stations", true, [Permissions.StationsWrite, Permissions.StationsCreate]),
        ("/Admin/Payments", true, [Permissions.PaymentsRead]),
        ("/Admin/Pricing", true, [Permissions.PricingManage]),
        ("/Admin/Leads", true, [Permissions.LeadsRead]),
        ("/Admin/Inbox", true, [Permissions.ConversationsRead]),
        ("/Admin/Conversations", true, [Permissions.ConversationsRead]),
        ("/Admin/Reviews", true, [Permissions.ReviewsModerate]),
        ("/Admin/Loyalty", true, [Permissions.LoyaltyManage]),
        ("/Admin/Google", true, [Permissions.IntegrationsManage]),
        ("/Admin/Marketing", true, [Permissions.MarketingRead]),
        ("/Admin/Knowledge", true, [Permissions.ConversationsRead]),
        ("/Admin/Audit", false, [Permissions.AuditRead]),
        ("/Admin/Deleted", false, [Permissions.AuditRead]),
        ("/Admin/Users", true, [Permissions.UsersManage]),
        ("/Admin/Roles", false, [Permissions.UsersManage]),
    ];

    /// <summary>Whether the menu offers the section at <paramref name="path"/> to this person.</summary>
    public static bool Allows(ClaimsPrincipal user, string path) =>
        Sections.FirstOrDefault(s => s.Path == path) is { AnyOf: { } anyOf } ? anyOf.Any(user.Can) : Roles.Staff.Any(user.IsInRole);

    public static string PolicyName(string path) => "admin-page:" + path;

    public static void AddPolicies(AuthorizationBuilder builder)
    {
        foreach (var (path, _, anyOf) in Sections)
        {
            builder.AddPolicy(PolicyName(path), policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Staff).RequireClaim(ClaimNames.Permission, anyOf));
        }
    }

    public static void AddConventions(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection conventions)
    {
        foreach (var (path, folder, _) in Sections)
        {
            if (folder)
            {
                conventions.AuthorizeFolder(path, PolicyName(path));
            }
            else
            {
                conventions.AuthorizePage(path, PolicyName(path));
            }
        }
    }
}
