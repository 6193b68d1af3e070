namespace MyHibachi.Contracts;

// The enums the Api's contracts use. They are made for the wire: the Api keeps its own entity
// enums (stored in PostgreSQL by name) and maps between the two in one place (EnumMap), so a change
// to one side is caught by the tests before it reaches either the database or a client.

public enum BookingStatus
{
    Pending,
    Confirmed,
    Completed,
    Cancelled,
    NoShow,
}

public enum LeadSource
{
    Web,
    Chat,
    Phone,
    Sms,
    WhatsApp,
    Instagram,
    Facebook,
    Admin,
}

public enum LeadStatus
{
    New,
    Contacted,
    Qualified,
    Converted,
    Lost,
}

/// <summary>Why someone who left contact details has not booked (yet).</summary>
public enum LeadReason
{
    ValidationFailed,
    NoAvailability,
    OutOfServiceArea,
    AbandonedQuote,
    Inquiry,
    DepositNotPaid,
    LargeParty,
}

public enum MenuCategory
{
    Protein,
    ProteinUpgrade,
    AddOn,
    Side,
}

public enum PricingUnit
{
    /// <summary>Price times the quantity ordered (each quantity is one guest's portion).</summary>
    PerPerson,

    /// <summary>Price times the quantity ordered (a platter, an order).</summary>
    PerOrder,

    /// <summary>Included in the per-guest price; offered as a choice, costs nothing extra.</summary>
    Included,
}
