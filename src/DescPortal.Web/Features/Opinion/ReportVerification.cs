using System.Security.Cryptography;
using System.Threading.RateLimiting;
using DescPortal.Core.Opinion;
using Marten;

namespace DescPortal.Web.Features.Opinion;

/// <summary>
/// Every issued report, found by its verification code or by its PDF's SHA-256: what /verify and the API may say about
/// a report and nothing more of its case. Written by the report job in the same transaction as ReportIssued.
/// </summary>
public sealed class IssuedReportIndex
{
    /// <summary>The report number.</summary>
    public string Id { get; set; } = "";
    public Guid CaseId { get; set; }
    public string VerificationCode { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public string? SupersededBy { get; set; }
}

public enum VerificationResult { Genuine, Superseded, Unknown }

/// <summary>The answer of a verification, exactly as the API returns it.</summary>
public sealed record VerificationAnswer(VerificationResult Result, string? ReportNumber, DateTimeOffset? IssuedAt, string? SupersededBy)
{
    public static readonly VerificationAnswer Unknown = new(VerificationResult.Unknown, null, null, null);
}

/// <summary>
/// Verifies a report by code or by file, for anyone, without signing in: the public page and the API share it, and
/// its rate limit (per client address), so neither can be used to guess codes faster than the other.
/// </summary>
public sealed class ReportVerification(IDocumentStore store, VerificationOptions options) : IDisposable
{
    /// <summary>A PDF larger than this is no report of ours.</summary>
    public const long MaxPdfBytes = 50L * 1024 * 1024;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>False when the client asked too often in the last minute.</summary>
    public bool TryAcquire(string client) => _limiter.AttemptAcquire(client).IsAcquired;

    public async Task<VerificationAnswer> ByCodeAsync(string? code, CancellationToken ct)
    {
        if (!VerificationCode.TryParse(code, out var normalised)) return VerificationAnswer.Unknown;
        await using var session = store.QuerySession();
        var found = await session.Query<IssuedReportIndex>().FirstOrDefaultAsync(r => r.VerificationCode == normalised, ct);
        return Answer(found);
    }

    /// <summary>Matches the file's SHA-256: a changed byte, an unreadable or foreign file is Unknown.</summary>
    public async Task<VerificationAnswer> ByPdfAsync(Stream pdf, CancellationToken ct)
    {
        // Hashed as it arrives: a public endpoint keeps no copy of what anyone uploads.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await pdf.ReadAsync(buffer, ct)) > 0)
        {
            if ((length += read) > MaxPdfBytes) return VerificationAnswer.Unknown;
            hash.AppendData(buffer, 0, read);
        }
        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        await using var session = store.QuerySession();
        var found = await session.Query<IssuedReportIndex>().FirstOrDefaultAsync(r => r.Sha256 == sha, ct);
        return Answer(found);
    }

    private static VerificationAnswer Answer(IssuedReportIndex? r) => r is null
        ? VerificationAnswer.Unknown
        : new VerificationAnswer(r.SupersededBy is null ? VerificationResult.Genuine : VerificationResult.Superseded, r.Id, r.IssuedAt, r.SupersededBy);

    public void Dispose() => _limiter.Dispose();
}
