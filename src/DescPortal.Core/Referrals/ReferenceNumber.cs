using System.Globalization;

namespace DescPortal.Core.Referrals;

/// <summary>
/// A case's reference as people quote it on the phone and in reports: DESC-YYYY-NNNNNN,
/// the year of submission and a six-digit sequence that restarts each year.
/// </summary>
public static class ReferenceNumber
{
    public const string Prefix = "DESC-";
    public const int MaxSequence = 999_999;

    /// <exception cref="ArgumentOutOfRangeException">Year not four digits, or sequence outside 1..999999.</exception>
    public static string Format(int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year:D4}-{sequence:D6}");
    }

    /// <summary>Reads exactly the form <see cref="Format"/> writes (upper case, no spaces).</summary>
    public static bool TryParse(string? text, out int year, out int sequence)
    {
        year = 0;
        sequence = 0;
        // "DESC-" + 4 + "-" + 6
        if (text is null || text.Length != Prefix.Length + 11 || !text.StartsWith(Prefix, StringComparison.Ordinal)
            || text[Prefix.Length + 4] != '-')
        {
            return false;
        }
        var yearText = text.AsSpan(Prefix.Length, 4);
        var sequenceText = text.AsSpan(Prefix.Length + 5, 6);
        if (!IsDigits(yearText) || !IsDigits(sequenceText))
        {
            return false;
        }
        var y = int.Parse(yearText, CultureInfo.InvariantCulture);
        var s = int.Parse(sequenceText, CultureInfo.InvariantCulture);
        if (y < 1000 || s < 1)
        {
            return false;
        }
        (year, sequence) = (y, s);
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _, out _);

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
