using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using MyHibachi.TestSupport;
using Npgsql;
using Respawn;

namespace MyHibachi.IntegrationTests.Support;

/// <summary>
/// The real AppHost for the Api tests: no demo data, and a Respawn reset of the business tables
/// before each test (the price list and menu, seeded at start, stay).
/// </summary>
public class ApiAppHost : HibachiAppHost
{
    private Respawner? _respawner;

    public string MessagingConnectionString { get; private set; } = "";

    public const string AdminEmail = "admin@tests.myhibachi.local";

    /// <summary>Made up per test run; the bootstrap super admin of the test database.</summary>
    public string AdminPassword { get; } = "Tests-" + Guid.NewGuid().ToString("N");

    protected override IEnumerable<string> AppHostArguments =>
    [
        "--Api:Seed:DemoBusiness=false",
        $"--Api:Auth:BootstrapAdmin:Email={AdminEmail}",
        $"--Api:Auth:BootstrapAdmin:Password={AdminPassword}",
        // The tests stand in for many clients: each HibachiApiClient sends its own CF-Connecting-IP.
        "--Api:Security:TrustedProxies:0=127.0.0.1/32",
        "--Api:Security:TrustedProxies:1=::1/128",
        // The tests run the payment jobs themselves (through the internal endpoints), when they choose.
        "--Workers:Jobs:ReconcilePaymentsEvery=1.00:00:00",
        "--Workers:Jobs:ChargeBalancesEvery=1.00:00:00",
        // Review requests go out within seconds of an event being a day old (the test moves the event back).
        "--Workers:Jobs:ReviewRequestsEvery=00:00:03",
        // The loyalty tests settle through the internal endpoint themselves, when they choose.
        "--Workers:Jobs:LoyaltySettleEvery=1.00:00:00",
        "--Api:Payments:ReconcileAfter=00:00:00",
        "--Api:Payments:ChargeBalanceDaysBefore=10",
        .. StripeArguments,
        // Files (invoices, review photos) go to a local S3-compatible store that checks every signature.
        $"--Api:Files:S3:ServiceUrl={S3.Address.ToString().TrimEnd('/')}",
        $"--Api:Files:S3:Bucket={S3.Bucket}",
        $"--Api:Files:S3:AccessKey={S3.AccessKey}",
        $"--Api:Files:S3:SecretKey={S3.SecretKey}",
        $"--Api:Files:S3:Region={S3.Region}",
        .. ExtraArguments,
    ];

    /// <summary>The S3-compatible store the Api keeps its files in.</summary>
    public LocalS3Server S3 { get; private set; } = null!;

    /// <summary>Stripe, as a local server that speaks its API and signs its webhooks; null for a host without card payments.</summary>
    public LocalStripeServer? Stripe { get; private set; }

    /// <summary>False for a host that takes money by hand only (no Stripe keys).</summary>
    protected virtual bool WithStripe => true;

    private IEnumerable<string> StripeArguments => Stripe is null
        ? []
        :
        [
            $"--Api:Stripe:SecretKey={Stripe.SecretKey}",
            "--Api:Stripe:PublishableKey=pk_test_local",
            $"--Api:Stripe:WebhookSecret={Stripe.WebhookSecret}",
            $"--Api:Stripe:ApiBase={Stripe.Address.ToString().TrimEnd('/')}",
        ];

    /// <summary>More AppHost arguments for a host of its own, e.g. feature flags switched off.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    public override async Task InitializeAsync()
    {
        S3 = await LocalS3Server.StartAsync();
        if (WithStripe)
        {
            Stripe = await LocalStripeServer.StartAsync();
        }

        await base.InitializeAsync();
        MessagingConnectionString = (await App.GetConnectionStringAsync(ResourceNames.RabbitMq))!;
        if (Stripe is not null)
        {
            Stripe.WebhookUrl = new Uri(App.GetEndpoint(ResourceNames.Api, "http"), "/api/v1/stripe/webhook");
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Stripe is not null)
        {
            await Stripe.DisposeAsync();
        }

        await S3.DisposeAsync();
    }

