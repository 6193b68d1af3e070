using System.ComponentModel.DataAnnotations;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using MyHibachi.ApiClients;
using MyHibachi.Contracts;

namespace MyHibachi.Workers.Messaging;

public sealed class ServiceCredentials
{
    public const string Section = "Auth";

    [Required]
    public string ClientId { get; set; } = "workers";

    [Required, MinLength(32)]
    public string ClientSecret { get; set; } = "";
}

/// <summary>The workers' own access token (client credentials), fetched when needed and reused until shortly before it expires.</summary>
public sealed class ServiceTokenSource(IServiceScopeFactory scopes, IOptions<ServiceCredentials> credentials, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    private (string Token, DateTimeOffset RenewAt)? _current;

    public async Task<string> GetAsync(bool forceRenew, CancellationToken cancellationToken)
    {
        if (!forceRenew && _current is { } current && clock.GetUtcNow() < current.RenewAt)
        {
            return current.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!forceRenew && _current is { } other && clock.GetUtcNow() < other.RenewAt)
            {
                return other.Token;
            }

            await using var scope = scopes.CreateAsyncScope();
            var token = (await scope.ServiceProvider.GetRequiredService<AuthClient>()
                    .ServiceTokenAsync(new ServiceTokenRequest(credentials.Value.ClientId, credentials.Value.ClientSecret), cancellationToken))
                .OrThrow("the Workers' service token");
            _current = (token.AccessToken, token.ExpiresAt.AddMinutes(-2));
            return token.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Adds the service token to every call to the Api, renewing it once on a 401.</summary>
public sealed class ServiceTokenHandler(ServiceTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(false, cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(true, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
