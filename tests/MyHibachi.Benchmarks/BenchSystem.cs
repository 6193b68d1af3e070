using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyHibachi.TestSupport;
using Npgsql;

namespace MyHibachi.Benchmarks;

/// <summary>
/// The real system under load: the AppHost with real PostgreSQL, Redis and RabbitMQ. Rate limits
/// are raised (the limiter still runs on every request) so the load generator is not throttled.
/// </summary>
public sealed class BenchSystem : HibachiAppHost
{
    public const string AdminEmail = "superadmin@myhibachi.local";
    public const string DemoPassword = "HibachiDemo!2026";

    protected override IEnumerable<string> AppHostArguments =>
    [
        "--Api:RateLimiting:PermitPerMinute=10000000",
        "--Api:RateLimiting:AuthPermitPerMinute=10000000",
        "--Api:RateLimiting:ChatPermitPerMinute=10000000",
        "--Api:Auth:AccessTokenMinutes=60",
        "--Api:Logging:LogLevel:Default=Warning",
        "--Web:Logging:LogLevel:Default=Warning",
        "--Workers:Logging:LogLevel:Default=Warning",
        // Card payments against the local Stripe server (webhook throughput and replay runs).
        $"--Api:Stripe:SecretKey={Stripe.SecretKey}", $"--Api:Stripe:WebhookSecret={Stripe.WebhookSecret}",
        $"--Api:Stripe:ApiBase={Stripe.Address.ToString().TrimEnd('/')}",
        // Texts in and out through the local RingCentral server (the inbox run).
        $"--Channels:RingCentral:ServerUrl={RingCentral.Address}", $"--Channels:RingCentral:ClientId={RingCentral.ClientId}",
        $"--Channels:RingCentral:ClientSecret={RingCentral.ClientSecret}", $"--Channels:RingCentral:Jwt={RingCentral.Jwt}",
        $"--Channels:RingCentral:WebhookSecret={RingCentral.WebhookSecret}", $"--Channels:RingCentral:FromNumber={RingCentral.OurNumber}",
    ];

    public LocalStripeServer Stripe { get; private set; } = null!;

    public LocalRingCentralServer RingCentral { get; private set; } = null!;

    public Uri ApiAddress { get; private set; } = null!;

    /// <summary>
    /// The load goes straight to the Api's Kestrel, as Cloudflare's tunnel does in production, not
    /// through the development proxy Aspire puts in front of each service (a second hop that would
    /// take a share of the two cores and be measured as the Api's latency).
    /// </summary>
    protected override void ConfigureBuilder(IDistributedApplicationTestingBuilder builder)
    {
        var api = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.Api);
        foreach (var endpoint in api.Annotations.OfType<EndpointAnnotation>())
        {
            endpoint.IsProxied = false;
            endpoint.Port = null;
        }

