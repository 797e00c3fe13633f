using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DescPortal.Core.Mrz;
using static DescPortal.Core.Tests.Mrz.MrzSamples;

namespace DescPortal.Core.Tests.Mrz;

public class MrzJsonTests
{
    private static readonly string Td3Json = """
        {"format":"TD3","valid":true,"fields":{"documentCode":"P","issuingState":"UTO","surname":"ERIKSSON","givenNames":"ANNA MARIA",
        "documentNumber":"L898902C3","nationality":"UTO","dateOfBirth":"1974-08-12","sex":"F","dateOfExpiry":"2012-04-15","optionalData":"ZE184226B"},
        "checks":[{"field":"documentNumber","expected":"6","actual":"6","valid":true},{"field":"dateOfBirth","expected":"2","actual":"2","valid":true},
        {"field":"dateOfExpiry","expected":"9","actual":"9","valid":true},{"field":"optionalData","expected":"1","actual":"1","valid":true},
        {"field":"composite","expected":"0","actual":"0","valid":true}],"errors":[]}
        """.ReplaceLineEndings("");

    // As src/DescPortal.Web/Program.cs configures its HTTP JSON options.
    private static readonly JsonSerializerOptions WebAppOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void SerializesToTheContractsShapeWithWebDefaults()
    {
        Assert.Equal(Td3Json, JsonSerializer.Serialize(Check(Td3), JsonSerializerOptions.Web));
    }

    [Fact]
    public void SerializesTheSameWithTheWebAppsGlobalEnumConverter()
    {
        Assert.Equal(Td3Json, JsonSerializer.Serialize(Check(Td3), WebAppOptions));
    }

    [Fact]
    public void InvalidResultCarriesNullsErrorsAndFailedChecks()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(
            Check("P<UTaERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7402315F1204159ZE184226B<<<<<16"), JsonSerializerOptions.Web))!;

        Assert.False(json["valid"]!.GetValue<bool>());
        Assert.True(json["fields"]!.AsObject().ContainsKey("dateOfBirth"));
        Assert.Null(json["fields"]!["dateOfBirth"]);
        var birth = json["checks"]![1]!;
        Assert.Equal("dateOfBirth", birth["field"]!.GetValue<string>());
        Assert.Equal("5", birth["expected"]!.GetValue<string>());
        Assert.Equal("5", birth["actual"]!.GetValue<string>());
        Assert.False(birth["valid"]!.GetValue<bool>());
        var errors = json["errors"]!.AsArray();
        Assert.Equal(2, errors.Count);
        Assert.Equal(1, errors[0]!["line"]!.GetValue<int>());
        Assert.Equal(5, errors[0]!["position"]!.GetValue<int>());
        Assert.Equal("Character 'a' at line 1, position 5 is not an MRZ character (A-Z, 0-9, <).", errors[0]!["message"]!.GetValue<string>());
        Assert.Equal(2, errors[1]!["line"]!.GetValue<int>());
        Assert.Equal(14, errors[1]!["position"]!.GetValue<int>());
        Assert.Equal("Date of birth '740231' at line 2, positions 14-19 is not a calendar date.", errors[1]!["message"]!.GetValue<string>());
    }

    [Fact]
    public void AnErrorIsWrittenWithItsEnglishMessageFieldAndCode()
    {
        var json = JsonSerializer.Serialize(Check("P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + Td3Line2).Errors, WebAppOptions);

        Assert.Equal("""[{"line":1,"position":12,"message":"Line 1, position 12: the primary identifier (surname) allows letters and \u003C only; found 0.","field":"surname","code":"mrz.character.wrong-for-field"}]""",
            json);
    }

    [Fact]
    public void AnErrorOfTheWholeInputHasNoField()
    {
        var error = JsonNode.Parse(JsonSerializer.Serialize(Check("ABC<<123"), JsonSerializerOptions.Web))!["errors"]![0]!.AsObject();

        Assert.Equal(["line", "position", "message", "field", "code"], error.Select(p => p.Key));
        Assert.Null(error["field"]);
        Assert.Equal("mrz.size.unknown-one-line", error["code"]!.GetValue<string>());
    }

    [Fact]
    public void MissingCheckPositionIsWrittenAsANullActual()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Check(Td3Line1 + "\n" + Td3Line2[..43]), JsonSerializerOptions.Web))!;

        var composite = json["checks"]![4]!;
        Assert.Equal("composite", composite["field"]!.GetValue<string>());
        Assert.Equal("0", composite["expected"]!.GetValue<string>());
        Assert.True(composite.AsObject().ContainsKey("actual"));
        Assert.Null(composite["actual"]);
        Assert.False(composite["valid"]!.GetValue<bool>());
        Assert.Equal("Line 2 has 43 characters; a TD3 line has 44.", json["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public void NullFormatIsWrittenAsNull()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Check("ABC<<123"), JsonSerializerOptions.Web))!;

        Assert.True(json.AsObject().ContainsKey("format"));
        Assert.Null(json["format"]);
        Assert.Null(json["errors"]![0]!["line"]);
        Assert.Null(json["errors"]![0]!["position"]);
        Assert.Empty(json["checks"]!.AsArray());
        Assert.Equal(10, json["fields"]!.AsObject().Count);
    }

    [Fact]
    public void UnspecifiedSexIsWrittenX()
    {
        var json = JsonSerializer.Serialize(Check(Td3Line1 + "\nL898902C36UTO7408122<1204159ZE184226B<<<<<10"), JsonSerializerOptions.Web);

        Assert.Contains("\"sex\":\"X\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparisonResultsAreWrittenByName()
    {
        var comparison = new MrzFieldComparison(MrzComparedField.GivenNames, MrzComparisonResult.ConsistentAfterTransliteration, "Jürgen", "JUERGEN");

        Assert.Equal("""{"field":"GivenNames","result":"ConsistentAfterTransliteration","entered":"J\u00FCrgen","mrz":"JUERGEN","note":null}""",
            JsonSerializer.Serialize(comparison, JsonSerializerOptions.Web));
    }
}
