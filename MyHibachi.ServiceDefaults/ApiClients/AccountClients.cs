using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

/// <summary>Signing in, up, out and refreshing: called without anyone's token.</summary>
public sealed class AuthClient(HttpClient http, ILogger<AuthClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<TokenResponse>> LoginAsync(LoginRequest request, CancellationToken ct) => PostAsync<TokenResponse>("/api/auth/login", request, ct);

    public Task<ApiResult<RegistrationReceipt>> RegisterAsync(RegisterRequest request, CancellationToken ct) => PostAsync<RegistrationReceipt>("/api/auth/register", request, ct);

    public Task<ApiResult<RegistrationReceipt>> ResendConfirmationAsync(ResendConfirmationRequest request, CancellationToken ct) =>
        PostAsync<RegistrationReceipt>("/api/auth/resend-confirmation", request, ct);

    public Task<ApiResult<RegistrationReceipt>> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken ct) =>
        PostAsync<RegistrationReceipt>("/api/auth/forgot-password", request, ct);

    public Task<ApiResult<Done>> ResetPasswordAsync(ResetPasswordRequest request, CancellationToken ct) => PostAsync<Done>("/api/auth/reset-password", request, ct);

    public Task<ApiResult<TokenResponse>> RefreshAsync(RefreshRequest request, CancellationToken ct) => PostAsync<TokenResponse>("/api/auth/refresh", request, ct);

    public Task<ApiResult<Done>> LogoutAsync(RefreshRequest request, CancellationToken ct) => PostAsync<Done>("/api/auth/logout", request, ct);

    public Task<ApiResult<Done>> ConfirmEmailAsync(ConfirmEmailRequest request, CancellationToken ct) => PostAsync<Done>("/api/auth/confirm-email", request, ct);

    public Task<ApiResult<ServiceTokenResponse>> ServiceTokenAsync(ServiceTokenRequest request, CancellationToken ct) =>
        PostAsync<ServiceTokenResponse>("/api/auth/service-token", request, ct);
}

public sealed class UsersClient(HttpClient http, ILogger<UsersClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<PagedList<UserDto>>> ListAsync(UserListQuery query, CancellationToken ct) =>
        GetAsync<PagedList<UserDto>>($"/api/admin/users{Query(query)}", ct);

    public Task<ApiResult<UserDto>> GetAsync(Guid id, CancellationToken ct) => GetAsync<UserDto>($"/api/admin/users/{id}", ct);

    public Task<ApiResult<UserDto>> CreateAsync(CreateUserRequest request, CancellationToken ct) => PostAsync<UserDto>("/api/admin/users", request, ct);

    public Task<ApiResult<UserDto>> UpdateAsync(Guid id, UpdateUserRequest request, CancellationToken ct) => PutAsync<UserDto>($"/api/admin/users/{id}", request, ct);

    public Task<ApiResult<UserDto>> UnlockAsync(Guid id, CancellationToken ct) => PostAsync<UserDto>($"/api/admin/users/{id}/unlock", null, ct);

    public Task<ApiResult<RolesDto>> RolesAsync(CancellationToken ct) => GetAsync<RolesDto>("/api/admin/roles", ct);

    public Task<ApiResult<RolesDto>> SetRolePermissionsAsync(string role, IReadOnlyList<string> permissions, CancellationToken ct) =>
        PutAsync<RolesDto>($"/api/admin/roles/{Uri.EscapeDataString(role)}", new RolePermissionsRequest(permissions), ct);
}

