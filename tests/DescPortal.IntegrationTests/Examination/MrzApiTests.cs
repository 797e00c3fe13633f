using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DescPortal.Testing;
using Xunit;

namespace DescPortal.IntegrationTests.Examination;

/// <summary>POST /api/v1/mrz/check through the real host: the exact contract, the key, and the only 400.</summary>
public sealed class MrzApiTests(IntegrationHost host)
{
    private const string Td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    private const string Td1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> PostAsync(object body, string? key = ReferralRequests.NorthKey)
    {
        using var client = host.CreateClient();
        if (key is not null) client.WithKey(key);
        return await client.PostAsJsonAsync("/api/v1/mrz/check", body, Ct);
    }

    [Fact]
    public async Task The_icao_td3_vector_is_valid_with_every_field_of_the_contract()
    {
        // CRLF and surrounding spaces are accepted.
        var response = await PostAsync(new { mrz = "  " + Td3.Replace("\n", "\r\n", StringComparison.Ordinal) + " \r\n" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var doc = JsonDocument.Parse(text);
        var body = doc.RootElement;
        Assert.Equal(["format", "valid", "fields", "checks", "errors"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TD3", body.GetProperty("format").GetString());
        Assert.True(body.GetProperty("valid").GetBoolean());
        var fields = body.GetProperty("fields");
        Assert.Equal(["documentCode", "issuingState", "surname", "givenNames", "documentNumber", "nationality", "dateOfBirth", "sex", "dateOfExpiry", "optionalData"],
            fields.EnumerateObject().Select(p => p.Name));
        Assert.Equal("P", fields.GetProperty("documentCode").GetString());
        Assert.Equal("UTO", fields.GetProperty("issuingState").GetString());
        Assert.Equal("ERIKSSON", fields.GetProperty("surname").GetString());
        Assert.Equal("ANNA MARIA", fields.GetProperty("givenNames").GetString());
        Assert.Equal("L898902C3", fields.GetProperty("documentNumber").GetString());
        Assert.Equal("UTO", fields.GetProperty("nationality").GetString());
        Assert.Equal("1974-08-12", fields.GetProperty("dateOfBirth").GetString());
        Assert.Equal("F", fields.GetProperty("sex").GetString());
        Assert.Equal("2012-04-15", fields.GetProperty("dateOfExpiry").GetString());
        Assert.Equal("ZE184226B", fields.GetProperty("optionalData").GetString());
        var checks = body.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["documentNumber", "dateOfBirth", "dateOfExpiry", "optionalData", "composite"], checks.Select(c => c.GetProperty("field").GetString()));
        Assert.All(checks, c =>
        {
            Assert.Equal(["field", "expected", "actual", "valid"], c.EnumerateObject().Select(p => p.Name));
            Assert.True(c.GetProperty("valid").GetBoolean());
            Assert.Equal(c.GetProperty("expected").GetString(), c.GetProperty("actual").GetString());
        });
        Assert.Equal("6", checks[0].GetProperty("expected").GetString());
        Assert.Empty(body.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task A_wrong_check_digit_is_a_200_naming_the_failed_check()
    {
        var wrong = Td1.Replace("7408122F", "7408121F", StringComparison.Ordinal);

        var response = await PostAsync(new { mrz = wrong });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var body = doc.RootElement;
        Assert.Equal("TD1", body.GetProperty("format").GetString());
        Assert.False(body.GetProperty("valid").GetBoolean());
        var failed = body.GetProperty("checks").EnumerateArray().Where(c => !c.GetProperty("valid").GetBoolean())
            .Select(c => c.GetProperty("field").GetString()).ToList();
        Assert.Contains("dateOfBirth", failed);
        Assert.Equal("D23145890", body.GetProperty("fields").GetProperty("documentNumber").GetString());
    }

    [Fact]
    public async Task A_digit_in_the_surname_with_every_check_digit_right_is_invalid_with_an_error_naming_line_position_and_field()
    {
        // Issue 16: ERIKSSON with a zero for its O. No check digit covers line 1, so every one of them is right.
        var response = await PostAsync(new { mrz = "P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var body = doc.RootElement;
        Assert.Equal(["format", "valid", "fields", "checks", "errors"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TD3", body.GetProperty("format").GetString());
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Equal("ERIKSS0N", body.GetProperty("fields").GetProperty("surname").GetString());
        Assert.All(body.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("valid").GetBoolean()));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(["line", "position", "message", "field", "code"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.Equal(12, error.GetProperty("position").GetInt32());
        Assert.Equal("Line 1, position 12: the primary identifier (surname) allows letters and < only; found 0.", error.GetProperty("message").GetString());
        Assert.Equal("surname", error.GetProperty("field").GetString());
        Assert.Equal("mrz.character.wrong-for-field", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_state_code_that_is_letters_but_no_icao_code_is_an_error()
    {
        var response = await PostAsync(new { mrz = Td1.Replace("I<UTO", "I<UTX", StringComparison.Ordinal) });

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var body = doc.RootElement;
        Assert.False(body.GetProperty("valid").GetBoolean());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal((1, 3, "issuingState", "mrz.code.unknown"), (error.GetProperty("line").GetInt32(), error.GetProperty("position").GetInt32(),
            error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.Equal("Line 1, positions 3-5: the issuing state UTX is not a country code of ICAO 9303 Part 3.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Lines_of_the_wrong_length_are_reported_by_line_and_position()
    {
        var response = await PostAsync(new { mrz = Td3[..^1] });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var body = doc.RootElement;
        Assert.False(body.GetProperty("valid").GetBoolean());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal(44, error.GetProperty("position").GetInt32());
        Assert.Contains("44", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello world, this is no machine readable zone")]
    [InlineData("")]
    public async Task Input_without_any_mrz_line_is_a_400_problem_naming_the_field(string mrz)
    {
        var response = await PostAsync(new { mrz });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(doc.RootElement.GetProperty("errors").TryGetProperty("mrz", out _));
        Assert.Equal("request.no-mrz", doc.RootElement.GetProperty("codes").GetProperty("mrz")[0].GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_and_an_oversized_one_a_413()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var notJson = await client.PostAsync("/api/v1/mrz/check", new StringContent("mrz=P<UTO", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        using var notJsonProblem = JsonDocument.Parse(await notJson.Content.ReadAsStringAsync(Ct));
        Assert.Equal("request.not-json", notJsonProblem.RootElement.GetProperty("codes").GetProperty("mrz")[0].GetString());

        var huge = await client.PostAsJsonAsync("/api/v1/mrz/check", new { mrz = new string('<', 40_000) }, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        using var hugeProblem = JsonDocument.Parse(await huge.Content.ReadAsStringAsync(Ct));
        Assert.Equal("request.too-large", hugeProblem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Without_an_agency_key_the_check_is_refused()
    {
        var none = await PostAsync(new { mrz = Td3 }, key: null);
        var wrong = await PostAsync(new { mrz = Td3 }, key: "not-a-key");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }
}
