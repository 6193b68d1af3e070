using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MyHibachi.TestSupport;
using Npgsql;
using Respawn;

namespace MyHibachi.IntegrationTests.Support;

/// <summary>
/// The real AppHost for the Api tests: no demo data, and a Respawn reset of the business tables
/// before each test (the price list and menu, seeded at start, stay).
/// </summary>
public sealed class ApiAppHost : HibachiAppHost
{
    private Respawner? _respawner;

    public string ConnectionString { get; private set; } = "";

    public string MessagingConnectionString { get; private set; } = "";

    protected override void ConfigureBuilder(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder<ProjectResource>(ResourceNames.Api).WithEnvironment("Seed__DemoBusiness", "false");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectionString = (await App.GetConnectionStringAsync(ResourceNames.Postgres))!;
        MessagingConnectionString = (await App.GetConnectionStringAsync(ResourceNames.RabbitMq))!;
    }

    public async Task ResetDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory", "price_items", "menu_items"],
        });
        for (var attempt = 1; ; attempt++)
        {
            try
            {
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

    public HibachiApiClient CreateApiClient() => new(CreateHttpClient(ResourceNames.Api));

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
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
        Api = Host.CreateApiClient();
    }

    public Task DisposeAsync()
    {
        Api.Dispose();
        return Task.CompletedTask;
    }
}
