using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace MyHibachi.Benchmarks;

/// <summary>
/// What the Api's managed heap holds after a full garbage collection, read over the runtime's
/// diagnostics port (the way dotnet-gcdump does it). Resident memory alone cannot tell a leak from
/// the GC keeping freed memory for later; the live heap after a full collection can.
/// </summary>
public static class ManagedHeap
{
    private const int InducedReason = 1;

    /// <summary>Forces a full blocking collection in the process and returns the bytes that survived it.</summary>
    public static async Task<long?> LiveBytesAfterFullCollectionAsync(int processId, TimeSpan timeout)
    {
        // The GCHeapCollect keyword makes the runtime run an induced, blocking gen-2 collection as the
        // session starts; the GC keyword brings its start event and the heap statistics after it.
        var provider = new EventPipeProvider(
            "Microsoft-Windows-DotNETRuntime", EventLevel.Informational,
            (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect));
        var client = new DiagnosticsClient(processId);
        using var session = await client.StartEventPipeSessionAsync([provider], requestRundown: false, token: CancellationToken.None);
        using var source = new EventPipeEventSource(session.EventStream);
        long? live = null;
        var inducedFullCollection = false;
        source.Clr.GCStart += e => inducedFullCollection |= e.Depth == 2 && (int)e.Reason == InducedReason;
        source.Clr.GCHeapStats += e =>
        {
            if (inducedFullCollection && live is null)
            {
                live = e.TotalHeapSize;
                source.StopProcessing();
            }
        };

        var reading = Task.Run(source.Process);
        await Task.WhenAny(reading, Task.Delay(timeout));
        await session.StopAsync(CancellationToken.None);
        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(5)));
        return live;
    }

    /// <summary>
    /// With BENCH_GCDUMP set to a folder, also saves a heap snapshot with dotnet-gcdump (a dotnet
    /// tool, installed separately) at each reading, so growing types can be compared with
    /// <c>dotnet-gcdump report</c>.
    /// </summary>
    public static async Task SaveDumpIfAskedAsync(int processId)
    {
        if (Environment.GetEnvironmentVariable("BENCH_GCDUMP") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"api-{DateTime.UtcNow:HHmmss}.gcdump");
        using var tool = System.Diagnostics.Process.Start("dotnet-gcdump", ["collect", "-p", processId.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", file]);
        await tool.WaitForExitAsync();
    }
}
