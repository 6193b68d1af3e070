using MyHibachi;
using MyHibachi.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var infra = builder.AddHibachiInfrastructure();

// Secrets generated on first run (kept in the AppHost's user secrets), never committed.
var signingKey = builder.AddParameter("auth-signing-key", new GenerateParameterDefault { MinLength = 64, Special = false }, secret: true, persist: true);
var workersSecret = builder.AddParameter("workers-client-secret", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);

var api = builder.AddProject<Projects.MyHibachi_Api>(ResourceNames.Api)
    .WithReference(infra.Database, ResourceNames.Database).WaitFor(infra.Database)
    .WithReference(infra.Redis, ResourceNames.Redis).WaitFor(infra.Redis)
    .WithReference(infra.RabbitMq, ResourceNames.RabbitMq).WaitFor(infra.RabbitMq)
    .WithEnvironment("Auth__SigningKey", signingKey)
    .WithEnvironment("Auth__ServiceClients__workers", workersSecret)
    // The site and the workers call from this host: believe the visitor address the site forwards.
    .WithEnvironment("Security__TrustedProxies__0", "127.0.0.1/32")
    .WithEnvironment("Security__TrustedProxies__1", "::1/128")
    // Invoice PDFs and other files the Api keeps live beside the servers' data.
    .WithEnvironment("Files__Root", Path.Combine(infra.Settings.DataRoot, "files"))
    .WithForwardedConfiguration(builder.Configuration.GetSection("Api"))
    // The messaging providers (RingCentral, Meta, Deepgram): the Api checks their webhooks, the Workers send.
    .WithSharedConfiguration(builder.Configuration, "Channels")
    .WithEnvironment("Channels__Email__InboundDirectory", Path.Combine(infra.Settings.DataRoot, "mail-inbound"))
    .WithHttpHealthCheck("/health/ready");
if (infra.QdrantGrpc is { } qdrant)
{
    api.WithEnvironment("Qdrant__Endpoint", qdrant);
}

var web = builder.AddProject<Projects.MyHibachi_Web>(ResourceNames.Web)
    .WithExternalHttpEndpoints()
    .WithReference(infra.Redis, ResourceNames.Redis).WaitFor(infra.Redis)
    .WithReference(api).WaitFor(api)
    .WithForwardedConfiguration(builder.Configuration.GetSection("Web"))
    .WithHttpHealthCheck("/health/ready");

// Stripe sends payers back to the site (Checkout's return links) and e-mails carry pay links to it.
api.WithEnvironment("Payments__SiteBaseUrl", web.GetEndpoint("http"));

var workers = builder.AddProject<Projects.MyHibachi_Workers>(ResourceNames.Workers)
    .WithReference(infra.RabbitMq, ResourceNames.RabbitMq).WaitFor(infra.RabbitMq)
    .WithReference(api).WaitFor(api)
    .WithEnvironment("Email__PickupDirectory", Path.Combine(infra.Settings.DataRoot, "mail-pickup"))
    .WithEnvironment("Auth__ClientId", "workers")
    .WithEnvironment("Auth__ClientSecret", workersSecret)
    .WithEnvironment("Web__BaseUrl", web.GetEndpoint("http"))
    .WithForwardedConfiguration(builder.Configuration.GetSection("Workers"))
    .WithSharedConfiguration(builder.Configuration, "Channels")
    .WithEnvironment("Channels__Email__InboundDirectory", Path.Combine(infra.Settings.DataRoot, "mail-inbound"))
    // Google's API addresses and back-off (the credentials are connections staff add, kept encrypted by the Api).
    .WithSharedConfiguration(builder.Configuration, "Google");

// Google Calendar push channels need an address Google can reach. Set Google:CalendarPushAddress to the Api's public
// webhook; with Google:CalendarPushToLocalApi=true (a local stand-in, in development and tests) this host's Api is used.
if (string.Equals(builder.Configuration["Google:CalendarPushToLocalApi"], "true", StringComparison.OrdinalIgnoreCase))
{
    workers.WithEnvironment("Google__CalendarPushAddress", ReferenceExpression.Create($"{api.GetEndpoint("http")}/api/v1/webhooks/google/calendar"));
}

builder.Build().Run();
