using System.Text.Json;
using System.Text.Json.Nodes;
using DescPortal.Core;
using DescPortal.Core.Custody;
using DescPortal.Core.Referrals;
using Xunit;

namespace DescPortal.Core.Tests.Custody;

public sealed class CustodyChainTests
{
    private static readonly byte[] Salt = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static ReferralSubmitted Submitted(string surname = "ERIKSSON", string reason = "Laminate lifted") => new(
        Guid.Parse("0b4c7a64-3d0e-4a51-9a0e-1f1f3c2d2e11"), "DESC-2026-000001", "BCP-NORTH", "NORTH-GATE",
        new DateTimeOffset(2026, 12, 7, 8, 30, 0, TimeSpan.Zero), "UTO", null, reason, Urgency.Urgent, null,
        new Bearer(surname, "ANNA MARIA", "محمد عبد الله", "UTO", new PartialDate(1974, 8, 12), Sex.F),
        [new QuestionedDocument(0, DocumentType.Passport, "UTO", "L898902C3", "P<UTOERIKSSON<<ANNA<MARIA")],
        "officer.north@desc.local", new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType());

    [Fact]
    public void The_canonical_data_is_the_same_however_the_json_is_laid_out()
    {
        var json = Json(Submitted());
        // What PostgreSQL's jsonb gives back: keys in another order, no escapes, numbers in another notation.
        var node = JsonNode.Parse(json)!.AsObject();
        var reordered = new JsonObject(node.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var relaxed = reordered.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true });

        Assert.Equal(CustodyChain.Canonical(json, typeof(ReferralSubmitted), Salt), CustodyChain.Canonical(relaxed, typeof(ReferralSubmitted), Salt));
        Assert.Equal(CustodyChain.Canonical("""{"X":0.00001,"Y":[1.50]}""", typeof(object), null),
            CustodyChain.Canonical("""{ "Y": [ 1.5 ], "X": 1E-05 }""", typeof(object), null));
    }

    [Fact]
    public void Personal_values_enter_as_salted_digests_and_everything_else_as_it_is()
    {
        var canonical = CustodyChain.Canonical(Json(Submitted()), typeof(ReferralSubmitted), Salt);

        foreach (var personal in new[] { "ERIKSSON", "ANNA MARIA", "L898902C3", "P<UTOERIKSSON", "1974-08-12" })
            Assert.DoesNotContain(personal, canonical, StringComparison.Ordinal);
        Assert.Contains("Laminate lifted", canonical, StringComparison.Ordinal);
        Assert.Contains("officer.north@desc.local", canonical, StringComparison.Ordinal);
        Assert.Equal(6, canonical.Split("personal:sha256:").Length - 1);
        // Another salt, other digests: a digest does not tell whether two cases hold the same name.
        Assert.NotEqual(canonical, CustodyChain.Canonical(Json(Submitted()), typeof(ReferralSubmitted), [.. Salt.Reverse()]));
    }

    [Fact]
    public void A_change_to_any_value_personal_or_not_changes_the_hash()
    {
        var id = Guid.NewGuid();
        string HashOf(ReferralSubmitted e, long version = 1, string? previous = null) =>
            CustodyChain.Hash(id, version, "referral_submitted", previous, CustodyChain.Canonical(Json(e), typeof(ReferralSubmitted), Salt));

        var original = HashOf(Submitted());
        Assert.Matches("^[0-9a-f]{64}$", original);
        Assert.Equal(original, HashOf(Submitted()));
        Assert.NotEqual(original, HashOf(Submitted(surname: "ERIKSS0N")));
        Assert.NotEqual(original, HashOf(Submitted(reason: "Laminate lifted!")));
        Assert.NotEqual(original, HashOf(Submitted(), version: 2));
        Assert.NotEqual(original, HashOf(Submitted(), previous: new string('0', 64)));
        Assert.NotEqual(original, CustodyChain.Hash(Guid.NewGuid(), 1, "referral_submitted", null,
            CustodyChain.Canonical(Json(Submitted()), typeof(ReferralSubmitted), Salt)));
    }

    [Fact]
    public void Erasing_personal_values_and_the_salt_keeps_the_hash()
    {
        var json = JsonNode.Parse(Json(Submitted()))!;
        var before = CustodyChain.Canonical(json.ToJsonString(), typeof(ReferralSubmitted), Salt);

        // Erasure as the retention job will do it: each personal value becomes its digest, the salt is deleted.
        var bearer = json["Bearer"]!.AsObject();
        foreach (var field in new[] { "Surname", "GivenNames", "NationalName", "DateOfBirth" })
            bearer[field] = CustodyChain.ErasedPrefix + CustodyChain.Digest(Salt, bearer[field]?.DeepClone());
        var document = json["Documents"]![0]!.AsObject();
        foreach (var field in new[] { "DocumentNumber", "Mrz" })
            document[field] = CustodyChain.ErasedPrefix + CustodyChain.Digest(Salt, document[field]?.DeepClone());

        Assert.Equal(before, CustodyChain.Canonical(json.ToJsonString(), typeof(ReferralSubmitted), salt: null));
        Assert.DoesNotContain("ERIKSSON", json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_personal_value_without_its_salt_cannot_be_checked()
    {
        Assert.Throws<MissingSaltException>(() => CustodyChain.Canonical(Json(Submitted()), typeof(ReferralSubmitted), salt: null));
    }
}
