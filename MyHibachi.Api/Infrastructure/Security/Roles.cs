namespace MyHibachi.Api.Infrastructure.Security;

/// <summary>
/// What each role may do and what each permission means, as the database is seeded. The names
/// themselves are the shared contracts' <see cref="Roles"/> and <see cref="Permissions"/>.
/// </summary>
public static class RoleCatalog
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Roles.SuperAdmin] = "Everything, including users and roles.",
        [Roles.Admin] = "Everything except user and role management.",
        [Roles.CustomerSupport] = "Reads everything; edits customers, leads and booking details, cancels bookings.",
        [Roles.StationManager] = "Full control of their own station's chefs, customers, bookings and leads.",
        [Roles.Chef] = "Their own profile (phone, bio, weekly hours), date overrides and time off, and the bookings they are assigned.",
        [Roles.Customer] = "Their own account and bookings.",
        [Roles.Service] = "Internal services such as the Workers.",
    };

    public static readonly PermissionDto[] AllPermissions =
    [
        new(Permissions.StationsRead, "See stations, including inactive ones."),
        new(Permissions.StationsWrite, "Change stations (a station manager: their own)."),
        new(Permissions.StationsCreate, "Open new stations."),
        new(Permissions.CustomersRead, "See customers."),
        new(Permissions.CustomersWrite, "Add and change customers."),
        new(Permissions.CustomersDelete, "Delete and restore customers."),
        new(Permissions.ChefsRead, "See chefs (a chef: themselves)."),
        new(Permissions.ChefsWrite, "Add and change chefs."),
        new(Permissions.ChefsDelete, "Delete and restore chefs."),
        new(Permissions.ChefsSchedule, "Edit date overrides and time off (a chef: their own)."),
        new(Permissions.BookingsRead, "See bookings (a chef: assigned ones; a customer: their own)."),
        new(Permissions.BookingsCreate, "Book on someone's behalf or for oneself."),
        new(Permissions.BookingsUpdate, "Change a booking's details and time (a customer: before the cut-off)."),
        new(Permissions.BookingsManage, "Assign chefs, confirm, complete and mark no-shows."),
        new(Permissions.BookingsCancel, "Cancel bookings (a customer: their own, before the cut-off)."),
        new(Permissions.BookingsDelete, "Delete and restore bookings."),
        new(Permissions.LeadsRead, "See the lead queue."),
        new(Permissions.LeadsWrite, "Claim leads, change their status, add notes."),
        new(Permissions.LeadsDelete, "Delete and restore leads."),
        new(Permissions.AuditRead, "Read the audit trail and the recycle bin."),
        new(Permissions.PaymentsRead, "See ledgers, invoices and the daily payments report."),
        new(Permissions.PaymentsRecord, "Record payments taken by hand (cash, Zelle, Venmo, check)."),
        new(Permissions.PaymentsRefund, "Refund payments, and override the cancellation policy with a reason."),
        new(Permissions.PricingManage, "Change prices (with a reason; every change is kept)."),
        new(Permissions.ConversationsRead, "See the assistant's conversations and the escalation queue."),
        new(Permissions.ConversationsReply, "Take over a conversation, reply as a person and hand it back to the assistant."),
        new(Permissions.KnowledgeManage, "Write the knowledge base the assistant answers policy questions from."),
        new(Permissions.ReviewsModerate, "Approve, reject, flag and edit customers' reviews (every change is kept)."),
        new(Permissions.LoyaltyManage, "Adjust customers' points with a reason (audited) and set up challenges and seasonal multipliers."),
        new(Permissions.IntegrationsManage, "Connect Google accounts, link chefs' calendars and run the syncs."),
        new(Permissions.MarketingRead, "See the marketing dashboards (Search Console, Google Ads, Analytics), recommendations and CPA alerts; export them as CSV."),
        new(Permissions.MarketingManage, "Link the marketing sources, run their syncs, set CPA alert thresholds and the month's ad budget."),
        new(Permissions.UsersManage, "Manage user accounts and role permissions."),
        new(Permissions.InternalAccess, "Call the internal endpoints (services only)."),
    ];

    /// <summary>Permissions that only services (the Workers) hold: no staff role may be given them.</summary>
    public static readonly string[] ServiceOnlyPermissions = [Permissions.InternalAccess];

    /// <summary>What a person's role can hold: everything but the service-only permissions.</summary>
    public static IEnumerable<string> StaffGrantable => AllPermissions.Select(p => p.Name).Except(ServiceOnlyPermissions);

    /// <summary>The starting permissions of each role (SUPER_ADMIN always has every staff permission).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> DefaultPermissions = new Dictionary<string, string[]>
    {
        [Roles.SuperAdmin] = StaffGrantable.ToArray(),
        [Roles.Admin] = StaffGrantable.Where(p => p != Permissions.UsersManage).ToArray(),
        [Roles.CustomerSupport] =
        [
            Permissions.StationsRead, Permissions.CustomersRead, Permissions.CustomersWrite,
            Permissions.ChefsRead, Permissions.BookingsRead, Permissions.BookingsUpdate,
            Permissions.BookingsCancel, Permissions.LeadsRead, Permissions.LeadsWrite,
            Permissions.AuditRead, Permissions.PaymentsRead, Permissions.PaymentsRecord,
            Permissions.ConversationsRead, Permissions.ConversationsReply, Permissions.KnowledgeManage,
            Permissions.ReviewsModerate,
        ],
        [Roles.StationManager] =
        [
            Permissions.StationsRead, Permissions.StationsWrite, Permissions.CustomersRead,
            Permissions.CustomersWrite, Permissions.CustomersDelete, Permissions.ChefsRead,
            Permissions.ChefsWrite, Permissions.ChefsDelete, Permissions.ChefsSchedule,
            Permissions.BookingsRead, Permissions.BookingsCreate, Permissions.BookingsUpdate,
            Permissions.BookingsManage, Permissions.BookingsCancel, Permissions.BookingsDelete,
            Permissions.LeadsRead, Permissions.LeadsWrite, Permissions.LeadsDelete,
            Permissions.PaymentsRead, Permissions.PaymentsRecord, Permissions.PaymentsRefund,
            Permissions.ConversationsRead, Permissions.ConversationsReply,
        ],
        [Roles.Chef] = [Permissions.ChefsRead, Permissions.ChefsWrite, Permissions.ChefsSchedule, Permissions.BookingsRead],
        [Roles.Customer] = [Permissions.BookingsRead, Permissions.BookingsCreate, Permissions.BookingsUpdate, Permissions.BookingsCancel],
        [Roles.Service] =
        [
            Permissions.InternalAccess, Permissions.BookingsRead, Permissions.LeadsRead,
            Permissions.LeadsWrite, Permissions.CustomersRead, Permissions.ChefsRead,
            Permissions.StationsRead, Permissions.PaymentsRead, Permissions.ConversationsRead,
        ],
    };
}
