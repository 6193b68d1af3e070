using Microsoft.FeatureManagement;

namespace MyHibachi.Api.Infrastructure;

/// <summary>The product owner's feature flags, read through Microsoft.FeatureManagement from the FeatureManagement section.</summary>
public static class FeatureFlags
{
    public const string CoreApi = "FEATURE_CORE_API";
    public const string Auth = "FEATURE_AUTH";
    public const string Rbac = "FEATURE_RBAC";
    public const string AuditTrail = "FEATURE_AUDIT_TRAIL";
    public const string SoftDelete = "FEATURE_SOFT_DELETE";
    public const string FailedBookingLeadCapture = "FEATURE_FAILED_BOOKING_LEAD_CAPTURE";
    public const string CloudflareTunnel = "FEATURE_CLOUDFLARE_TUNNEL";

    public static readonly string[] All = [CoreApi, Auth, Rbac, AuditTrail, SoftDelete, FailedBookingLeadCapture, CloudflareTunnel];

    /// <summary>Answers 404 with a problem body while <paramref name="flag"/> is off.</summary>
    public static TBuilder RequireFeature<TBuilder>(this TBuilder builder, string flag) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var features = context.HttpContext.RequestServices.GetRequiredService<IFeatureManager>();
            return await features.IsEnabledAsync(flag)
                ? await next(context)
                : new Failure(StatusCodes.Status404NotFound, ProblemCodes.FeatureDisabled, "This feature is switched off.", $"{flag} is disabled.").ToResult();
        });
}
