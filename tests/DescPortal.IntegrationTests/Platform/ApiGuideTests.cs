using System.Reflection;
using DescPortal.Core;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Opinion;
using DescPortal.Web.Infrastructure.Http;
using DescPortal.Web.Infrastructure.Persistence;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// docs/api.md, the integrators' guide: every code the API can answer with is listed there, and its limits are the
/// code's defaults, so the guide cannot fall behind the code unnoticed.
/// </summary>
public sealed class ApiGuideTests
{
    private static string Guide()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DescPortal.sln"))) dir = dir.Parent;
        return File.ReadAllText(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("No DescPortal.sln above the tests."), "docs", "api.md"));
    }

    /// <summary>The codes of a class itself (not of its nested classes: those are phrases and labels).</summary>
    private static IEnumerable<string> CodesOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>What the API answers with: a submission's fields and images, the MRZ check, the request's form, and the refusals of a referral as a whole.</summary>
    public static TheoryData<string> ApiCodes() =>
    [
        .. CodesOf(typeof(Refusals.Referral)), .. CodesOf(typeof(Refusals.PartialDate)), .. CodesOf(typeof(Refusals.Image)),
        .. CodesOf(typeof(Refusals.Mrz)), .. CodesOf(typeof(ApiProblems.Request)), .. CodesOf(typeof(Refusals.IdempotencyKey)),
        Refusals.Cases.NoSuchEvidence, Refusals.Cases.NotAwaitingMaterial, Refusals.Several, Refusals.Evidence.IntegrityFailed,
        StorageOutage.Code,
    ];

    [Theory]
    [MemberData(nameof(ApiCodes))]
    public void Every_code_the_api_answers_with_has_a_row_in_the_guide(string code) =>
        Assert.Contains($"| `{code}` | ", Guide(), StringComparison.Ordinal);

    [Fact]
    public void The_guides_limits_are_the_codes_defaults()
    {
        var guide = Guide();
        var limits = UploadLimits.Default;
        Assert.Contains($"| Images in one referral (`referral.images`, and the file parts) | {limits.MaxFilesPerReferral} |", guide, StringComparison.Ordinal);
        Assert.Contains($"({limits.MaxFileBytes} bytes)", guide, StringComparison.Ordinal);
        Assert.Contains($"{limits.MaxPixels / 1_000_000} megapixels ({limits.MaxPixels})", guide, StringComparison.Ordinal);
        Assert.Contains($"| 1 to {Paging.MaxPageSize}, 20 when left out |", guide, StringComparison.Ordinal);
        Assert.Contains($"| {new VerificationOptions().PerMinute} a minute per client address; then 429 |", guide, StringComparison.Ordinal);
        Assert.Contains($"| {new ApiOptions().RequestsPerMinute} a minute; then 429 with `Retry-After` |", guide, StringComparison.Ordinal);
        Assert.Contains($"| {EvidenceMultipart.MaxJsonPartBytes / 1024} KB ({EvidenceMultipart.MaxJsonPartBytes} bytes); then 413", guide, StringComparison.Ordinal);
    }
}
