using System.Diagnostics.Metrics;

namespace DescPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// How many cases wait for an examiner, for the queue-depth gauge. The case kernel knows what "waiting" means and
/// registers the reader; telemetry only asks. Null when it cannot tell (the database is unreachable, say).
/// </summary>
public interface ICaseQueueDepth
{
    long? Read();
}

/// <summary>
/// The portal's own meter, <see cref="MeterName"/>, and every instrument on it: features call the methods here, so
/// names and units are defined once. Made by the host's meter factory, so each host (tests run several in one
/// process) has its own and a disposed host's gauge is no longer read.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "DescPortal";

    private readonly Counter<long> _referralsSubmitted;
    private readonly Counter<long> _reportsIssued;
    private readonly Histogram<double> _reportPrintTime;
    private readonly Histogram<double> _tilePyramidTime;

    public PortalMetrics(IMeterFactory meters, IEnumerable<ICaseQueueDepth> queue)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _referralsSubmitted = meter.CreateCounter<long>("descportal.referrals.submitted", "{referral}",
            "Referrals submitted, through the API or the officer's form");
        _reportsIssued = meter.CreateCounter<long>("descportal.reports.issued", "{report}", "Expert reports issued");
        // Seconds; buckets around what they take here (a report about 1 s, a 48-megapixel image's pyramid about 2 s).
        _reportPrintTime = meter.CreateHistogram("descportal.report.print.duration", "s",
            "Time to print one expert report to PDF (Chromium)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120] });
        _tilePyramidTime = meter.CreateHistogram("descportal.tile_pyramid.duration", "s",
            "Time to make one image's Deep Zoom tile pyramid (download, tile, pack, upload)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120] });
        var readers = queue.ToArray();
        meter.CreateObservableGauge("descportal.queue.depth", () => Observe(readers), "{case}",
            "Cases submitted and waiting for an examiner to take them");
    }

    public void ReferralSubmitted() => _referralsSubmitted.Add(1);

    public void ReportIssued() => _reportsIssued.Add(1);

    public void ReportPrinted(TimeSpan took) => _reportPrintTime.Record(took.TotalSeconds);

    public void TilePyramidMade(TimeSpan took) => _tilePyramidTime.Record(took.TotalSeconds);

    private static IEnumerable<Measurement<long>> Observe(ICaseQueueDepth[] readers)
    {
        foreach (var reader in readers)
        {
            if (reader.Read() is { } depth) yield return new Measurement<long>(depth);
        }
    }
}
