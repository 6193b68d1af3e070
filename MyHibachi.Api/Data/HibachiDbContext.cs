using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Pricing;

namespace MyHibachi.Api.Data;

public sealed class HibachiDbContext(DbContextOptions<HibachiDbContext> options) : DbContext(options)
{
    /// <summary>The name of the query filter that hides soft-deleted rows.</summary>
    public const string SoftDeleteFilter = "SoftDelete";

    public DbSet<Station> Stations => Set<Station>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Chef> Chefs => Set<Chef>();

    public DbSet<ChefWorkingHours> ChefWorkingHours => Set<ChefWorkingHours>();

    public DbSet<ChefDateOverride> ChefDateOverrides => Set<ChefDateOverride>();

    public DbSet<ChefTimeOff> ChefTimeOff => Set<ChefTimeOff>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<Quote> Quotes => Set<Quote>();

    public DbSet<Lead> Leads => Set<Lead>();

    public DbSet<LeadNote> LeadNotes => Set<LeadNote>();

    public DbSet<PriceItem> PriceItems => Set<PriceItem>();

    public DbSet<MenuItem> MenuItems => Set<MenuItem>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<Permission> Permissions => Set<Permission>();

    public DbSet<RolePermission> RolePermissions => Set<RolePermission>();

    public DbSet<UserRole> UserRoles => Set<UserRole>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();

    public DbSet<PaymentAttempt> PaymentAttempts => Set<PaymentAttempt>();

    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<InvoiceSequence> InvoiceSequences => Set<InvoiceSequence>();

    public DbSet<StoredFile> Files => Set<StoredFile>();

    public DbSet<PriceChange> PriceChanges => Set<PriceChange>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationMessage> ConversationMessages => Set<ConversationMessage>();

    public DbSet<ConversationEvent> ConversationEvents => Set<ConversationEvent>();

    public DbSet<KnowledgeArticle> KnowledgeArticles => Set<KnowledgeArticle>();

    public DbSet<CannedReply> CannedReplies => Set<CannedReply>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewPhoto> ReviewPhotos => Set<ReviewPhoto>();

    public DbSet<ReviewLike> ReviewLikes => Set<ReviewLike>();

    public DbSet<LoyaltyAccount> LoyaltyAccounts => Set<LoyaltyAccount>();

    public DbSet<LoyaltyTransaction> LoyaltyTransactions => Set<LoyaltyTransaction>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<LoyaltyCampaign> LoyaltyCampaigns => Set<LoyaltyCampaign>();

    public DbSet<LoyaltyBadge> LoyaltyBadges => Set<LoyaltyBadge>();

    public DbSet<GoogleConnection> GoogleConnections => Set<GoogleConnection>();

    public DbSet<ChefCalendar> ChefCalendars => Set<ChefCalendar>();

    public DbSet<ExternalBusyTime> ExternalBusyTimes => Set<ExternalBusyTime>();

    public DbSet<BookingCalendarEvent> BookingCalendarEvents => Set<BookingCalendarEvent>();

    public DbSet<BusinessLocation> BusinessLocations => Set<BusinessLocation>();

    public DbSet<GoogleReview> GoogleReviews => Set<GoogleReview>();

    public DbSet<MarketingSourceSetting> MarketingSources => Set<MarketingSourceSetting>();

    public DbSet<MarketingFactRow> MarketingFacts => Set<MarketingFactRow>();

    public DbSet<AdsCampaign> AdsCampaigns => Set<AdsCampaign>();

    public DbSet<AdsExperiment> AdsExperiments => Set<AdsExperiment>();

    public DbSet<SearchPageInspection> SearchPageInspections => Set<SearchPageInspection>();

    public DbSet<CpaAlertRule> CpaAlertRules => Set<CpaAlertRule>();

    public DbSet<CpaAlert> CpaAlerts => Set<CpaAlert>();

    public DbSet<MarketingRecommendation> MarketingRecommendations => Set<MarketingRecommendation>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<BookingStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LeadSource>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LeadStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LeadReason>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<MenuCategory>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<PricingUnit>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PaymentPurpose>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PaymentAttemptStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PaymentAttemptKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LedgerEntryKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PaymentMethod>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ConversationStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ConversationChannel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<MessageAuthor>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ConversationEventKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CallDirection>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CallStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<TranscriptStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReviewStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LoyaltyTier>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LoyaltyTransactionKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LoyaltyTransactionStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReferralStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LoyaltyCampaignKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<GoogleCredentialKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<GoogleConnectionStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CalendarSyncStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ExternalBusySource>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReplyStatus>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("btree_gist");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HibachiDbContext).Assembly);
    }
}
