namespace MyHibachi.Web.Pages.Account;

public sealed class ForgotPasswordModel(AuthClient auth) : EmailLinkPageModel
{
    protected override Task<ApiResult<RegistrationReceipt>> SendAsync(string email, CancellationToken cancellationToken) =>
        auth.ForgotPasswordAsync(new ForgotPasswordRequest(email), cancellationToken);
}
