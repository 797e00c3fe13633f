namespace DescPortal.Core.Mrz;

/// <summary>
/// YYMMDD to a calendar date. The MRZ writes two-digit years, so the century is chosen against "today":
/// a date of birth takes the century that does not put it in the future (the 100 years up to and including today);
/// a date of expiry takes the century that puts it within 50 years of today: after today minus 50 years and
/// up to and including today plus 50 years (so on 2026-11-28, 761128 is 2076-11-28 and 761129 is 1976-11-29).
/// </summary>
internal static class MrzDates
{
    internal enum Reading
    {
        Date,
        /// <summary>A '&lt;' or another character that is not a digit stands for a part.</summary>
        UnknownParts,
        /// <summary>Six digits that are no calendar date, e.g. 740231 or 741301.</summary>
        NoSuchDate,
    }

    internal static Reading ReadBirth(ReadOnlySpan<char> yymmdd, DateOnly today, out DateOnly date) =>
        Read(yymmdd, today, expiry: false, out date);

    internal static Reading ReadExpiry(ReadOnlySpan<char> yymmdd, DateOnly today, out DateOnly date) =>
        Read(yymmdd, today, expiry: true, out date);

    private static Reading Read(ReadOnlySpan<char> yymmdd, DateOnly today, bool expiry, out DateOnly date)
    {
        date = default;
        if (!TwoDigits(yymmdd, 0, out var yy) || !TwoDigits(yymmdd, 2, out var mm) || !TwoDigits(yymmdd, 4, out var dd))
        {
            return Reading.UnknownParts;
        }
        if (mm is < 1 or > 12 || dd < 1)
        {
            return Reading.NoSuchDate;
        }
        var year = expiry ? ExpiryYear(yy, mm, dd, today) : BirthYear(yy, mm, dd, today);
        if (dd > DateTime.DaysInMonth(year, mm))
        {
            return Reading.NoSuchDate;
        }
        date = new DateOnly(year, mm, dd);
        return Reading.Date;
    }

    /// <summary>The two digits at <paramref name="at"/> as a number; false when either is missing or not a digit.</summary>
    internal static bool TwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        value = 0;
        if (text.Length < at + 2 || !char.IsAsciiDigit(text[at]) || !char.IsAsciiDigit(text[at + 1]))
        {
            return false;
        }
        value = (text[at] - '0') * 10 + (text[at + 1] - '0');
        return true;
    }

    /// <summary>The latest year ending in <paramref name="yy"/> that does not put (month, day) after today.</summary>
    internal static int BirthYear(int yy, int month, int day, DateOnly today)
    {
        var year = today.Year - (today.Year % 100 - yy + 100) % 100;
        if (year == today.Year && (month > today.Month || (month == today.Month && day > today.Day)))
        {
            year -= 100;
        }
        return year;
    }

    /// <summary>The year ending in <paramref name="yy"/> that puts (month, day) in (today - 50 years, today + 50 years].</summary>
    internal static int ExpiryYear(int yy, int month, int day, DateOnly today)
    {
        var low = today.Year - 50;
        var year = low + (yy - low % 100 + 100) % 100;
        if (year == low && (month < today.Month || (month == today.Month && day <= today.Day)))
        {
            year += 100;
        }
        return year;
    }
}
