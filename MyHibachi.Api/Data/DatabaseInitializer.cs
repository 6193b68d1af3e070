using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data.Seeding;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;
using Npgsql;

namespace MyHibachi.Api.Data;

/// <summary>
/// Before the Api takes requests: applies migrations, seeds the price list, menu and RBAC tables
/// (and the bootstrap super admin when configured), and
/// in Development (Seed:DemoBusiness) a demo business. Waits for PostgreSQL while it starts.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceProvider services, IConfiguration configuration, IOptions<AuthOptions> auth, TimeProvider clock, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<HibachiDbContext>();
                await db.Database.MigrateAsync(cancellationToken);
                await ReferenceData.SeedAsync(db, cancellationToken);
                await IdentitySeed.SeedRbacAsync(db, cancellationToken);
                await IdentitySeed.EnsureBootstrapAdminAsync(db, auth.Value.BootstrapAdmin, clock.Now(), logger, cancellationToken);
                await scope.ServiceProvider.GetRequiredService<Features.Assistant.Knowledge.KnowledgeSeed>().SeedAsync(cancellationToken);
                if (configuration.GetValue<bool>("Seed:DemoBusiness"))
                {
                    await scope.ServiceProvider.GetRequiredService<DemoBusiness>().SeedAsync(cancellationToken);
                }

                return;
            }
            catch (NpgsqlException exception) when (attempt < 15 && exception.IsTransient)
            {
                logger.LogWarning("PostgreSQL is not ready ({Error}); retrying.", exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
