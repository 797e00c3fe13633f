using DescPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Xunit;

namespace DescPortal.Web.Tests.Infrastructure.Localization;

/// <summary>Counts choose between two resource keys, one for exactly one and one for any other count.</summary>
public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "0 images")]
    [InlineData(1, "1 image")]
    [InlineData(2, "2 images")]
    [InlineData(21, "21 images")]
    public void English_reads_the_key_of_the_form_the_count_needs(long count, string expected) =>
        Assert.Equal(expected, new Translation([]).Count(count, "{0} image", "{0} images").Value);

    [Fact]
    public void A_translation_words_each_form_from_its_own_key()
    {
        var german = new Translation(new() { ["{0} image"] = "{0} Bild", ["{0} images"] = "{0} Bilder" });

        Assert.Equal("1 Bild", german.Count(1, "{0} image", "{0} images").Value);
        Assert.Equal("3 Bilder", german.Count(3, "{0} image", "{0} images").Value);
    }

    [Fact]
    public void The_form_for_one_may_leave_the_number_out() =>
        Assert.Equal("An open correction waits.", new Translation([]).Count(1, "An open correction waits.", "{0} open corrections wait.").Value);

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
