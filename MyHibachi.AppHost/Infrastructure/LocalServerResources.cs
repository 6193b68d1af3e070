namespace MyHibachi.AppHost.Infrastructure;

/// <summary>PostgreSQL from the distribution's packages, run by <c>LocalServers/postgres.sh</c>.</summary>
public sealed class LocalPostgresServer(string name, string workingDirectory, ParameterResource password, string databaseName)
    : ExecutableResource(name, "bash", workingDirectory), IResourceWithConnectionString
{
    public EndpointReference Endpoint => field ??= new(this, "tcp");

    public ParameterResource Password { get; } = password;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.IPV4Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Password};Database={DatabaseName}");
}

/// <summary>redis-server from the distribution's packages; in memory only, nothing persisted.</summary>
public sealed class LocalRedisServer(string name, string workingDirectory)
    : ExecutableResource(name, "redis-server", workingDirectory), IResourceWithConnectionString
{
    public EndpointReference Endpoint => field ??= new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{Endpoint.Property(EndpointProperty.IPV4Host)}:{Endpoint.Property(EndpointProperty.Port)}");
}

/// <summary>The RabbitMQ broker from the distribution's packages, started without its root-only wrapper.</summary>
public sealed class LocalRabbitMqServer(string name, string workingDirectory)
    : ExecutableResource(name, "/usr/lib/rabbitmq/bin/rabbitmq-server", workingDirectory), IResourceWithConnectionString
{
    public EndpointReference Endpoint => field ??= new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://guest:guest@{Endpoint.Property(EndpointProperty.IPV4Host)}:{Endpoint.Property(EndpointProperty.Port)}");
}

/// <summary>
/// Erlang's port mapper for one broker. Run in the foreground as a resource of its own so it stops
/// with the AppHost instead of outliving it as a daemon.
/// </summary>
public sealed class LocalErlangPortMapper(string name, string workingDirectory)
    : ExecutableResource(name, "epmd", workingDirectory)
{
    public EndpointReference Endpoint => field ??= new(this, "tcp");
}
