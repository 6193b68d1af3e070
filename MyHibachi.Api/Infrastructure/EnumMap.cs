using System.Collections.Frozen;

namespace MyHibachi.Api.Infrastructure;

/// <summary>
/// Converts between an entity enum and its contract twin by member name. Built once per pair; a
/// member without a twin fails the first conversion (and the unit test that converts every member).
/// </summary>
public static class EnumMap<TFrom, TTo> where TFrom : struct, Enum where TTo : struct, Enum
{
    private static readonly FrozenDictionary<TFrom, TTo> Map = Enum.GetValues<TFrom>().ToFrozenDictionary(
        value => value,
        value => Enum.TryParse<TTo>(value.ToString(), ignoreCase: false, out var twin) && Enum.IsDefined(twin)
            ? twin
            : throw new InvalidOperationException($"{typeof(TFrom).FullName}.{value} has no member of the same name in {typeof(TTo).FullName}."));

    public static TTo Convert(TFrom value) =>
        Map.TryGetValue(value, out var twin) ? twin : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TFrom).Name}.");
}

public static class EnumMappings
{
    public static Contracts.BookingStatus ToContract(this BookingStatus value) => EnumMap<BookingStatus, Contracts.BookingStatus>.Convert(value);

    public static BookingStatus ToEntity(this Contracts.BookingStatus value) => EnumMap<Contracts.BookingStatus, BookingStatus>.Convert(value);

    public static Contracts.LeadSource ToContract(this LeadSource value) => EnumMap<LeadSource, Contracts.LeadSource>.Convert(value);

    public static LeadSource ToEntity(this Contracts.LeadSource value) => EnumMap<Contracts.LeadSource, LeadSource>.Convert(value);

    public static Contracts.LeadStatus ToContract(this LeadStatus value) => EnumMap<LeadStatus, Contracts.LeadStatus>.Convert(value);

    public static LeadStatus ToEntity(this Contracts.LeadStatus value) => EnumMap<Contracts.LeadStatus, LeadStatus>.Convert(value);

    public static Contracts.LeadReason ToContract(this LeadReason value) => EnumMap<LeadReason, Contracts.LeadReason>.Convert(value);

    public static LeadReason ToEntity(this Contracts.LeadReason value) => EnumMap<Contracts.LeadReason, LeadReason>.Convert(value);

    public static Contracts.MenuCategory ToContract(this MenuCategory value) => EnumMap<MenuCategory, Contracts.MenuCategory>.Convert(value);

    public static Contracts.PricingUnit ToContract(this PricingUnit value) => EnumMap<PricingUnit, Contracts.PricingUnit>.Convert(value);

    public static Contracts.PaymentPurpose ToContract(this PaymentPurpose value) => EnumMap<PaymentPurpose, Contracts.PaymentPurpose>.Convert(value);

    public static PaymentPurpose ToEntity(this Contracts.PaymentPurpose value) => EnumMap<Contracts.PaymentPurpose, PaymentPurpose>.Convert(value);

    public static Contracts.PaymentAttemptStatus ToContract(this PaymentAttemptStatus value) => EnumMap<PaymentAttemptStatus, Contracts.PaymentAttemptStatus>.Convert(value);

    public static Contracts.LedgerEntryKind ToContract(this LedgerEntryKind value) => EnumMap<LedgerEntryKind, Contracts.LedgerEntryKind>.Convert(value);

    public static Contracts.PaymentMethod ToContract(this PaymentMethod value) => EnumMap<PaymentMethod, Contracts.PaymentMethod>.Convert(value);

    public static PaymentMethod ToEntity(this Contracts.PaymentMethod value) => EnumMap<Contracts.PaymentMethod, PaymentMethod>.Convert(value);

    public static Contracts.ConversationState ToContract(this ConversationStatus value) => EnumMap<ConversationStatus, Contracts.ConversationState>.Convert(value);

    public static ConversationStatus ToEntity(this Contracts.ConversationState value) => EnumMap<Contracts.ConversationState, ConversationStatus>.Convert(value);

    public static Contracts.ChatChannel ToContract(this ConversationChannel value) => EnumMap<ConversationChannel, Contracts.ChatChannel>.Convert(value);

    public static ConversationChannel ToEntity(this Contracts.ChatChannel value) => EnumMap<Contracts.ChatChannel, ConversationChannel>.Convert(value);

    public static Contracts.ConversationEventType ToContract(this ConversationEventKind value) => EnumMap<ConversationEventKind, Contracts.ConversationEventType>.Convert(value);

    public static Contracts.DeliveryStatus ToContract(this Data.Entities.DeliveryState value) => EnumMap<Data.Entities.DeliveryState, Contracts.DeliveryStatus>.Convert(value);

    public static Data.Entities.DeliveryState ToEntity(this Contracts.DeliveryStatus value) => EnumMap<Contracts.DeliveryStatus, Data.Entities.DeliveryState>.Convert(value);

    /// <summary>The inbox's words for a conversation's state: the assistant has it (pending), a person has it (open), snoozed, resolved.</summary>
    public static Contracts.ReviewStatus ToContract(this ReviewStatus value) => EnumMap<ReviewStatus, Contracts.ReviewStatus>.Convert(value);

    public static ReviewStatus ToEntity(this Contracts.ReviewStatus value) => EnumMap<Contracts.ReviewStatus, ReviewStatus>.Convert(value);

    public static Contracts.LoyaltyTier ToContract(this LoyaltyTier value) => EnumMap<LoyaltyTier, Contracts.LoyaltyTier>.Convert(value);

    public static Contracts.LoyaltyTransactionKind ToContract(this LoyaltyTransactionKind value) =>
        EnumMap<LoyaltyTransactionKind, Contracts.LoyaltyTransactionKind>.Convert(value);

    public static Contracts.LoyaltyTransactionStatus ToContract(this LoyaltyTransactionStatus value) =>
        EnumMap<LoyaltyTransactionStatus, Contracts.LoyaltyTransactionStatus>.Convert(value);

    public static Contracts.ReferralStatus ToContract(this ReferralStatus value) => EnumMap<ReferralStatus, Contracts.ReferralStatus>.Convert(value);

    public static Contracts.LoyaltyCampaignKind ToContract(this LoyaltyCampaignKind value) => EnumMap<LoyaltyCampaignKind, Contracts.LoyaltyCampaignKind>.Convert(value);

    public static LoyaltyCampaignKind ToEntity(this Contracts.LoyaltyCampaignKind value) => EnumMap<Contracts.LoyaltyCampaignKind, LoyaltyCampaignKind>.Convert(value);

    public static Contracts.InboxStatus ToInbox(this ConversationStatus value) => value switch
    {
        ConversationStatus.Active => Contracts.InboxStatus.Pending,
        ConversationStatus.Escalated => Contracts.InboxStatus.Open,
        ConversationStatus.Snoozed => Contracts.InboxStatus.Snoozed,
        _ => Contracts.InboxStatus.Resolved,
    };

    public static ConversationStatus ToEntity(this Contracts.InboxStatus value) => value switch
    {
        Contracts.InboxStatus.Pending => ConversationStatus.Active,
        Contracts.InboxStatus.Open => ConversationStatus.Escalated,
        Contracts.InboxStatus.Snoozed => ConversationStatus.Snoozed,
        _ => ConversationStatus.Closed,
    };
}
