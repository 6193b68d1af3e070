using Microsoft.EntityFrameworkCore;

namespace MyHibachi.Api.Data;

public sealed class HibachiDbContext(DbContextOptions<HibachiDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HibachiDbContext).Assembly);
    }
}
