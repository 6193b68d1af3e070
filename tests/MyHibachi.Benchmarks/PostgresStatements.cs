using Npgsql;

namespace MyHibachi.Benchmarks;

/// <summary>
/// Where PostgreSQL spent its time during a run, from pg_stat_statements (loaded by the AppHost's
/// local PostgreSQL; absent in other setups, and then this says so instead of failing).
/// </summary>
public sealed class PostgresStatements(string connectionString)
{
    public async Task<bool> ResetAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection);
            await create.ExecuteNonQueryAsync();
            await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
            await reset.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    public async Task PrintTopAsync(int count)
    {
        Console.WriteLine();
        Console.WriteLine($"PostgreSQL statements with the most total time during the load ({count} of them):");
        Console.WriteLine();
        Console.WriteLine("| Calls | Total ms | Mean ms | Rows/call | Statement |");
        Console.WriteLine("|---|---|---|---|---|");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT calls, total_exec_time, mean_exec_time, rows::float8 / GREATEST(calls, 1), regexp_replace(query, '\s+', ' ', 'g')
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC
            LIMIT $1
            """, connection);
        command.Parameters.AddWithValue(count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var text = reader.GetString(4);
            text = text.Length > 160 ? text[..160] + "…" : text;
            Console.WriteLine($"| {reader.GetInt64(0):N0} | {reader.GetDouble(1):N0} | {reader.GetDouble(2):0.000} | {reader.GetDouble(3):0.#} | `{text.Replace("|", "\\|", StringComparison.Ordinal)}` |");
        }
    }
}
