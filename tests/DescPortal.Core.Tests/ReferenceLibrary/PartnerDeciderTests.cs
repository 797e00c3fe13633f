using DescPortal.Core.ReferenceLibrary;

namespace DescPortal.Core.Tests.ReferenceLibrary;

// The registry of partner installations whose archives are accepted: who may sign, under which name.
public class PartnerDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Own = new('0', 64);
    private static readonly string North = "3f2a9c01" + new string('a', 56);

    private static PartnerList Given(params object[] events) => PartnerList.Fold(events);

    private static PartnerRegistered Registered(string fingerprint, string name) => new(fingerprint, name, "Ada <ada@desc.local>", "Ada", Now);

    [Theory]
    [InlineData("3F2A 9C01 AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA")]
    [InlineData("3f2a9c01aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("3F:2A:9C:01:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA")]
    public void AFingerprintAsReadAloudOrTypedIsTheArchivesForm(string typed) => Assert.Equal(North, PartnerDecider.FingerprintOf(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3F2A 9C01")]
    [InlineData("3g2a9c01aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("3f2a9c01aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void AnythingElseIsNoFingerprint(string? typed) => Assert.Null(PartnerDecider.FingerprintOf(typed));

    [Fact]
    public void ARegistrationIsRecordedWithWhoAndWhenAndTheListHoldsIt()
    {
        var e = Assert.IsType<PartnerRegistered>(Assert.Single(
            PartnerDecider.Register(PartnerList.Empty, "  DESC North ", North.ToUpperInvariant(), Own, "Ada <ada@desc.local>", "Ada", Now)));

        Assert.Equal(Registered(North, "DESC North"), e);
        Assert.Equal(new Partner(North, "DESC North", "Ada <ada@desc.local>", "Ada", Now), Given(e).Find(North));
    }

    [Fact]
    public void ABadEntryIsRefusedNamingEachField()
    {
        var several = Assert.Throws<DomainException>(() => PartnerDecider.Register(PartnerList.Empty, " ", "3F2A", Own, "ada", "Ada", Now));
        Assert.Equal(Refusals.Several, several.Code);
        Assert.Contains("Name:", several.Message, StringComparison.Ordinal);
        Assert.Contains("Key fingerprint:", several.Message, StringComparison.Ordinal);

        Assert.Equal(Refusals.Partner.NameTooLong, Assert.Throws<DomainException>(() =>
            PartnerDecider.Register(PartnerList.Empty, new string('n', 201), North, Own, "ada", "Ada", Now)).Code);
        Assert.Equal(Refusals.Partner.NameControlCharacters, Assert.Throws<DomainException>(() =>
            PartnerDecider.Register(PartnerList.Empty, "DESC\nNorth", North, Own, "ada", "Ada", Now)).Code);
        Assert.Equal(Refusals.Partner.FingerprintOwn, Assert.Throws<DomainException>(() =>
            PartnerDecider.Register(PartnerList.Empty, "Us", Own, Own, "ada", "Ada", Now)).Code);
        var twice = Assert.Throws<DomainException>(() =>
            PartnerDecider.Register(Given(Registered(North, "DESC North")), "Again", North, Own, "ada", "Ada", Now));
        Assert.Equal(Refusals.Partner.FingerprintRegistered, twice.Code);
        Assert.Contains("DESC North", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARemovalTakesThePartnerOffTheListAndRemovingAgainChangesNothing()
    {
        var list = Given(Registered(North, "DESC North"));

        var e = Assert.IsType<PartnerRemoved>(Assert.Single(PartnerDecider.Remove(list, North, "ben", "Ben", Now)));

        Assert.Equal(new PartnerRemoved(North, "DESC North", "ben", "Ben", Now), e);
        var after = Given(Registered(North, "DESC North"), e);
        Assert.Null(after.Find(North));
        Assert.Empty(PartnerDecider.Remove(after, North, "ben", "Ben", Now));
        // Registered again later: a new entry.
        Assert.NotNull(Given(Registered(North, "DESC North"), e, Registered(North, "DESC North (new contract)")).Find(North));
    }
}
