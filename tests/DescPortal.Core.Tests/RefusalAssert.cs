using System.Globalization;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Tests;

/// <summary>
/// What a refusal or a field error says: its code (what other systems see) and, where the words matter, its English,
/// the neutral culture's, whatever culture the tests run in.
/// </summary>
internal static class RefusalAssert
{
    public static void Equal(string code, string english, DomainException actual)
    {
        Assert.Equal(code, actual.Code);
        Assert.Equal(english, actual.MessageIn(CultureInfo.InvariantCulture));
    }

    public static void Equal(string path, string code, string english, FieldError actual)
    {
        Assert.Equal((path, code), (actual.Path, actual.Code));
        Assert.Equal(english, actual.MessageIn(CultureInfo.InvariantCulture));
    }

    public static void Equal(string code, string english, Phrase actual)
    {
        Assert.Equal(code, actual.Code);
        Assert.Equal(english, actual.MessageIn(CultureInfo.InvariantCulture));
    }

    /// <summary>The English words of a refusal, for the tests that check a part of them.</summary>
    public static string English(DomainException refusal) => refusal.MessageIn(CultureInfo.InvariantCulture);

    public static string English(FieldError error) => error.MessageIn(CultureInfo.InvariantCulture);
}
