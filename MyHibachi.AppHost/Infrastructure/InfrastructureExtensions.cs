namespace MyHibachi.AppHost.Infrastructure;

/// <summary>The servers every service may reference, identical in shape whichever way they run.</summary>
public sealed record HibachiInfrastructure(
    InfraSettings Settings,
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResourceWithConnectionString> RabbitMq,
    EndpointReference? QdrantGrpc);

public static class InfrastructureExtensions
{
    /// <summary>
    /// Adds PostgreSQL (database <c>hibachi</c>), Redis and RabbitMQ: Aspire containers where a
    /// container runtime answers (plus Qdrant), the distribution's packages otherwise.
    /// </summary>
    public static HibachiInfrastructure AddHibachiInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var settings = InfraSettings.FromConfiguration(builder.Configuration, builder.AppHostDirectory);
        if (settings.Mode == InfraMode.Containers)
        {
            return AddContainers(builder, settings);
        }

        return OperatingSystem.IsLinux()
            ? AddLocalServers(builder, settings)
            : throw new PlatformNotSupportedException(
                "Without a container runtime the servers run from Linux packages; start Docker or Podman on this system.");
    }

    private static HibachiInfrastructure AddContainers(IDistributedApplicationBuilder builder, InfraSettings settings)
    {
        var database = builder.AddPostgres(ResourceNames.Postgres)
            .WithDataVolume("myhibachi-postgres")
            .AddDatabase(ResourceNames.Database);
        var redis = builder.AddRedis(ResourceNames.Redis);
        var rabbitMq = builder.AddRabbitMQ(ResourceNames.RabbitMq)
            .WithDataVolume("myhibachi-rabbitmq")
            .WithManagementPlugin();
        var qdrant = builder.AddContainer(ResourceNames.Qdrant, "qdrant/qdrant", "v1.13.4")
            .WithHttpEndpoint(targetPort: 6333, name: "http")
            .WithEndpoint(targetPort: 6334, name: "grpc", scheme: "http")
            .WithVolume("myhibachi-qdrant", "/qdrant/storage");

        return new HibachiInfrastructure(settings, database, redis, rabbitMq, qdrant.GetEndpoint("grpc"));
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static HibachiInfrastructure AddLocalServers(IDistributedApplicationBuilder builder, InfraSettings settings)
    {
        DebianPackages.EnsureInstalled(LocalServerExtensions.RequiredPackages, Console.Out);
        var dataRoot = Directory.CreateDirectory(settings.DataRoot);
        // The PostgreSQL server user must be able to pass through the data root to its own folder.
        dataRoot.UnixFileMode |= UnixFileMode.OtherExecute | UnixFileMode.GroupExecute;

        var database = builder.AddLocalPostgres(ResourceNames.Postgres, ResourceNames.Database, dataRoot.FullName);
        var redis = builder.AddLocalRedis(ResourceNames.Redis, dataRoot.FullName);
        var rabbitMq = builder.AddLocalRabbitMq(ResourceNames.RabbitMq, dataRoot.FullName);
        return new HibachiInfrastructure(settings, database, redis, rabbitMq, QdrantGrpc: null);
    }
}
