using System.Diagnostics;

namespace DescPortal.IntegrationTests;

/// <summary>
/// Runs one of the portal binary's commands (<c>verify</c>, <c>create-admin</c>: what <c>infra/desc</c> runs) in a
/// child process with the given settings, and answers its exit code and everything it printed.
/// </summary>
public static class PortalCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DescPortal.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(ct);
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, output + await errors);
    }
}
