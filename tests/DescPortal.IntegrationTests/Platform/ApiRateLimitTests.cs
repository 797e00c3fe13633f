using System.Net;
using System.Text;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>A portal whose API keys may make five requests a minute, so that the limit is crossed in a few requests.</summary>
public sealed class FiveAMinuteHost : PortalHost
{
    public const int PerMinute = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:RequestsPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("DemoData:Specimens", "false");
    }
}

/// <summary>Each API key's requests a minute (<c>Api:RequestsPerMinute</c>): past them 429 with Retry-After, for that key only.</summary>
public sealed class ApiRateLimitTests(FiveAMinuteHost host) : IClassFixture<FiveAMinuteHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Past_the_keys_requests_a_minute_every_operation_answers_429_with_retry_after_and_other_keys_go_on()
    {
        using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        for (var i = 0; i < FiveAMinuteHost.PerMinute; i++)
            Assert.Equal(HttpStatusCode.OK, (await north.GetAsync("/api/v1/specimens", Ct)).StatusCode);

        var refused = await north.GetAsync("/api/v1/specimens", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.JsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(ApiProblems.Request.RateLimited, problem.GetProperty("code").GetString());

        // The key's budget is one for all its operations.
        var mrz = await north.PostAsync("/api/v1/mrz/check", new StringContent("""{ "mrz": "P<UTO" }""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, mrz.StatusCode);

        // Another key (here another agency's) has its own.
        using var south = host.CreateClient().WithKey(ReferralRequests.SouthKey);
        Assert.Equal(HttpStatusCode.OK, (await south.GetAsync("/api/v1/specimens", Ct)).StatusCode);
    }

    [Fact]
    public async Task Callers_without_a_valid_key_get_401_however_often_they_ask_and_are_not_counted()
    {
        using var anonymous = host.CreateClient();
        using var wrong = host.CreateClient().WithKey("not-a-key");
        for (var i = 0; i < FiveAMinuteHost.PerMinute * 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/specimens", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/v1/specimens", Ct)).StatusCode);
        }
    }
}
