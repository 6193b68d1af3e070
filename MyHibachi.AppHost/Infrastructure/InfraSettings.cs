using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace MyHibachi.AppHost.Infrastructure;

/// <summary>How the AppHost gets its servers: Aspire containers, or the distribution's packages.</summary>
public enum InfraMode
{
    Auto,
    Local,
    Containers,
}

/// <summary>
/// Reads <c>Infra:Mode</c> (auto | local | containers) and <c>Infra:DataRoot</c>, and resolves
/// <c>auto</c> by asking whether a container runtime answers.
/// </summary>
public sealed record InfraSettings(InfraMode Mode, string DataRoot)
{
    public static InfraSettings FromConfiguration(IConfiguration configuration, string appHostDirectory)
    {
        var configured = configuration["Infra:Mode"];
        if (!Enum.TryParse<InfraMode>(string.IsNullOrWhiteSpace(configured) ? "auto" : configured, ignoreCase: true, out var mode))
        {
            throw new InvalidOperationException(
                $"Infra:Mode is '{configured}'; expected one of auto, local, containers.");
        }

        if (mode == InfraMode.Auto)
        {
            mode = ContainerRuntimeAnswers() ? InfraMode.Containers : InfraMode.Local;
        }

        var dataRoot = configuration["Infra:DataRoot"];
        if (string.IsNullOrWhiteSpace(dataRoot))
        {
            dataRoot = DefaultDataRoot(Path.GetFullPath(Path.Combine(appHostDirectory, "..")));
        }

        return new InfraSettings(mode, Path.GetFullPath(dataRoot));
    }

    /// <summary>
    /// <c>.data</c> in the repository when the PostgreSQL server user can reach it; otherwise a folder
    /// under /var/tmp named after the checkout (a checkout under /root, mode 700, cannot hold it).
    /// </summary>
    private static string DefaultDataRoot(string repositoryRoot)
    {
        var inRepository = Path.Combine(repositoryRoot, ".data");
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || EveryAncestorIsTraversable(repositoryRoot))
        {
            return inRepository;
        }

        var checkoutId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repositoryRoot)))[..12];
        return Path.Combine("/var/tmp", $"myhibachi-{checkoutId}");
    }

    private static bool EveryAncestorIsTraversable(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (!current.Exists || !current.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainerRuntimeAnswers()
    {
        foreach (var runtime in new[] { "docker", "podman" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(runtime, "info")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                });
                if (process is null)
                {
                    continue;
                }

                if (process.WaitForExit(TimeSpan.FromSeconds(10)) && process.ExitCode == 0)
                {
                    return true;
                }

                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed.
            }
        }

        return false;
    }
}
