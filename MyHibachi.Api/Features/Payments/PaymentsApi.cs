using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Configurations;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Files;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Payments;

public static class PaymentsApi
{
    /// <summary>Stripe's deliveries come in bursts (a retried backlog); they get their own, larger limit.</summary>
    public const string WebhookRateLimit = "webhooks";

    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FileStoreOptions>().BindConfiguration(FileStoreOptions.Section);
        // Files go to an S3-compatible bucket when one is configured, else to a folder under the data root.
        services.AddOptions<S3Options>().BindConfiguration(S3Options.Section);
        services.AddSingleton<IBlobStore>(provider => provider.GetRequiredService<IOptions<S3Options>>().Value.IsConfigured
            ? ActivatorUtilities.CreateInstance<S3BlobStore>(provider)
            : ActivatorUtilities.CreateInstance<FolderBlobStore>(provider));
        services.AddScoped<FileStore>();
        services.AddSingleton<StripeGateway>();
        services.AddSingleton<PayLinks>();
        services.AddScoped<PaymentService>();
        services.AddScoped<PaymentRefunds>();
        services.AddScoped<PaymentReconciliation>();
        services.AddScoped<PaymentQueries>();
        services.AddScoped<InvoiceService>();
        services.AddScoped<StripeWebhooks>();
        services.AddRateLimitPolicy(WebhookRateLimit, options => Math.Max(options.PermitPerMinute, 6_000));
        return services.AddConstraintProblem(PaymentAttemptConfiguration.OpenAttemptIndex, Failure.Conflict(ProblemCodes.ConcurrentChange,
            "A payment for this booking is being set up.", "Try again in a moment; the same payment page is returned."));
    }

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var stripe = app.MapGroup("/api/v1/stripe").WithTags("Payments").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api);
        stripe.MapPost("/checkout-session", CreateCheckoutSession).WithName("CreateCheckoutSession")
            .WithSummary("A Stripe Checkout page for a booking's deposit or balance (its customer, staff, or the holder of its pay token); concurrent requests share one open page")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        stripe.MapPost("/payment-intent", CreatePaymentIntent).WithName("CreatePaymentIntent")
            .WithSummary("A PaymentIntent for an embedded card form (Stripe.js confirms it with the client secret); one open per booking and purpose")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        stripe.MapGet("/payment/{id}", GetPayment).WithName("GetPayment")
            .WithSummary("A payment's status (our payment id from the return link, or for staff a Stripe session or PaymentIntent id): processing until Stripe confirms")
            .ProducesProblem(StatusCodes.Status404NotFound);
        stripe.MapPost("/refund", Refund).WithName("RefundPayment")
            .WithSummary("Refund a booking's card payments, in full or in part: the policy amount by default, more with overridePolicy and a reason")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireStaff().RequirePermission(Permissions.PaymentsRefund);
        app.MapPost("/api/v1/stripe/webhook", ReceiveWebhook).WithTags("Payments").WithName("StripeWebhook")
            .WithSummary("Stripe's events, signed (Stripe-Signature); each processed once by its id").ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(WebhookRateLimit).DisableAntiforgery().ExcludeFromDescription();

        var money = app.MapGroup("/api/v1/payments").WithTags("Payments").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api);
        money.MapGet("/terms", GetTerms).WithName("GetBookingTerms").AllowAnonymous()
            .WithSummary("What booking commits a customer to: how long a date is held for the deposit, when the balance is charged, the cancellation policy, how to pay");
        money.MapGet("/bookings/{bookingId:guid}", GetBookingPayments).WithName("GetBookingPayments")
            .WithSummary("A booking's money: paid and due (from its ledger), every ledger row, invoices, and what cancelling now would refund (its customer, staff, or ?token=)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        money.MapPost("/bookings/{bookingId:guid}/manual", RecordManualPayment).WithName("RecordManualPayment")
            .WithSummary("Record money taken by hand: cash, Zelle, Venmo, check or other")
            .ProducesValidationProblem().RequireStaff().RequirePermission(Permissions.PaymentsRecord);
        money.MapPost("/bookings/{bookingId:guid}/manual-refund", RecordManualRefund).WithName("RecordManualRefund")
            .WithSummary("Record money given back by hand, within the policy unless overridden with a reason")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).RequireStaff().RequirePermission(Permissions.PaymentsRefund);
        money.MapGet("/daily", DailyReport).WithName("DailyPayments")
            .WithSummary("A UTC day's payments and refunds beside what Stripe reports for each, with every difference")
            .ProducesValidationProblem().RequireStaff().RequirePermission(Permissions.PaymentsRead);

        var invoices = app.MapGroup("/api/v1/invoices").WithTags("Invoices").RequireRateLimiting(RateLimitPolicies.Api);
        invoices.MapGet("", ListInvoices).WithName("ListInvoices").WithSummary("Invoices you may see (staff: in their scope; customers: their own), newest first")
            .ProducesValidationProblem().RequireAuthorization();
        invoices.MapGet("/{id:guid}/pdf", DownloadInvoice).WithName("DownloadInvoice")
            .WithSummary("An invoice's PDF (range requests allowed; ?token= with the booking's pay token for guests)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);

        var internalApi = app.MapGroup("/api/internal").WithTags("Internal (workers)").AddEndpointFilter<RetryOnConcurrencyConflict>()
            .RequireRateLimiting(RateLimitPolicies.Api).RequirePermission(Permissions.InternalAccess).RequireAuthorization(policy => policy.RequireRole(Roles.Service));
        internalApi.MapPost("/payments/reconcile", Reconcile).WithName("ReconcilePayments")
            .WithSummary("Ask Stripe about every payment still open after a few minutes (a lost webhook never leaves money unrecorded)");
        internalApi.MapPost("/payments/release-holds", ReleaseHolds).WithName("ReleaseHolds")
            .WithSummary("Cancel pending bookings whose hold ran out unpaid (after closing their open payments at Stripe); each becomes a lead");
        internalApi.MapPost("/payments/charge-balances", ChargeBalances).WithName("ChargeBalances")
            .WithSummary("Charge saved cards for the balance of confirmed bookings a few days out");
        internalApi.MapPost("/payments/refund-cancelled/{bookingId:guid}", RefundCancelled).WithName("RefundCancelledBooking")
            .WithSummary("Refund a cancelled booking's card payments by the policy tier of its cancellation time (once)");
        internalApi.MapGet("/payments/pay-link/{bookingId:guid}", GetPayLink).WithName("GetPayLink").WithSummary("A booking's pay link, for e-mails");
        internalApi.MapPost("/invoices", IssueInvoice).WithName("IssueInvoice").WithSummary("Number the invoice of a payment (once) and describe it for drawing");
        internalApi.MapPut("/invoices/{id:guid}/pdf", AttachInvoicePdf).WithName("AttachInvoicePdf")
            .WithSummary("Store an invoice's PDF (application/pdf body)").Accepts<byte[]>("application/pdf").DisableAntiforgery();
        internalApi.MapPost("/invoices/{id:guid}/emailed", MarkInvoiceEmailed).WithName("MarkInvoiceEmailed").WithSummary("Record that the invoice was e-mailed");
        internalApi.MapGet("/recipients", Recipients).WithName("ListRecipients").WithSummary("Active staff holding a permission (who to tell)");
        return app;
    }

    public static async Task<Results<Ok<CheckoutSessionDto>, ProblemHttpResult>> CreateCheckoutSession(
        CheckoutSessionRequest request, PaymentService payments, CancellationToken cancellationToken) =>
        await payments.CheckoutAsync(request, cancellationToken).ToOk();

    public static async Task<Results<Ok<PaymentIntentDto>, ProblemHttpResult>> CreatePaymentIntent(
        PaymentIntentRequest request, PaymentService payments, CancellationToken cancellationToken) =>
        await payments.PaymentIntentAsync(request, cancellationToken).ToOk();

    public static async Task<Results<Ok<PaymentStatusDto>, ProblemHttpResult>> GetPayment(string id, PaymentService payments, CancellationToken cancellationToken)
    {
        if (id.Length > 255)
        {
            return Failure.NotFound("Payment").ToResult();
        }

        return await payments.StatusAsync(id, cancellationToken) is { } status ? TypedResults.Ok(status) : Failure.NotFound("Payment").ToResult();
    }

    public static async Task<Results<Ok<RefundDto>, ProblemHttpResult>> Refund(RefundRequest request, PaymentRefunds refunds, CancellationToken cancellationToken) =>
        await refunds.RefundCardAsync(request, cancellationToken).ToOk();

    public static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveWebhook(HttpRequest request, StripeWebhooks webhooks, CancellationToken cancellationToken) =>
        await webhooks.ReceiveAsync(request, cancellationToken).ToOk();

    public static Ok<BookingTermsDto> GetTerms(IOptions<PaymentOptions> options, IOptions<StripeOptions> stripe)
    {
        var terms = options.Value;
        return TypedResults.Ok(new BookingTermsDto(terms.HoldHours, terms.ChargeBalanceDaysBefore, RefundPolicy.Describe(terms.Tiers),
            stripe.Value.IsConfigured, terms.ManualInstructions));
    }

    public static async Task<Results<Ok<BookingPaymentsDto>, ProblemHttpResult>> GetBookingPayments(
        Guid bookingId, [AsParameters] BookingPaymentsQuery query, PaymentQueries payments, CancellationToken cancellationToken) =>
        await payments.ForBookingAsync(bookingId, query.Token, cancellationToken) is { } found ? TypedResults.Ok(found) : Failure.NotFound("Booking").ToResult();

    public static async Task<Results<Ok<LedgerEntryDto>, ProblemHttpResult>> RecordManualPayment(
        Guid bookingId, ManualPaymentRequest request, PaymentService payments, CancellationToken cancellationToken) =>
        (await payments.RecordManualPaymentAsync(bookingId, request, cancellationToken)).ToOk(PaymentQueries.ToDto);

    public static async Task<Results<Ok<RefundDto>, ProblemHttpResult>> RecordManualRefund(
        Guid bookingId, ManualRefundRequest request, PaymentRefunds refunds, CancellationToken cancellationToken) =>
        await refunds.RecordManualRefundAsync(bookingId, request, cancellationToken).ToOk();

    public static async Task<Results<Ok<DailyPaymentsDto>, ProblemHttpResult>> DailyReport(
        [AsParameters] DailyPaymentsQuery query, PaymentQueries payments, CancellationToken cancellationToken) =>
        await payments.DailyAsync(query, cancellationToken).ToOk();

    public static async Task<Results<Ok<PagedList<InvoiceDto>>, ProblemHttpResult>> ListInvoices(
        [AsParameters] InvoiceListQuery query, InvoiceService invoices, CancellationToken cancellationToken) =>
        await invoices.ListAsync(query, cancellationToken).ToOk();

    public static async Task<IResult> DownloadInvoice(Guid id, string? token, InvoiceService invoices, HttpContext context, CancellationToken cancellationToken)
    {
        if (await invoices.PdfAsync(id, token, cancellationToken) is not { } file)
        {
            return Failure.NotFound("Invoice").ToResult();
        }

        context.Response.Headers.CacheControl = "private, max-age=3600";
        return await invoices.ServeAsync(file, cancellationToken);
    }

    public static async Task<Ok<PaymentJobResult>> Reconcile(PaymentReconciliation reconciliation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reconciliation.ReconcileAsync(cancellationToken));

    public static async Task<Ok<PaymentJobResult>> ReleaseHolds(PaymentReconciliation reconciliation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reconciliation.ReleaseHoldsAsync(cancellationToken));

    public static async Task<Ok<PaymentJobResult>> ChargeBalances(PaymentReconciliation reconciliation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reconciliation.ChargeBalancesAsync(cancellationToken));

    public static async Task<Results<Ok<RefundDto>, ProblemHttpResult>> RefundCancelled(Guid bookingId, PaymentRefunds refunds, CancellationToken cancellationToken) =>
        await refunds.RefundCancellationAsync(bookingId, cancellationToken).ToOk();

    public static Ok<PayLinkDto> GetPayLink(Guid bookingId, PayLinks links) => TypedResults.Ok(links.Link(bookingId));

    public static async Task<Results<Ok<InvoiceDocumentDto>, ProblemHttpResult>> IssueInvoice(
        IssueInvoiceRequest request, InvoiceService invoices, CancellationToken cancellationToken) =>
        request.LedgerEntryId is { } entry
            ? await invoices.IssueAsync(entry, cancellationToken).ToOk()
            : Failure.Invalid("ledgerEntryId", "Which payment is the invoice for?").ToResult();

    public static async Task<Results<Ok<InvoiceDto>, ProblemHttpResult>> AttachInvoicePdf(
        Guid id, HttpRequest request, InvoiceService invoices, CancellationToken cancellationToken) =>
        await invoices.AttachPdfAsync(id, request.Body, request.ContentLength, cancellationToken).ToOk();

    public static async Task<Results<Ok<InvoiceDto>, ProblemHttpResult>> MarkInvoiceEmailed(Guid id, InvoiceService invoices, CancellationToken cancellationToken) =>
        await invoices.MarkEmailedAsync(id, cancellationToken).ToOk();

    public static async Task<Results<Ok<IReadOnlyList<RecipientDto>>, ProblemHttpResult>> Recipients(
        string? permission, HibachiDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(permission) || permission.Length > 100)
        {
            return Failure.Invalid("permission", "Which permission must the recipients hold?").ToResult();
        }

        var recipients = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.EmailConfirmedAt != null && u.Roles.Any(r => r.Role!.Permissions.Any(p => p.Permission!.Name == permission)))
            .OrderBy(u => u.DisplayName).Take(200).Select(u => new RecipientDto(u.DisplayName, u.Email)).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RecipientDto>>(recipients);
    }
}
