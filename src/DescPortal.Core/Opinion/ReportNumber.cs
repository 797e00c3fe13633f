using System.Globalization;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Opinion;

/// <summary>
/// The unique identification of an expert report (ISO/IEC 17025 §7.8.2.1): the case's reference and the report's
/// version, "DESC-2026-000123-R1". A reopened case's next report is R2, and so on: the number alone says which
/// version of which case a printed page belongs to.
/// </summary>
public static class ReportNumber
{
    public const string VersionMarker = "-R";
    public const int MaxVersion = 999;

    /// <exception cref="ArgumentException">The reference is not of the form DESC-YYYY-NNNNNN.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Version outside 1..999.</exception>
    public static string Format(string reference, int version)
    {
        if (!ReferenceNumber.IsValid(reference))
        {
            throw new ArgumentException($"'{reference}' is not a reference of the form DESC-YYYY-NNNNNN.", nameof(reference));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, MaxVersion);
        return string.Create(CultureInfo.InvariantCulture, $"{reference}{VersionMarker}{version}");
    }

    /// <summary>Reads exactly the form <see cref="Format"/> writes (upper case, no spaces, no leading zeros).</summary>
    public static bool TryParse(string? text, out string reference, out int version)
    {
        reference = "";
        version = 0;
        var at = text?.LastIndexOf(VersionMarker, StringComparison.Ordinal) ?? -1;
        if (text is null || at < 0 || !ReferenceNumber.IsValid(text[..at]))
        {
            return false;
        }
        var digits = text.AsSpan(at + VersionMarker.Length);
        if (digits.Length is < 1 or > 3 || digits[0] == '0' || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }
        (reference, version) = (text[..at], int.Parse(digits, CultureInfo.InvariantCulture));
        return true;
    }
}
