using MyHibachi;
using MyHibachi.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var infra = builder.AddHibachiInfrastructure();

var api = builder.AddProject<Projects.MyHibachi_Api>(ResourceNames.Api)
    .WithReference(infra.Database, ResourceNames.Database).WaitFor(infra.Database)
    .WithReference(infra.Redis, ResourceNames.Redis).WaitFor(infra.Redis)
    .WithReference(infra.RabbitMq, ResourceNames.RabbitMq).WaitFor(infra.RabbitMq)
    .WithHttpHealthCheck("/health/ready");
if (infra.QdrantGrpc is { } qdrant)
{
    api.WithEnvironment("Qdrant__Endpoint", qdrant);
}

builder.AddProject<Projects.MyHibachi_Workers>(ResourceNames.Workers)
    .WithReference(infra.RabbitMq, ResourceNames.RabbitMq).WaitFor(infra.RabbitMq)
    .WithReference(api).WaitFor(api)
    .WithEnvironment("Email__PickupDirectory", Path.Combine(infra.Settings.DataRoot, "mail-pickup"));

builder.AddProject<Projects.MyHibachi_Web>(ResourceNames.Web)
    .WithExternalHttpEndpoints()
    .WithReference(infra.Redis, ResourceNames.Redis).WaitFor(infra.Redis)
    .WithReference(api).WaitFor(api)
    .WithHttpHealthCheck("/health/ready");

builder.Build().Run();
