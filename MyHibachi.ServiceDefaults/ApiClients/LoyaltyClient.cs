using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

/// <summary>The loyalty program: the customer's standing, history, redemptions and referrals; staff adjustments and campaigns; the Workers' settlement.</summary>
public sealed class LoyaltyClient(HttpClient http, ILogger<LoyaltyClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<IReadOnlyList<LoyaltyTierDto>>> TiersAsync(CancellationToken ct) => GetAsync<IReadOnlyList<LoyaltyTierDto>>("/api/v1/loyalty/tiers", ct);

    public Task<ApiResult<LoyaltySummaryDto>> MineAsync(CancellationToken ct) => GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me", ct);

    public Task<ApiResult<PagedList<LoyaltyTransactionDto>>> HistoryAsync(int page, CancellationToken ct) =>
        GetAsync<PagedList<LoyaltyTransactionDto>>($"/api/v1/loyalty/me/history?page={page}", ct);

    public Task<ApiResult<RedemptionDto>> RedeemAsync(RedeemPointsRequest request, CancellationToken ct) => PostAsync<RedemptionDto>("/api/v1/loyalty/redeem", request, ct);

    public Task<ApiResult<IReadOnlyList<ReferralDto>>> ReferralsAsync(CancellationToken ct) => GetAsync<IReadOnlyList<ReferralDto>>("/api/v1/loyalty/referrals", ct);

    public Task<ApiResult<ReferralDto>> ClaimReferralAsync(string? code, CancellationToken ct) =>
        PostAsync<ReferralDto>("/api/v1/loyalty/referrals/claim", new ClaimReferralRequest(code), ct);

    public Task<ApiResult<LoyaltySummaryDto>> CustomerAsync(Guid customerId, CancellationToken ct) => GetAsync<LoyaltySummaryDto>($"/api/v1/loyalty/customers/{customerId}", ct);

    public Task<ApiResult<PagedList<LoyaltyTransactionDto>>> CustomerHistoryAsync(Guid customerId, int page, CancellationToken ct) =>
        GetAsync<PagedList<LoyaltyTransactionDto>>($"/api/v1/loyalty/customers/{customerId}/history?page={page}", ct);

    public Task<ApiResult<LoyaltySummaryDto>> AdjustAsync(Guid customerId, LoyaltyAdjustmentRequest request, CancellationToken ct) =>
        PostAsync<LoyaltySummaryDto>($"/api/v1/loyalty/customers/{customerId}/adjust", request, ct);

    public Task<ApiResult<IReadOnlyList<LoyaltyCampaignDto>>> CampaignsAsync(CancellationToken ct) => GetAsync<IReadOnlyList<LoyaltyCampaignDto>>("/api/v1/loyalty/campaigns", ct);

    public Task<ApiResult<LoyaltyCampaignDto>> SaveCampaignAsync(Guid? id, SaveLoyaltyCampaignRequest request, CancellationToken ct) =>
        SaveAsync<LoyaltyCampaignDto>("/api/v1/loyalty/campaigns", id, request, null, ct);

    public Task<ApiResult<LoyaltySettleResult>> SettleAsync(CancellationToken ct) => PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle", null, ct);
}
