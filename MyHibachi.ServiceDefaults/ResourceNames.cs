namespace MyHibachi;

/// <summary>
/// Names of the AppHost's resources. The AppHost, the services (connection names) and the
/// tests share this one file so a rename cannot drift.
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Database = "hibachi";
    public const string Redis = "redis";
    public const string RabbitMq = "messaging";
    public const string Qdrant = "qdrant";
    public const string Api = "api";
    public const string Web = "web";
    public const string Workers = "workers";
}
