namespace MyHibachi.Web.Pages.Account;

public sealed class ResendConfirmationModel(AuthClient auth) : EmailLinkPageModel
{
    protected override Task<ApiResult<RegistrationReceipt>> SendAsync(string email, CancellationToken cancellationToken) =>
        auth.ResendConfirmationAsync(new ResendConfirmationRequest(email), cancellationToken);
}
