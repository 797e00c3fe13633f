using System.Net;
using System.Text.Json;
using DescPortal.Testing;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

public sealed class HealthTests(IntegrationHost host)
{
    [Fact]
    public async Task Health_is_200_and_an_admin_sees_every_dependency_checked_and_how_long_it_took()
    {
        using var client = await host.SignedInClientAsync("admin@desc.local");
        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        foreach (var name in new[] { "postgresql", "blob-storage", "jobs", "readiness" })
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
            Assert.True(checks.GetProperty(name).GetProperty("durationMs").GetDouble() >= 0);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("examiner@desc.local")]
    public async Task Anyone_else_is_told_the_overall_status_only(string? email)
    {
        using var client = email is null ? host.CreateClient() : await host.SignedInClientAsync(email);
        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["status"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Alive_answers_without_sign_in()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync("/alive", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_redirect_to_sign_in_but_the_jobs_dashboard_is_closed_to_anonymous_users()
    {
        using var client = host.CreateClient(new() { AllowAutoRedirect = false });

        var home = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/signin", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // Sent to sign in, as any page is (the fallback policy), and never shown.
        var jobs = await client.GetAsync("/jobs", TestContext.Current.CancellationToken);
        Assert.True(jobs.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || (jobs.StatusCode == HttpStatusCode.Redirect && jobs.Headers.Location!.OriginalString.Contains("/account/signin", StringComparison.Ordinal)),
            $"got {jobs.StatusCode}");
    }

    [Theory]
    [InlineData("admin@desc.local", true)]
    [InlineData("examiner@desc.local", false)]
    [InlineData("officer.north@desc.local", false)]
    public async Task The_jobs_dashboard_opens_for_admins_only(string email, bool allowed)
    {
        using var client = await host.SignedInClientAsync(email);
        var response = await client.GetAsync("/jobs", TestContext.Current.CancellationToken);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        else
        {
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"got {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Sign_in_page_is_static_and_says_sign_in()
    {
        using var client = host.CreateClient();
        var html = await client.GetStringAsync("/account/signin", TestContext.Current.CancellationToken);
        Assert.Contains("Sign in", html, StringComparison.Ordinal);
        // Static: no interactive component markers on this page.
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
    }
}
