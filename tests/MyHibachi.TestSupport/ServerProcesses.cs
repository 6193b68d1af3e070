namespace MyHibachi.TestSupport;

/// <summary>The processes whose working directory lies under a data root: the local servers of one AppHost.</summary>
public static class ServerProcesses
{
    public sealed record ServerProcess(int Id, string Command);

    public static IReadOnlyList<ServerProcess> Under(string dataRoot)
    {
        var found = new List<ServerProcess>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id))
            {
                continue;
            }

            try
            {
                var cwd = new FileInfo(Path.Combine(directory, "cwd")).LinkTarget;
                if (cwd is not null && (cwd == dataRoot || cwd.StartsWith(dataRoot + "/", StringComparison.Ordinal)))
                {
                    var command = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim();
                    found.Add(new ServerProcess(id, command));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to inspect.
            }
        }

        return found;
    }

    public static async Task<IReadOnlyList<ServerProcess>> WaitUntilNoneUnderAsync(string dataRoot, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var remaining = Under(dataRoot);
            if (remaining.Count == 0 || DateTime.UtcNow > deadline)
            {
                return remaining;
            }

            await Task.Delay(250);
        }
    }
}
