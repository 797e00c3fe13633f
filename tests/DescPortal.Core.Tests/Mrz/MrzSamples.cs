using DescPortal.Core.Mrz;

namespace DescPortal.Core.Tests.Mrz;

/// <summary>ICAO's public Utopia vectors (domain.md) and the fixed "today" the tests read dates against.</summary>
internal static class MrzSamples
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    public const string Td3Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    public const string Td3Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    public const string Td3 = Td3Line1 + "\n" + Td3Line2;

    public const string Td2Line1 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<";
    public const string Td2Line2 = "D231458907UTO7408122F1204159<<<<<<<6";
    public const string Td2 = Td2Line1 + "\n" + Td2Line2;

    public const string Td1Line1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
    public const string Td1Line2 = "7408122F1204159UTO<<<<<<<<<<<6";
    public const string Td1Line3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    public const string Td1 = Td1Line1 + "\n" + Td1Line2 + "\n" + Td1Line3;

    public static MrzCheckResult Check(string input) => Check(input, Today);

    public static MrzCheckResult Check(string input, DateOnly today)
    {
        Assert.True(MrzCheck.TryRun(input, today, out var result), "the input should be taken as an MRZ");
        return result;
    }

    /// <summary>An error as it reads: where it is and its English message.</summary>
    public static (int? Line, int? Position, string Message) Error(int? line, int? position, string message) => (line, position, message);

    public static (int? Line, int? Position, string Message) Shown(MrzError error) => (error.Line, error.Position, error.Message);

    public static IReadOnlyList<(int? Line, int? Position, string Message)> Shown(MrzCheckResult result) => [.. result.Errors.Select(Shown)];

    public static MrzDigitCheck CheckOf(MrzCheckResult result, MrzCheckedField field) =>
        Assert.Single(result.Checks, c => c.Field == field);

    /// <summary>The TD3 vector with another date of birth and expiry, every check digit recomputed.</summary>
    public static string Td3WithDates(string birth, string expiry)
    {
        var line2 = Td3Line2[..13] + birth + Digit(birth) + "F" + expiry + Digit(expiry) + Td3Line2[28..43];
        var composite = string.Concat(line2.AsSpan(0, 10), line2.AsSpan(13, 7), line2.AsSpan(21, 22));
        return Td3Line1 + "\n" + line2 + Digit(composite);
    }

    private static string Digit(string data) => MrzCheck.CheckDigit(data).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
