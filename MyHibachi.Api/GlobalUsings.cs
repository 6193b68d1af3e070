// The Api speaks the shared contracts (MyHibachi.Contracts) and keeps its own entity enums, which
// PostgreSQL stores by name. Inside the Api the short enum names mean the entity enums; the
// contract ones are written Contracts.BookingStatus and reached through EnumMap.
global using MyHibachi.Contracts;
global using BookingStatus = MyHibachi.Api.Data.Entities.BookingStatus;
global using LeadReason = MyHibachi.Api.Data.Entities.LeadReason;
global using LeadSource = MyHibachi.Api.Data.Entities.LeadSource;
global using LeadStatus = MyHibachi.Api.Data.Entities.LeadStatus;
global using MenuCategory = MyHibachi.Api.Features.Pricing.MenuCategory;
global using PricingUnit = MyHibachi.Api.Features.Pricing.PricingUnit;
global using PaymentPurpose = MyHibachi.Api.Data.Entities.PaymentPurpose;
global using PaymentAttemptStatus = MyHibachi.Api.Data.Entities.PaymentAttemptStatus;
global using LedgerEntryKind = MyHibachi.Api.Data.Entities.LedgerEntryKind;
global using PaymentMethod = MyHibachi.Api.Data.Entities.PaymentMethod;
global using ConversationStatus = MyHibachi.Api.Data.Entities.ConversationStatus;
global using ConversationChannel = MyHibachi.Api.Data.Entities.ConversationChannel;
global using ConversationEventKind = MyHibachi.Api.Data.Entities.ConversationEventKind;
global using ReviewStatus = MyHibachi.Api.Data.Entities.ReviewStatus;
global using LoyaltyTier = MyHibachi.Api.Data.Entities.LoyaltyTier;
global using LoyaltyTransactionKind = MyHibachi.Api.Data.Entities.LoyaltyTransactionKind;
global using LoyaltyTransactionStatus = MyHibachi.Api.Data.Entities.LoyaltyTransactionStatus;
global using ReferralStatus = MyHibachi.Api.Data.Entities.ReferralStatus;
global using LoyaltyCampaignKind = MyHibachi.Api.Data.Entities.LoyaltyCampaignKind;
