using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Http;
using Npgsql;
using Xunit;

namespace DescPortal.IntegrationTests.Faults;

/// <summary>Fault tests run one after the other: each starts its own services and portal processes.</summary>
[CollectionDefinition(nameof(FaultCollection), DisableParallelization = true)]
public sealed class FaultCollection;

/// <summary>
/// PostgreSQL crashes (an immediate stop) and comes back while border systems submit and an examiner works. What was
/// accepted is kept; while it is down the API answers 503 with a problem document and a code, and pages a message;
/// afterwards the same portal process serves, submits and runs jobs again, without a restart.
/// </summary>
[Collection(nameof(FaultCollection))]
public sealed class DatabaseOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Answer(HttpStatusCode Status, string? RetryAfter, string Body);

    [Fact]
    public async Task Every_accepted_submission_outlives_a_PostgreSQL_crash_the_outage_is_a_503_and_the_portal_recovers_without_a_restart()
    {
        await using var services = await OwnServices.StartAsync(Ct);
        await using var portal = await PortalProcess.StartAsync(services, Ct);
        using var api = portal.Client().WithKey(ReferralRequests.NorthKey);
        using var examiner = await portal.SignedInAsync("examiner@desc.local");

        // Two border systems submit without pause, each retrying a refused submission under its Idempotency-Key as the
        // API asks; an examiner keeps opening the queue. Every answer is kept.
        var accepted = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal); // key -> referral
        var acceptedAfterRestart = 0;
        var lastAccepted = Guid.Empty;
        var submissionAnswers = new ConcurrentQueue<Answer>();
        var pageAnswers = new ConcurrentQueue<Answer>();
        var restarted = false;
        using var stop = new CancellationTokenSource();
        var submitters = Enumerable.Range(0, 2).Select(n => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var key = $"outage-{n}-{i}";
                var image = TestImages.Jpeg(200, 150, seed: (n * 1000) + i);
                var referral = ReferralRequests.Example("White");
                while (!stop.IsCancellationRequested)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals")
                    {
                        Content = ReferralRequests.Multipart(referral, image),
                    };
                    request.Headers.Add("Idempotency-Key", key);
                    var answer = await SendAsync(api, request);
                    submissionAnswers.Enqueue(answer);
                    if (answer.Status == HttpStatusCode.Created)
                    {
                        accepted[key] = JsonDocument.Parse(answer.Body).RootElement.GetProperty("id").GetGuid();
                        if (Volatile.Read(ref restarted))
                        {
                            lastAccepted = accepted[key];
                            Interlocked.Increment(ref acceptedAfterRestart);
                        }
                        break;
                    }
                    await Task.Delay(200, CancellationToken.None); // a border system's pause before it tries again
                }
            }
        }, CancellationToken.None)).ToList();
        await Poll.UntilAsync(() => !accepted.IsEmpty, TimeSpan.FromSeconds(60), "a submission accepted", Ct);
        // The case page reads the case from the database as it is rendered.
        var casePage = $"/cases/{accepted.Values.First()}";
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                pageAnswers.Enqueue(await SendAsync(examiner, new HttpRequestMessage(HttpMethod.Get, casePage)));
                await Task.Delay(100, CancellationToken.None);
            }
        }, CancellationToken.None);

        try
        {
            await Poll.UntilAsync(() => accepted.Count >= 3, TimeSpan.FromSeconds(60), "three submissions accepted before the crash", Ct);
            await services.StopPostgresAsync(Ct);
            var pagesBefore = pageAnswers.Count;
            try
            {
                await Poll.UntilAsync(() => submissionAnswers.Any(a => a.Status == HttpStatusCode.ServiceUnavailable), TimeSpan.FromSeconds(60),
                    "a submission answered 503 during the outage", Ct);
                await Poll.UntilAsync(() => pageAnswers.Skip(pagesBefore).Any(a => a.Status != HttpStatusCode.OK || IsPageError(a.Body)), TimeSpan.FromSeconds(60),
                    "the case page answered during the outage", Ct);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{e.Message} Submissions: {Seen(submissionAnswers)}; pages: {Seen(pageAnswers.Skip(pagesBefore))}\n{portal.Log}", e);
            }
            using (var health = portal.Client())
                Assert.Equal(HttpStatusCode.ServiceUnavailable, await PortalProcess.HealthAsync(health, Ct));

            await services.StartPostgresAsync(Ct);
            Volatile.Write(ref restarted, true);
            await Poll.UntilAsync(() => Volatile.Read(ref acceptedAfterRestart) >= 3, TimeSpan.FromSeconds(90),
                "three submissions accepted by the same portal after PostgreSQL came back", Ct);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll([.. submitters, reader]);
        }

        // While it was down: 503, Retry-After, a problem document with its code, no stack trace; never a 500.
        var answers = submissionAnswers.ToList();
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{a.Status}: {a.Body}"));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a =>
        {
            Assert.Equal(StorageOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), a.RetryAfter);
            var problem = JsonDocument.Parse(a.Body).RootElement;
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Equal(StorageOutage.Code, problem.GetProperty("code").GetString());
            Assert.DoesNotContain("   at ", a.Body, StringComparison.Ordinal);
        });
        // The examiner's page: the page or a clear message, never a 500 or a stack trace.
        var pages = pageAnswers.ToList();
        Assert.All(pages, p =>
        {
            Assert.True(p.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{p.Status}: {p.Body[..Math.Min(p.Body.Length, 2000)]}");
            Assert.DoesNotContain("   at ", p.Body, StringComparison.Ordinal);
        });
        Assert.Contains(pages, p => p.Status == HttpStatusCode.ServiceUnavailable && p.Body.Contains("data-testid=\"storage-outage\"", StringComparison.Ordinal)
                                    || IsPageError(p.Body));
        using (var page = await examiner.GetAsync(casePage, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.False(IsPageError(await page.Content.ReadAsStringAsync(Ct)), "the case page shows the case again");
        }

        // Every accepted submission is stored, once, with its evidence readable.
        var ids = accepted.Values.ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        await using (var connection = new NpgsqlConnection(services.Postgres))
        {
            await connection.OpenAsync(Ct);
            await using var count = new NpgsqlCommand("select count(*) from portal.mt_streams where id = any($1)", connection);
            count.Parameters.Add(new NpgsqlParameter { Value = ids });
            Assert.Equal((long)ids.Length, (long)(await count.ExecuteScalarAsync(Ct))!);
        }
        using (var list = await api.GetAsync("/api/v1/referrals?pageSize=1", Ct))
            Assert.Equal(ids.Length, (await list.JsonAsync()).GetProperty("total").GetInt32());
        foreach (var id in ids)
        {
            var details = await (await api.GetAsync($"/api/v1/referrals/{id}", Ct)).JsonAsync();
            var evidence = Assert.Single(details.GetProperty("evidence").EnumerateArray().ToList());
            using var original = await api.GetAsync($"/api/v1/referrals/{id}/evidence/{evidence.GetProperty("id").GetGuid()}", Ct);
            Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        }

        // Jobs follow events again: the last accepted referral gets its thumbnail.
        var last = lastAccepted;
        await Poll.UntilAsync(async () =>
        {
            using var history = await api.GetAsync($"/api/v1/referrals/{last}/history", Ct);
            return (await history.Content.ReadAsStringAsync(Ct)).Contains("EvidenceThumbnailCreated", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(60), "the thumbnail job ran for a referral accepted after the restart", Ct);
        using (var health = portal.Client())
            await Poll.UntilAsync(async () => await PortalProcess.HealthAsync(health, Ct) == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "/health is 200 again", Ct);
    }

    private static string Seen(IEnumerable<Answer> answers) =>
        string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{g.Count()} x {(int)g.Key} ({g.Last().Body[..Math.Min(g.Last().Body.Length, 300)]})"));

    private static bool IsPageError(string body) => body.Contains("data-testid=\"page-error\"", StringComparison.Ordinal);

    private static async Task<Answer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request, CancellationToken.None))
            return new Answer(response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                await response.Content.ReadAsStringAsync(CancellationToken.None));
    }
}
