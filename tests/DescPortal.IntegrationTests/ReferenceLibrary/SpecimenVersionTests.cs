using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using Xunit;
using static DescPortal.IntegrationTests.ReferenceLibrary.LibraryTestData;

namespace DescPortal.IntegrationTests.ReferenceLibrary;

/// <summary>Each specimen is a stream; every change raises the version; a confirmation names the version it vouches for.</summary>
public sealed class SpecimenVersionTests(IntegrationHost host)
{
    private const string State = "XXV";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_change_raises_the_version_a_confirmation_holds_until_the_next_change_and_history_names_every_actor()
    {
        using var api = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var commands = host.Commands();
        var authority = Authority(State);

        // Border systems are served a specimen only while the version they would get is confirmed.
        var id = await host.CreateAsync(State);
        Assert.Equal((1, false), await VersionAndServedAsync(api, id));
        var image = await host.AddImageAsync(id, TestImages.Png(seed: 201));
        Assert.Equal((2, false), await VersionAndServedAsync(api, id));
        var feature = Feature(image);
        await commands.AddFeatureAsync(Editor, id, feature, Ct);
        Assert.Equal((3, false), await VersionAndServedAsync(api, id));

        // Submitting is no change of content: still version 3, not yet confirmed.
        await commands.SubmitForConfirmationAsync(Editor, id, Ct);
        Assert.Equal((3, false), await VersionAndServedAsync(api, id));
        Assert.Equal(SpecimenStatus.AwaitingConfirmation, (await host.EntryAsync(id)).Status);

        await commands.ConfirmAsync(authority, id, 3, Ct);
        Assert.Equal((3, true), await ApiStateAsync(api, id));
        var confirmed = await host.EntryAsync(id);
        Assert.Equal(SpecimenStatus.Confirmed, confirmed.Status);
        Assert.True(confirmed.ConfirmedByIssuer);
        Assert.Equal(3, confirmed.Specimen.LastConfirmedVersion);

        await commands.ChangeFeatureAsync(Editor, id, feature with { Description = "Guilloche in two colours, iris printed" }, Ct);
        Assert.Equal((4, false), await VersionAndServedAsync(api, id));
        var changed = await host.EntryAsync(id);
        Assert.Equal(SpecimenStatus.ChangedSinceConfirmation, changed.Status);
        Assert.False(changed.ConfirmedByIssuer);
        Assert.True(changed.Specimen.ChangedSinceConfirmation);
        Assert.Equal(3, changed.Specimen.LastConfirmedVersion);

        // Still says so after another change; only a confirmation of the current version ends it.
        await commands.ChangeDetailsAsync(Editor, id, changed.Specimen.Details with { Description = "Changed once more" }, Ct);
        var twice = await host.EntryAsync(id);
        Assert.Equal((5, SpecimenStatus.ChangedSinceConfirmation, 3), (twice.ContentVersion, twice.Status, twice.Specimen.LastConfirmedVersion));

        await commands.ConfirmAsync(authority, id, 5, Ct);
        Assert.Equal((5, true), await ApiStateAsync(api, id));
        var again = await host.EntryAsync(id);
        Assert.Equal(SpecimenStatus.Confirmed, again.Status);
        Assert.False(again.Specimen.ChangedSinceConfirmation);
        Assert.Equal([3, 5], again.Specimen.Confirmations.Select(c => c.Version));

        var history = await host.Queries().HistoryAsync(Editor, id, Ct);
        Assert.Equal(
            ["SpecimenCreated", "SpecimenImageAdded", "SecurityFeatureAdded", "SpecimenSubmittedForConfirmation", "SpecimenConfirmed",
             "SecurityFeatureChanged", "SpecimenDetailsChanged", "SpecimenConfirmed"],
            history.Select(h => h.Type));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(v => (long)v), history.Select(h => h.Version));
        Assert.All(history, h => Assert.False(string.IsNullOrWhiteSpace(h.Actor)));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.At <= p.Second.At), "history is in time order");
        Assert.Equal(Editor.Actor, history[0].Actor);
        Assert.Equal(authority.Actor, history[4].Actor);

        // The authority of the specimen's country reads the same history; nobody else sees any.
        Assert.Equal(history.Count, (await host.Queries().HistoryAsync(authority, id, Ct)).Count);
        Assert.Empty(await host.Queries().HistoryAsync(Authority("UTO"), id, Ct));
        Assert.Empty(await host.Queries().HistoryAsync(Officer, id, Ct));
    }

    [Fact]
    public async Task Confirming_a_version_that_was_changed_since_is_refused_and_says_which_is_current()
    {
        var (id, image, _) = await host.SubmittedSpecimenAsync(State, seed: 211);
        var authority = Authority(State);
        // The authority reviewed version 3; an editor adds a feature meanwhile.
        await host.Commands().AddFeatureAsync(Editor, id, Feature(image, "Second guilloche"), Ct);
        var before = await host.StreamVersionAsync(id);

        var stale = await Assert.ThrowsAsync<DomainException>(() => host.Commands().ConfirmAsync(authority, id, 3, Ct));
        Assert.Equal("Version 3 was changed; version 4 is current. Review the changes and confirm version 4.", stale.Message);

        var future = await Assert.ThrowsAsync<DomainException>(() => host.Commands().ConfirmAsync(authority, id, 9, Ct));
        Assert.Equal("Version 9 does not exist; version 4 is current. Review it and confirm version 4.", future.Message);

        Assert.Equal(before, await host.StreamVersionAsync(id));
        var entry = await host.EntryAsync(id);
        Assert.False(entry.ConfirmedByIssuer);
        Assert.Empty(entry.Specimen.Confirmations);
    }

    [Fact]
    public async Task A_draft_cannot_be_confirmed_and_a_confirmation_records_who_for_which_country()
    {
        var id = await host.CreateAsync(State);
        await host.AddImageAsync(id, TestImages.Png(seed: 221));
        var authority = Authority(State);

        var draft = await Assert.ThrowsAsync<DomainException>(() => host.Commands().ConfirmAsync(authority, id, 2, Ct));
        Assert.Contains("draft", draft.Message, StringComparison.Ordinal);

        await host.Commands().SubmitForConfirmationAsync(Editor, id, Ct);
        await host.Commands().ConfirmAsync(authority, id, 2, Ct);
        // Confirming the same version again (a double click) adds nothing.
        var version = await host.StreamVersionAsync(id);
        await host.Commands().ConfirmAsync(authority, id, 2, Ct);
        Assert.Equal(version, await host.StreamVersionAsync(id));

        var confirmation = Assert.Single((await host.EntryAsync(id)).Specimen.Confirmations);
        Assert.Equal((2, State, authority.DisplayName), (confirmation.Version, confirmation.Country, confirmation.ConfirmedByName));
        var confirmed = Assert.Single((await host.EventsAsync(id)).OfType<SpecimenConfirmed>());
        Assert.Equal(authority.Actor, confirmed.Actor);
        Assert.Equal(2, confirmed.ConfirmedVersion);
    }

    [Fact]
    public async Task Editors_cannot_confirm_and_authorities_cannot_edit()
    {
        var (id, image, feature) = await host.SubmittedSpecimenAsync(State, seed: 231);
        var before = await host.StreamVersionAsync(id);

        var editorConfirms = await Assert.ThrowsAsync<DomainException>(() => host.Commands().ConfirmAsync(Editor, id, 3, Ct));
        Assert.Contains($"Only the issuing authority of {State}", editorConfirms.Message, StringComparison.Ordinal);

        var authority = Authority(State);
        await Assert.ThrowsAsync<DomainException>(() => host.Commands().AddFeatureAsync(authority, id, Feature(image, "Sneaked in"), Ct));
        await Assert.ThrowsAsync<DomainException>(() =>
            host.Commands().ChangeFeatureAsync(authority, id, feature with { Description = "Rewritten by the authority" }, Ct));
        await Assert.ThrowsAsync<DomainException>(() => host.Commands().WithdrawAsync(authority, id, "Not ours to withdraw", Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.Commands().WithdrawAsync(Trainer, id, "Trainers only read", Ct));

        Assert.Equal(before, await host.StreamVersionAsync(id));
    }

    /// <summary>The content version as stored, and whether the API lists the specimen.</summary>
    private async Task<(int Version, bool Served)> VersionAndServedAsync(HttpClient api, Guid id) =>
        ((await host.EntryAsync(id)).ContentVersion, await FindViaApiAsync(api, id, State) is not null);

    private static async Task<(int Version, bool Confirmed)> ApiStateAsync(HttpClient api, Guid id)
    {
        var item = await FindViaApiAsync(api, id, State) ?? throw new Xunit.Sdk.XunitException($"{id} is not listed.");
        return (item.GetProperty("version").GetInt32(), item.GetProperty("confirmedByIssuer").GetBoolean());
    }
}
