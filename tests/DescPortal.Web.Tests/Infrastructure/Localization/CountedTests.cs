using DescPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Xunit;

namespace DescPortal.Web.Tests.Infrastructure.Localization;

/// <summary>Counts choose their form inside one entry, by Core's Wording rule: {0:one|other}, # for the count.</summary>
public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "0 images")]
    [InlineData(1, "1 image")]
    [InlineData(2, "2 images")]
    [InlineData(21, "21 images")]
    public void English_reads_the_form_the_count_needs(long count, string expected) =>
        Assert.Equal(expected, new Translation([]).Count(count, "{0} {0:image|images}"));

    [Fact]
    public void A_translation_words_both_forms_in_its_own_entry()
    {
        var german = new Translation(new() { ["{0} {0:image|images}"] = "{0} {0:Bild|Bilder}" });

        Assert.Equal("1 Bild", german.Count(1, "{0} {0:image|images}"));
        Assert.Equal("3 Bilder", german.Count(3, "{0} {0:image|images}"));
    }

    [Fact]
    public void A_form_may_leave_the_number_out_or_put_it_anywhere()
    {
        const string Key = "{0:An open correction waits|# open corrections wait}.";
        Assert.Equal("An open correction waits.", new Translation([]).Count(1, Key));
        Assert.Equal("2 open corrections wait.", new Translation([]).Count(2, Key));
    }

    [Fact]
    public void A_broken_translation_reads_in_english() =>
        Assert.Equal("2 images", new Translation(new() { ["{0} {0:image|images}"] = "{1} {0:Bild|Bilder}" }).Count(2, "{0} {0:image|images}"));

    /// <summary>A resource set in memory: its entries, else the key itself, as the portal's localizer reads a key without a translation.</summary>
    private sealed class Translation(Dictionary<string, string> entries) : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            entries.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, this[name].Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            entries.Select(e => new LocalizedString(e.Key, e.Value));
    }
}
