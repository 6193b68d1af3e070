using System.Diagnostics;

namespace MyHibachi.AppHost.Infrastructure;

/// <summary>A distribution package the project needs, and how to tell it is installed.</summary>
public sealed record RequiredPackage(string Name, Func<bool> IsInstalled);

/// <summary>
/// Installs missing Debian packages the way Aspire pulls missing images: once, on first use.
/// As root it runs apt-get; with password-less sudo it uses sudo; otherwise it stops with the one
/// command a person has to run.
/// </summary>
public static class DebianPackages
{
    private const string LockFile = "/tmp/myhibachi-apt.lock";

    public static void EnsureInstalled(IReadOnlyCollection<RequiredPackage> packages, TextWriter log)
    {
        var missing = packages.Where(p => !p.IsInstalled()).Select(p => p.Name).Distinct().ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var names = string.Join(' ', missing);
        if (!File.Exists("/usr/bin/apt-get"))
        {
            throw new MissingPackagesException(
                $"MyHibachi needs these server packages and this machine has no apt-get to install them: {names}. " +
                "Install them with your system's package manager, or run with a container runtime (Infra:Mode=containers).");
        }

        var privilege = Environment.IsPrivilegedProcess ? Privilege.Root
            : Run("sudo", ["-n", "true"], log, echo: false) == 0 ? Privilege.PasswordlessSudo
            : Privilege.None;
        var command = InstallCommand(missing, privilege) ?? throw new MissingPackagesException(NotInstalledMessage(missing));

        log.WriteLine($"Installing missing packages (one time): {names}");
        var exitCode = Run(command[0], command[1..], log, echo: true);

        var stillMissing = packages.Where(p => !p.IsInstalled()).Select(p => p.Name).Distinct().ToArray();
        if (exitCode != 0 || stillMissing.Length > 0)
        {
            throw new MissingPackagesException(
                $"Installing {names} failed (exit code {exitCode}). Install them by hand with:{Environment.NewLine}  {ManualCommand(missing)}");
        }
    }

    public enum Privilege
    {
        Root,
        PasswordlessSudo,
        None,
    }

    /// <summary>The command that installs <paramref name="missing"/>, or null when this user cannot.</summary>
    public static string[]? InstallCommand(IReadOnlyCollection<string> missing, Privilege privilege)
    {
        // flock serialises our own installers (the AppHost and the browser tests may start together).
        var script = "export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && " +
                     "apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends " + string.Join(' ', missing);
        string[] install = ["flock", "-w", "900", LockFile, "bash", "-c", script];
        return privilege switch
        {
            Privilege.Root => install,
            Privilege.PasswordlessSudo => ["sudo", "-n", .. install],
            _ => null,
        };
    }

    public static string ManualCommand(IReadOnlyCollection<string> missing) =>
        $"sudo apt-get update && sudo apt-get install -y {string.Join(' ', missing)}";

    public static string NotInstalledMessage(IReadOnlyCollection<string> missing) =>
        $"MyHibachi needs these packages, which are not installed: {string.Join(", ", missing)}.{Environment.NewLine}" +
        $"Install them once with:{Environment.NewLine}  {ManualCommand(missing)}{Environment.NewLine}then run the command again.";

    private static int Run(string fileName, IEnumerable<string> arguments, TextWriter log, bool echo)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(startInfo)!;
            process.OutputDataReceived += (_, e) => { if (echo && e.Data is not null) log.WriteLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (echo && e.Data is not null) log.WriteLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 127;
        }
    }
}

public sealed class MissingPackagesException(string message) : Exception(message);
