using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using DescPortal.Core;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Reports;
using DescPortal.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>A portal given one bad setting; it must not start.</summary>
public sealed class MisconfiguredHost(string key, string value) : PortalHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(key, value);
    }
}

/// <summary>The configuration sections (every class with a <c>public const string Section</c>), README's table of them, and the start-up check.</summary>
public sealed partial class SettingsTests(IntegrationHost host)
{
    /// <summary>Defaults the table states in words because they are not constants ("DESC_CHROMIUM when set").</summary>
    private static readonly Dictionary<string, string> DocumentedDefaults = new(StringComparer.Ordinal)
    {
        ["Reports:Chromium"] = "/usr/bin/chromium",
    };

    private static IEnumerable<Type> SettingsClasses() =>
        new[] { typeof(Program).Assembly, typeof(UploadLimits).Assembly, typeof(DescPortal.DemoData.DemoDataOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true, FieldType: var f } && f == typeof(string));

    /// <summary>Every key a class binds (its settable properties), with the value a new instance has.</summary>
    private static Dictionary<string, object?> KeysOfClasses() =>
        SettingsClasses().SelectMany(t =>
        {
            var section = SettingsSetup.SectionOf(t);
            var defaults = Activator.CreateInstance(t);
            return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => KeyValuePair.Create($"{section}:{p.Name}", p.GetValue(defaults)));
        }).ToDictionary(StringComparer.Ordinal);

    /// <summary>README's settings table: key to its Default cell.</summary>
    private static Dictionary<string, string> KeysOfReadme()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DescPortal.sln"))) dir = dir.Parent;
        var lines = File.ReadAllLines(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("No DescPortal.sln above the tests."), "README.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("## Settings for a production installation", StringComparison.Ordinal));
        Assert.True(start >= 0, "README.md has no section 'Settings for a production installation'.");
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('#')).Where(l => l.StartsWith('|')).Skip(2))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            foreach (Match key in SettingKey().Matches(cells[0]))
                Assert.True(table.TryAdd(key.Groups[1].Value, cells[^1]), $"{key.Groups[1].Value} is twice in README's table.");
        }
        return table;
    }

    [GeneratedRegex(@"`([A-Za-z]+:[A-Za-z]+)`")]
    private static partial Regex SettingKey();

    [Fact]
    public void Every_key_of_every_settings_class_is_in_the_readme_with_its_default_and_the_readme_has_no_other()
    {
        var classes = KeysOfClasses();
        var readme = KeysOfReadme();

        Assert.True(classes.Count >= 20, $"Only {classes.Count} keys found: is the Section constant discovery broken?");
        Assert.Empty(classes.Keys.Except(readme.Keys).Select(k => $"{k} is missing from README's table"));
        Assert.Empty(readme.Keys.Except(classes.Keys).Select(k => $"README names {k}, which no settings class binds"));

        foreach (var (key, value) in classes)
        {
            var cell = readme[key];
            var stated = DocumentedDefaults.GetValueOrDefault(key) ?? value switch
            {
                null or "" => null,
                bool b => b ? "true" : "false",
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (stated is null)
                Assert.True(Regex.IsMatch(cell, "^(required|unset|none)\\b"), $"{key} has no default; README says '{cell}' (start with required, unset or none).");
            else
                Assert.True(Regex.IsMatch(cell, $"(^|[^0-9A-Za-z]){Regex.Escape(stated)}($|[^0-9A-Za-z])"),
                    $"{key} defaults to '{stated}'; README says '{cell}'.");
        }
    }

    [Fact]
    public void Every_settings_class_is_bound_and_checked_at_start()
    {
        foreach (var type in SettingsClasses())
        {
            Assert.True(host.Registrations.Any(d => d.ServiceType == typeof(IValidateOptions<>).MakeGenericType(type)),
                $"{type.Name} (section {SettingsSetup.SectionOf(type)}) is not registered with AddSettings");
        }
    }

    [Theory]
    [InlineData("Verification:PerMinute", "-3", "Verification:PerMinute must be between 1 and 10000; it is -3.")]
    [InlineData("Reports:Pages", "0", "Reports:Pages must be between 1 and 16; it is 0.")]
    [InlineData("Portal:PublicUrl", "verify.example.org", "Portal:PublicUrl must be an absolute http or https address; it is 'verify.example.org'.")]
    [InlineData("Proxy:KnownProxies", "10.0.0.5, proxy.local", "Proxy:KnownProxies: 'proxy.local' is not an IP address")]
    [InlineData("Storage:ContainerPrefix", "Desc_", "Storage:ContainerPrefix may hold lower-case letters, digits and hyphens")]
    [InlineData("Uploads:MaxFilesPerReferral", "0", "Uploads:MaxFilesPerReferral must be between 1 and 1000; it is 0.")]
    [InlineData("Drafts:KeepDays", "many", "Drafts:KeepDays")]
    [InlineData("Api:RequestsPerMinute", "0", "Api:RequestsPerMinute must be between 1 and 1000000; it is 0.")]
    [InlineData("SignIn:WindowSeconds", "7200", "SignIn:WindowSeconds must be between 1 and 3600; it is 7200.")]
    public async Task A_bad_value_stops_the_portal_with_a_message_naming_the_key(string key, string value, string message)
    {
        await using var portal = new MisconfiguredHost(key, value);
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await portal.InitializeAsync());

        var messages = new List<string>();
        for (Exception? e = refused; e is not null; e = e.InnerException) messages.Add(e.Message);
        Assert.True(messages.Any(m => m.Contains(message, StringComparison.Ordinal)),
            $"Expected '{message}' in: {string.Join(" | ", messages)}");
    }

    [Fact]
    public void The_documented_chromium_default_is_the_one_used_when_DESC_CHROMIUM_is_not_set()
    {
        if (Environment.GetEnvironmentVariable("DESC_CHROMIUM") is { Length: > 0 }) return;
        Assert.Equal(DocumentedDefaults["Reports:Chromium"], new ReportOptions().Chromium);
    }
}
