namespace MyHibachi.Api.Infrastructure.Security;

/// <summary>The roles and what each may do. Seeded into roles / permissions / role_permissions.</summary>
public static class Roles
{
    public const string SuperAdmin = "SUPER_ADMIN";
    public const string Admin = "ADMIN";
    public const string CustomerSupport = "CUSTOMER_SUPPORT";
    public const string StationManager = "STATION_MANAGER";
    public const string Chef = "CHEF";
    public const string Customer = "CUSTOMER";

    /// <summary>The Workers and other internal services (client-credentials tokens).</summary>
    public const string Service = "SERVICE";

    public static readonly string[] Staff = [SuperAdmin, Admin, CustomerSupport, StationManager, Chef];

    public static readonly string[] All = [SuperAdmin, Admin, CustomerSupport, StationManager, Chef, Customer, Service];

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [SuperAdmin] = "Everything, including users and roles.",
        [Admin] = "Everything except user and role management.",
        [CustomerSupport] = "Reads everything; edits customers, leads and booking details, cancels bookings.",
        [StationManager] = "Full control of their own station's chefs, customers, bookings and leads.",
        [Chef] = "Their own profile (phone, bio, weekly hours), date overrides and time off, and the bookings they are assigned.",
        [Customer] = "Their own account and bookings.",
        [Service] = "Internal services such as the Workers.",
    };

    /// <summary>The starting permissions of each role (SUPER_ADMIN always has all).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> DefaultPermissions = new Dictionary<string, string[]>
    {
        [SuperAdmin] = Permissions.All.Select(p => p.Name).ToArray(),
        [Admin] = Permissions.All.Select(p => p.Name).Where(p => p != Permissions.UsersManage).ToArray(),
        [CustomerSupport] =
        [
            Permissions.StationsRead, Permissions.CustomersRead, Permissions.CustomersWrite, Permissions.ChefsRead,
            Permissions.BookingsRead, Permissions.BookingsUpdate, Permissions.BookingsCancel, Permissions.LeadsRead,
            Permissions.LeadsWrite, Permissions.AuditRead,
        ],
        [StationManager] =
        [
            Permissions.StationsRead, Permissions.StationsWrite, Permissions.CustomersRead, Permissions.CustomersWrite,
            Permissions.CustomersDelete, Permissions.ChefsRead, Permissions.ChefsWrite, Permissions.ChefsDelete,
            Permissions.ChefsSchedule, Permissions.BookingsRead, Permissions.BookingsCreate, Permissions.BookingsUpdate,
            Permissions.BookingsManage, Permissions.BookingsCancel, Permissions.BookingsDelete, Permissions.LeadsRead,
            Permissions.LeadsWrite, Permissions.LeadsDelete,
        ],
        [Chef] = [Permissions.ChefsRead, Permissions.ChefsWrite, Permissions.ChefsSchedule, Permissions.BookingsRead],
        [Customer] = [Permissions.BookingsRead, Permissions.BookingsCreate, Permissions.BookingsUpdate, Permissions.BookingsCancel],
        [Service] =
        [
            Permissions.InternalAccess, Permissions.BookingsRead, Permissions.LeadsRead, Permissions.LeadsWrite,
            Permissions.CustomersRead, Permissions.ChefsRead, Permissions.StationsRead,
        ],
    };
}

public sealed record PermissionInfo(string Name, string Description);

/// <summary>Every permission an endpoint can require.</summary>
public static class Permissions
{
    public const string StationsRead = "stations.read";
    public const string StationsWrite = "stations.write";
    public const string StationsCreate = "stations.create";
    public const string CustomersRead = "customers.read";
    public const string CustomersWrite = "customers.write";
    public const string CustomersDelete = "customers.delete";
    public const string ChefsRead = "chefs.read";
    public const string ChefsWrite = "chefs.write";
    public const string ChefsDelete = "chefs.delete";
    public const string ChefsSchedule = "chefs.schedule";
    public const string BookingsRead = "bookings.read";
    public const string BookingsCreate = "bookings.create";
    public const string BookingsUpdate = "bookings.update";
    public const string BookingsManage = "bookings.manage";
    public const string BookingsCancel = "bookings.cancel";
    public const string BookingsDelete = "bookings.delete";
    public const string LeadsRead = "leads.read";
    public const string LeadsWrite = "leads.write";
    public const string LeadsDelete = "leads.delete";
    public const string AuditRead = "audit.read";
    public const string UsersManage = "users.manage";
    public const string InternalAccess = "internal.access";

    public static readonly PermissionInfo[] All =
    [
        new(StationsRead, "See stations, including inactive ones."),
        new(StationsWrite, "Change stations (a station manager: their own)."),
        new(StationsCreate, "Open new stations."),
        new(CustomersRead, "See customers."),
        new(CustomersWrite, "Add and change customers."),
        new(CustomersDelete, "Delete and restore customers."),
        new(ChefsRead, "See chefs (a chef: themselves)."),
        new(ChefsWrite, "Add and change chefs."),
        new(ChefsDelete, "Delete and restore chefs."),
        new(ChefsSchedule, "Edit date overrides and time off (a chef: their own)."),
        new(BookingsRead, "See bookings (a chef: assigned ones; a customer: their own)."),
        new(BookingsCreate, "Book on someone's behalf or for oneself."),
        new(BookingsUpdate, "Change a booking's details and time (a customer: before the cut-off)."),
        new(BookingsManage, "Assign chefs, confirm, complete and mark no-shows."),
        new(BookingsCancel, "Cancel bookings (a customer: their own, before the cut-off)."),
        new(BookingsDelete, "Delete and restore bookings."),
        new(LeadsRead, "See the lead queue."),
        new(LeadsWrite, "Claim leads, change their status, add notes."),
        new(LeadsDelete, "Delete and restore leads."),
        new(AuditRead, "Read the audit trail and the recycle bin."),
        new(UsersManage, "Manage user accounts and role permissions."),
        new(InternalAccess, "Call the internal endpoints (services only)."),
    ];
}