        // The report is the output: health probes failing while servers start (and while the fault runs
        // stop them on purpose), and the servers' own console lines, stay on the dashboard.
        builder.Services.AddLogging(logging => logging
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("MyHibachi.AppHost.Resources", LogLevel.None)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));

        if (Environment.GetEnvironmentVariable("BENCH_PERF_MAP") == "1")
        {
            // Symbols of JIT-compiled code for Linux perf (perf record -g; perf report).
            builder.CreateResourceBuilder(api).WithEnvironment("DOTNET_PerfMapEnabled", "1").WithEnvironment("DOTNET_EnableWriteXorExecute", "0");
        }
    }

    /// <summary>Events in the outbox not yet published to RabbitMQ.</summary>
    public async Task<long> PendingOutboxEventsAsync() =>
        await ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL");

    public string AdminToken { get; private set; } = "";

    public Guid StationId { get; private set; }

    public IReadOnlyList<Guid> BookingIds { get; private set; } = [];

    /// <summary>Staff accounts for the sign-ins of the mix (people sign in to their own accounts).</summary>
    public IReadOnlyList<string> StaffEmails { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        Stripe = await LocalStripeServer.StartAsync();
        RingCentral = await LocalRingCentralServer.StartAsync();
        await base.InitializeAsync();
        ApiAddress = App.GetEndpoint(ResourceNames.Api, "http");
        Stripe.WebhookUrl = new Uri(ApiAddress, "/api/v1/stripe/webhook");
        using var http = Client();
        AdminToken = await LoginAsync(http, AdminEmail, DemoPassword);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Stripe is not null)
        {
            await Stripe.DisposeAsync();
        }

        if (RingCentral is not null)
        {
            await RingCentral.DisposeAsync();
        }
    }

    /// <summary>A client for one virtual user, with its own connections and its own client address.</summary>
    public HttpClient Client(string? bearer = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 4 })
        {
            BaseAddress = ApiAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Add("CF-Connecting-IP", $"198.18.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        }

        return client;
    }

    public static async Task<string> LoginAsync(HttpClient http, string email, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A station with many chefs (all week, long days) and some bookings to read.</summary>
    public async Task SetUpBusinessAsync(int chefs, int bookings)
    {
        using var admin = Client(AdminToken);
        var station = await PostAsync(admin, "/api/stations", new
        {
            code = "bench-" + Guid.NewGuid().ToString("N")[..8], name = "Benchmark station", timeZone = "America/New_York",
            baseZip = "30303", serviceRadiusMiles = 200, minimumNoticeHours = 24,
        });
        StationId = station.GetProperty("id").GetGuid();
        var hours = Enum.GetNames<DayOfWeek>().Select(day => new { dayOfWeek = day, startTime = "06:00", endTime = "23:30" }).ToArray();
        await Task.WhenAll(Enumerable.Range(0, chefs).Select(i => PostAsync(admin, "/api/chefs", new
        {
            stationId = StationId, firstName = "Bench", lastName = $"Chef{i:000}", email = $"bench.chef{i}.{Guid.NewGuid():N}@example.com",
            maxEventsPerDay = 6, bufferBeforeMinutes = 30, bufferAfterMinutes = 30, workingHours = hours,
        })));

        var staff = Enumerable.Range(0, 40).Select(i => $"bench.staff{i}.{Guid.NewGuid():N}@example.com").ToList();
        foreach (var email in staff)
        {
            await PostAsync(admin, "/api/admin/users", new { email, displayName = "Bench Staff", password = DemoPassword, roles = new[] { "CUSTOMER_SUPPORT" } });
        }

        StaffEmails = staff;
        var ids = new List<Guid>();
        var random = new Random(42);
        for (var i = 0; i < bookings; i++)
        {
            using var response = await admin.PostAsJsonAsync("/api/bookings", BookingBody(random));
            if (response.IsSuccessStatusCode)
            {
                ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
            }
        }

        BookingIds = ids;
    }

    private static readonly string[] Zips = ["30303", "30305", "30308", "30062", "30097", "30309", "30318", "30324", "30327", "30342"];

    private static readonly string[] Starts = Enumerable.Range(16, 24).Select(h => $"{h / 2:00}:{(h % 2) * 30:00}").ToArray();

    /// <summary>A guest booking somewhere in the next 18 months (random enough that most find a free chef).</summary>
    public object BookingBody(Random random, string? email = null)
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(3, 540));
        return new
        {
            stationId = StationId,
            customer = new { firstName = "Bench", lastName = "Guest", email = email ?? $"guest{random.Next(1_000_000)}@bench.example.com", phone = "(404) 555-0100" },
            eventDate = date.ToString("yyyy-MM-dd"),
            startTime = Starts[random.Next(Starts.Length)],
            adults = random.Next(5, 30),
            children = random.Next(0, 5),
            address = new { line1 = "1 Benchmark Way", city = "Atlanta", state = "GA", zip = Zips[random.Next(Zips.Length)] },
            selections = new[] { new { code = "filet_mignon", quantity = random.Next(1, 5) } },
        };
    }

    public static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The Api's process: the one whose environment points at this system's PostgreSQL.</summary>
    public int? ApiProcessId()
    {
        var port = new NpgsqlConnectionStringBuilder(PostgresConnectionString).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var command = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (!command.Contains("MyHibachi.Api", StringComparison.Ordinal) || command.Contains("dotnet\0run", StringComparison.Ordinal))
                {
                    continue;
                }

                var environment = File.ReadAllText(Path.Combine(directory, "environ"));
                if (environment.Contains($"ConnectionStrings__hibachi=", StringComparison.Ordinal) && environment.Contains($"Port={port};", StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    public static long? ResidentMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