/// <summary>The dashboard, the audit trail and the recycle bin.</summary>
public sealed class AdminClient(HttpClient http, ILogger<AdminClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<DashboardDto>> DashboardAsync(DashboardQuery query, CancellationToken ct) =>
        GetAsync<DashboardDto>($"/api/admin/dashboard{Query(query)}", ct);

    public Task<ApiResult<PagedList<AuditEntryDto>>> AuditAsync(AuditQuery query, CancellationToken ct) =>
        GetAsync<PagedList<AuditEntryDto>>($"/api/admin/audit{Query(query)}", ct);

    public Task<ApiResult<PagedList<DeletedItemDto>>> DeletedAsync(DeletedItemsQuery query, CancellationToken ct) =>
        GetAsync<PagedList<DeletedItemDto>>($"/api/admin/deleted{Query(query)}", ct);

    /// <summary>The recycle-bin types and where each is restored.</summary>
    private static readonly Dictionary<string, string> RestoreRoutes = new(StringComparer.Ordinal)
    {
        ["customer"] = "/api/customers",
        ["chef"] = "/api/chefs",
        ["booking"] = "/api/bookings",
        ["lead"] = "/api/admin/leads",
    };

    public static IReadOnlyCollection<string> Restorable => RestoreRoutes.Keys;

    /// <summary>Restores a recycle-bin item of one of the <see cref="Restorable"/> types.</summary>
    public Task<ApiResult<Done>> RestoreAsync(string type, Guid id, CancellationToken ct) =>
        PostAsync<Done>($"{RestoreRoutes[type]}/{id}/restore", null, ct);
}

/// <summary>The endpoints only services (the Workers) may call.</summary>
public sealed class InternalClient(HttpClient http, ILogger<InternalClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<PurgeResult>> PurgeAsync(CancellationToken ct) => PostAsync<PurgeResult>("/api/internal/purge", null, ct);

    public Task<ApiResult<FollowUpResult>> FollowUpQuotesAsync(CancellationToken ct) => PostAsync<FollowUpResult>("/api/internal/quotes/follow-up", null, ct);

    public Task<ApiResult<HandledMessageDto>> HandledMessageAsync(string consumer, Guid messageId, CancellationToken ct) =>
        GetAsync<HandledMessageDto>($"/api/internal/handled-messages/{Uri.EscapeDataString(consumer)}/{messageId}", ct);

    public Task<ApiResult<HandledMessageDto>> RecordHandledAsync(string consumer, Guid messageId, CancellationToken ct) =>
        PutAsync<HandledMessageDto>($"/api/internal/handled-messages/{Uri.EscapeDataString(consumer)}/{messageId}", null, ct);

    public Task<ApiResult<PaymentJobResult>> ReconcilePaymentsAsync(CancellationToken ct) => PostAsync<PaymentJobResult>("/api/internal/payments/reconcile", null, ct);

    public Task<ApiResult<PaymentJobResult>> ReleaseHoldsAsync(CancellationToken ct) => PostAsync<PaymentJobResult>("/api/internal/payments/release-holds", null, ct);

    public Task<ApiResult<PaymentJobResult>> ChargeBalancesAsync(CancellationToken ct) => PostAsync<PaymentJobResult>("/api/internal/payments/charge-balances", null, ct);

    public Task<ApiResult<RefundDto>> RefundCancelledAsync(Guid bookingId, CancellationToken ct) =>
        PostAsync<RefundDto>($"/api/internal/payments/refund-cancelled/{bookingId}", null, ct);

    public Task<ApiResult<PayLinkDto>> PayLinkAsync(Guid bookingId, CancellationToken ct) => GetAsync<PayLinkDto>($"/api/internal/payments/pay-link/{bookingId}", ct);

    public Task<ApiResult<InvoiceDocumentDto>> IssueInvoiceAsync(Guid ledgerEntryId, CancellationToken ct) =>
        PostAsync<InvoiceDocumentDto>("/api/internal/invoices", new IssueInvoiceRequest(ledgerEntryId), ct);

    public Task<ApiResult<InvoiceDto>> AttachInvoicePdfAsync(Guid invoiceId, byte[] pdf, CancellationToken ct) =>
        PutContentAsync<InvoiceDto>($"/api/internal/invoices/{invoiceId}/pdf", pdf, "application/pdf", ct);

    public Task<ApiResult<InvoiceDto>> MarkInvoiceEmailedAsync(Guid invoiceId, CancellationToken ct) =>
        PostAsync<InvoiceDto>($"/api/internal/invoices/{invoiceId}/emailed", null, ct);

    public Task<ApiResult<IReadOnlyList<RecipientDto>>> RecipientsAsync(string permission, CancellationToken ct) =>
        GetAsync<IReadOnlyList<RecipientDto>>($"/api/internal/recipients?permission={Uri.EscapeDataString(permission)}", ct);
}