    public async Task ResetDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // Reference data and accounts stay: the price list, the menu, RBAC and the bootstrap admin.
            TablesToIgnore = ["__EFMigrationsHistory", "price_items", "menu_items", "knowledge_articles", "roles", "permissions", "role_permissions", "users", "user_roles"],
        });
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Accounts made by a test go too (they point at the test's stations and chefs).
                await using (var accounts = new NpgsqlCommand("DELETE FROM users WHERE email <> @admin", connection))
                {
                    accounts.Parameters.AddWithValue("admin", AdminEmail);
                    await accounts.ExecuteNonQueryAsync();
                }

                await _respawner.ResetAsync(connection);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                // The workers may still be finishing the previous test's events; try again.
                await Task.Delay(100);
            }
        }
    }

    /// <summary>A client signed in as the bootstrap super admin.</summary>
    public async Task<HibachiApiClient> CreateAdminClientAsync()
    {
        var client = CreateAnonymousClient();
        await client.SignInAsync(AdminEmail, AdminPassword);
        return client;
    }

    public HibachiApiClient CreateAnonymousClient() => new(CreateHttpClient(ResourceNames.Api));

    /// <summary>A client with the Workers' service token: the only caller of the internal endpoints.</summary>
    public async Task<HibachiApiClient> CreateServiceClientAsync()
    {
        var client = CreateAnonymousClient();
        var token = (await client.PostAsync<ServiceTokenResponse>("/api/auth/service-token",
            new ServiceTokenRequest("workers", await ParameterAsync("workers-client-secret")))).Ok();
        client.UseAccessToken(token.AccessToken);
        return client;
    }

    /// <summary>The value of an AppHost parameter, e.g. the Workers' client secret.</summary>
    public async Task<string> ParameterAsync(string name)
    {
        var parameter = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>().Single(p => p.Name == name);
        return (await parameter.GetValueAsync(CancellationToken.None))!;
    }

}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiAppHost>
{
    public const string Name = "Api against the real AppHost";
}

/// <summary>Base for Api tests: a clean database and a client for each test.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ApiAppHost host) : IAsyncLifetime
{
    protected ApiAppHost Host { get; } = host;

    protected HibachiApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Host.ResetDatabaseAsync();
        Api = await Host.CreateAdminClientAsync();
    }

    /// <summary>A customer who registered and confirmed their e-mail (the token read from the outbox), signed in.</summary>
    protected async Task<HibachiApiClient> ConfirmedCustomerAsync(string email, string password)
    {
        var client = Host.CreateAnonymousClient();
        (await client.PostAsync<RegistrationReceipt>("/api/auth/register", new RegisterRequest(email, password, "Cam", "Customer", null, null))).Ok(HttpStatusCode.Accepted);
        (await client.PostAsync<string>("/api/auth/confirm-email", new ConfirmEmailRequest(email, await OutboxTokenAsync("user.registered", email, "confirmationToken"))))
            .Ok(HttpStatusCode.NoContent);
        await client.SignInAsync(email, password);
        return client;
    }

    protected async Task<string> OutboxTokenAsync(string type, string email, string property)
    {
        var payload = await Host.ScalarAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE type = @type AND payload->>'email' = @email ORDER BY occurred_at DESC LIMIT 1", ("type", type), ("email", email));
        return System.Text.Json.JsonDocument.Parse(payload!).RootElement.GetProperty(property).GetString()!;
    }

    /// <summary>Polls until the condition holds (the Workers act in the background); fails with what was last seen.</summary>
    protected static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 30, string? what = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        T last;
        while (true)
        {
            last = await read();
            if (done(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within {seconds} s: {what ?? "condition"}. Last seen: {System.Text.Json.JsonSerializer.Serialize(last)}");
            }

            await Task.Delay(250);
        }
    }

    public Task DisposeAsync()
    {
        Api.Dispose();
        return Task.CompletedTask;
    }
}
