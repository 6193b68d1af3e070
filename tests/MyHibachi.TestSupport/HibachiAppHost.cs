using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace MyHibachi.TestSupport;

/// <summary>
/// One real AppHost for a test collection: PostgreSQL, Redis and RabbitMQ from the distribution's
/// packages with a data root of its own, the Api, Web and Workers, all waited for until healthy.
/// </summary>
public class HibachiAppHost : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    public string DataRoot { get; init; } = Path.Combine(Path.GetTempPath(), "myhibachi-tests", Guid.NewGuid().ToString("N")[..12]);

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The business database, for tests and benchmarks that check what was stored.</summary>
    public string PostgresConnectionString { get; private set; } = "";

    /// <summary>Extra AppHost arguments, e.g. configuration for the services.</summary>
    protected virtual IEnumerable<string> AppHostArguments => [];

    public virtual async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MyHibachi_AppHost>(
            ["--Infra:Mode=local", $"--Infra:DataRoot={DataRoot}", .. AppHostArguments],
            (options, _) => options.DisableDashboard = true);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("MyHibachi.AppHost.Resources", LogLevel.Warning)
            .AddFilter("Aspire.Hosting", LogLevel.Warning));
        // No dashboard runs here, so the services keep their telemetry in-process instead of retrying
        // an export to an address nobody listens on (each second, from every service).
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        }

        // No retry handler: the tests want every answer as the service gave it (a 429 included).
        ConfigureBuilder(builder);

        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        foreach (var resource in WaitedResources())
        {
            // Healthy, or stopped for good: a service that exits at start (bad configuration) fails the
            // host at once with its name instead of after the whole timeout.
            var state = await App.ResourceNotifications.WaitForResourceAsync(resource.Name,
                e => e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                     || e.Snapshot.State?.Text is "Exited" or "FailedToStart" or "Finished", timeout.Token);
            if (state.Snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            {
                throw new InvalidOperationException($"Resource '{resource.Name}' stopped during start ({state.Snapshot.State?.Text}, exit code {state.Snapshot.ExitCode}); see its log in the test output.");
            }
        }

        PostgresConnectionString = (await App.GetConnectionStringAsync(ResourceNames.Postgres))!;
    }

    /// <summary>One value read straight from the database (null and no row give the default).</summary>
    /// <summary>Where the Workers write e-mail when no SMTP server is configured.</summary>
    public string MailPickup => Path.Combine(DataRoot, "mail-pickup");

    /// <summary>
    /// The first e-mail in the pickup folder to <paramref name="recipient"/> (and containing
    /// <paramref name="containing"/>, when given), as text with quoted-printable line breaks undone.
    /// </summary>
    public async Task<string> WaitForMailAsync(string recipient, string? containing = null, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(MailPickup))
            {
                foreach (var file in Directory.GetFiles(MailPickup, "*.eml"))
                {
                    var text = (await File.ReadAllTextAsync(file)).Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=");
                    if (text.Contains(recipient, StringComparison.OrdinalIgnoreCase)
                        && (containing is null || text.Contains(containing, StringComparison.Ordinal)))
                    {
                        return text;
                    }
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No e-mail to {recipient} reached {MailPickup}.");
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    /// <summary>A statement run straight against the database; the number of rows it touched.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Every resource the AppHost starts: not parameters (values, not processes), not the hidden
    /// rebuilders Aspire adds beside each project, not resources that only start on request.
    /// </summary>
    public IEnumerable<IResource> WaitedResources() =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Where(r =>
            r is not ParameterResource && r.GetType().Name != "ProjectRebuilderResource" &&
            !r.Annotations.OfType<ExplicitStartupAnnotation>().Any());

    protected virtual void ConfigureBuilder(IDistributedApplicationTestingBuilder builder)
    {
    }

    public HttpClient CreateHttpClient(string resourceName) => App.CreateHttpClient(resourceName);

    public virtual async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        DeleteDataRoot();
    }

    private void DeleteDataRoot()
    {
        for (var attempt = 0; attempt < 10 && Directory.Exists(DataRoot); attempt++)
        {
            try
            {
                Directory.Delete(DataRoot, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(500); // a server may still be writing its last file while it exits
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(500);
            }
        }
    }
}
