using Npgsql;

namespace MyHibachi.Benchmarks;

/// <summary>The physical limit: the same single-row read as "booking detail", straight at PostgreSQL.</summary>
public static class PostgresBaseline
{
    public static async Task<LoadResult> RunAsync(string connectionString, IReadOnlyList<Guid> ids, int workers, TimeSpan duration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Math.Max(workers, 10) };
        await using var source = NpgsqlDataSource.Create(builder.ConnectionString);
        var read = new Operation("single-row read", 1, async (_, random) =>
        {
            await using var command = source.CreateCommand(
                "SELECT id, reference, status, starts_at, ends_at, adults, children, contact_name, breakdown FROM bookings WHERE id = $1 AND deleted_at IS NULL");
            command.Parameters.AddWithValue(ids[random.Next(ids.Count)]);
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? 200 : 404;
        });
        return await LoadRunner.RunAsync([read], () => new HttpClient(), workers, duration, isError: (status, _) => status != 200);
    }
}
