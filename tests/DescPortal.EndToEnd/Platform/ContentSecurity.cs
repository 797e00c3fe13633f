using Microsoft.Playwright;

namespace DescPortal.EndToEnd.Platform;

/// <summary>
/// What a page reports about the portal's Content-Security-Policy while a test walks it: every violation (Chromium
/// writes each to the console: a script, style, image or connection the policy refused, an eval), and every
/// document that arrived without the policy or with one that lets inline script or eval run.
/// </summary>
public sealed class ContentSecurity
{
    private readonly List<string> _problems = [];

    /// <param name="tolerated">A violation expected on purpose (said where it is used, with why).</param>
    public ContentSecurity(IPage page, Func<string, bool>? tolerated = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) && tolerated?.Invoke(message.Text) != true)
                Add($"{page.Url}: {message.Text}");
        };
        page.Response += (_, response) =>
        {
            if (!response.Request.IsNavigationRequest || response.Frame != page.MainFrame) return;
            var scripts = response.Headers.GetValueOrDefault("content-security-policy")?.Split(';')
                .Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal));
            if (scripts is null || scripts.Contains("'unsafe-inline'", StringComparison.Ordinal) || scripts.Contains("'unsafe-eval'", StringComparison.Ordinal))
                Add($"{response.Url} ({response.Status}): script-src {scripts ?? "missing"}");
        };
    }

    /// <summary>What was found so far, one line each.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems) return [.. _problems];
        }
    }

    private void Add(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }
}
