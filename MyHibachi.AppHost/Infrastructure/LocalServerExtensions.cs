using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace MyHibachi.AppHost.Infrastructure;

/// <summary>
/// The servers run from the distribution's packages as executable resources on loopback, each with
/// its data under the data root and a health check that opens a real connection.
/// </summary>
[SupportedOSPlatform("linux")]
public static class LocalServerExtensions
{
    public const string RabbitMqServerPath = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>The packages the local servers come from (and the invoices' fonts, and the voice that speaks to callers).</summary>
    public static IReadOnlyCollection<RequiredPackage> RequiredPackages { get; } =
    [
        new("postgresql", () => PostgresBinDirectory() is not null),
        new("postgresql-contrib", () => PostgresBinDirectory() is { } bin &&
            File.Exists(Path.Combine("/usr/share/postgresql", Path.GetFileName(Path.GetDirectoryName(bin))!, "extension", "btree_gist.control"))),
        new("redis-server", () => File.Exists("/usr/bin/redis-server")),
        new("rabbitmq-server", () => File.Exists(RabbitMqServerPath) && File.Exists("/usr/bin/epmd")),
        // The Workers draw invoice PDFs with these fonts.
        new("fonts-dejavu-core", () => File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") && File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")),
        // The Workers speak the assistant's answers to callers with it (local text to speech).
        new("espeak-ng", () => File.Exists("/usr/bin/espeak-ng")),
    ];

    public static IResourceBuilder<LocalPostgresServer> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string databaseName, string dataRoot)
    {
        var bin = PostgresBinDirectory() ?? throw new MissingPackagesException("PostgreSQL is not installed.");
        var passwordFile = Path.Combine(dataRoot, "postgres.password");
        var password = builder.AddParameter($"{name}-password", ReadOrCreatePassword(passwordFile), secret: true);
        var server = new LocalPostgresServer(name, dataRoot, password.Resource, databaseName);

        var healthCheck = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            try
            {
                var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
                await EnsureDatabaseAsync(connectionString!, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy(exception.Message, exception);
            }
        });

        return builder.AddResource(server)
            .WithArgs(Path.Combine(builder.AppHostDirectory, "LocalServers", "postgres.sh"))
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PGPORT", isProxied: false)
            .WithEnvironment("PGDATA", Path.Combine(dataRoot, "postgres"))
            .WithEnvironment("PG_BIN", bin)
            .WithEnvironment("PG_PASSWORD_FILE", passwordFile)
            .WithHealthCheck(healthCheck)
            .ExcludeFromManifest();
    }

    public static IResourceBuilder<LocalRedisServer> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string dataRoot)
    {
        var directory = Directory.CreateDirectory(Path.Combine(dataRoot, "redis")).FullName;
        var server = new LocalRedisServer(name, directory);

        var healthCheck = $"{name}-answers-ping";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            try
            {
                var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
                await using var connection = await ConnectionMultiplexer.ConnectAsync($"{connectionString},abortConnect=true,connectTimeout=2000");
                await connection.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is RedisException or SocketException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy(exception.Message, exception);
            }
        });

        return builder.AddResource(server)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(server.Endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--dir");
                context.Args.Add(directory);
                context.Args.Add("--save");
                context.Args.Add("");
                context.Args.Add("--appendonly");
                context.Args.Add("no");
                context.Args.Add("--daemonize");
                context.Args.Add("no");
            })
            .WithHealthCheck(healthCheck)
            .ExcludeFromManifest();
    }

    public static IResourceBuilder<LocalRabbitMqServer> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, string dataRoot)
    {
        var directory = Directory.CreateDirectory(Path.Combine(dataRoot, "rabbitmq")).FullName;
        var home = Directory.CreateDirectory(Path.Combine(directory, "home")).FullName;
        var pluginsFile = Path.Combine(directory, "enabled_plugins");
        if (!File.Exists(pluginsFile))
        {
            File.WriteAllText(pluginsFile, "[].\n");
        }

        var server = new LocalRabbitMqServer(name, directory);
        var portMapper = new LocalErlangPortMapper($"{name}-epmd", directory);

        // Node names must differ between brokers running at once (parallel test hosts) and stay the
        // same for one data folder across restarts, or the broker cannot read its own data.
        var nodeName = "hibachi-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(directory)))[..10] + "@localhost";

        var portMapperCheck = $"{name}-epmd-listens";
        builder.Services.AddHealthChecks().AddAsyncCheck(portMapperCheck, async cancellationToken =>
        {
            try
            {
                // EPMD's NAMES request (length 1, tag 'n'): a well-formed question, answered with epmd's port.
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", portMapper.Endpoint.TargetPort!.Value, cancellationToken);
                var stream = client.GetStream();
                await stream.WriteAsync(new byte[] { 0, 1, (byte)'n' }, cancellationToken);
                var answer = new byte[4];
                await stream.ReadExactlyAsync(answer, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is SocketException or IOException or EndOfStreamException)
            {
                return HealthCheckResult.Unhealthy(exception.Message, exception);
            }
        });

        var brokerCheck = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().AddAsyncCheck(brokerCheck, async cancellationToken =>
        {
            try
            {
                var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
                var factory = new ConnectionFactory { Uri = new Uri(connectionString!), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return connection.IsOpen ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The connection closed at once.");
            }
            catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException or SocketException or IOException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy(exception.Message, exception);
            }
        });

        var portMapperBuilder = builder.AddResource(portMapper)
            .WithParentRelationship(server)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add("-port");
                context.Args.Add(portMapper.Endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("-address");
                context.Args.Add("127.0.0.1");
            })
            .WithHealthCheck(portMapperCheck)
            .ExcludeFromManifest();

        return builder.AddResource(server)
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "RABBITMQ_NODE_PORT", isProxied: false)
            .WithEndpoint(name: "dist", scheme: "tcp", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithEnvironment("HOME", home)
            .WithEnvironment("ERL_EPMD_PORT", portMapper.Endpoint.Property(EndpointProperty.TargetPort))
            .WithEnvironment("RABBITMQ_NODENAME", nodeName)
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(directory, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(directory, "log"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(directory, "rabbitmq.pid"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", pluginsFile)
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}")
            .WaitFor(portMapperBuilder)
            .WithHealthCheck(brokerCheck)
            .ExcludeFromManifest();
    }

    /// <summary>The newest installed PostgreSQL's bin folder, e.g. /usr/lib/postgresql/15/bin.</summary>
    public static string? PostgresBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(directory => (directory, version: int.TryParse(Path.GetFileName(directory), out var v) ? v : -1))
            .Where(candidate => candidate.version > 0 && File.Exists(Path.Combine(candidate.directory, "bin", "postgres")))
            .OrderByDescending(candidate => candidate.version)
            .Select(candidate => Path.Combine(candidate.directory, "bin"))
            .FirstOrDefault();
    }

    private static string ReadOrCreatePassword(string passwordFile)
    {
        if (File.Exists(passwordFile))
        {
            return File.ReadAllText(passwordFile).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(passwordFile)!);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        File.WriteAllText(passwordFile, password + "\n");
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }

    /// <summary>Connects to the maintenance database and creates the application's database if missing.</summary>
    private static async Task EnsureDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false, Timeout = 3 };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
