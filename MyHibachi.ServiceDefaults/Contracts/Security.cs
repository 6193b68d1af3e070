namespace MyHibachi.Contracts;

/// <summary>The roles an account can hold. The Api seeds them; the site checks them.</summary>
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
}

/// <summary>Every permission an endpoint can require, and the site can ask about before it offers an action.</summary>
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
    public const string PaymentsRead = "payments.read";
    public const string PaymentsRecord = "payments.record";
    public const string PaymentsRefund = "payments.refund";
    public const string PricingManage = "pricing.manage";
    public const string ConversationsRead = "conversations.read";
    public const string ConversationsReply = "conversations.reply";
    public const string KnowledgeManage = "knowledge.manage";
    public const string ReviewsModerate = "reviews.moderate";
    public const string LoyaltyManage = "loyalty.manage";
    public const string IntegrationsManage = "integrations.manage";
    public const string MarketingRead = "marketing.read";
    public const string MarketingManage = "marketing.manage";
    public const string UsersManage = "users.manage";
    public const string InternalAccess = "internal.access";
}

/// <summary>Claim names in the Api's access tokens, and in the site's session built from them.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Permission = "perm";
    public const string Station = "station_id";
    public const string Chef = "chef_id";
    public const string Customer = "customer_id";
    public const string Name = "name";
    public const string Email = "email";

    /// <summary>The sign-in session (refresh-token family) an access token belongs to.</summary>
    public const string Session = "sid";

    /// <summary>The account's security stamp when the token was issued; a change ends the token.</summary>
    public const string SecurityStamp = "sst";
}
