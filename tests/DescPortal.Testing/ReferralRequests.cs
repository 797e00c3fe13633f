using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DescPortal.Testing;

/// <summary>Builds API v1 referral submissions: the example JSON and one file part per image.</summary>
public static class ReferralRequests
{
    public const string NorthKey = "dev-north-key";
    public const string SouthKey = "dev-south-key";

    /// <summary>The actor events record for what the agency's development key did: its label and fingerprint.</summary>
    public static string ActorOf(string agency, string key) =>
        $"{agency} key '{DescPortal.DemoData.DemoAccounts.KeyLabel}' ({Web.Infrastructure.Auth.ApiKey.FingerprintOf(Web.Infrastructure.Auth.ApiKey.Hash(key))})";

    /// <summary>The example referral of the API contract, with as many images as given light sources.</summary>
    public static JsonObject Example(params string[] lightSources)
    {
        var now = DateTimeOffset.UtcNow;
        var images = new JsonArray();
        foreach (var light in lightSources.Length == 0 ? ["White"] : lightSources)
            images.Add(new JsonObject { ["document"] = 0, ["lightSource"] = light, ["area"] = "DataPage", ["dpi"] = 600 });
        return new JsonObject
        {
            ["borderCrossingPoint"] = "NORTH-GATE",
            ["interceptedAt"] = now.AddMinutes(-30).ToString("O"),
            ["routeFrom"] = "UTO",
            ["routeTo"] = "XXA",
            ["reason"] = "Laminate edge lifted near the portrait",
            ["urgency"] = "Urgent",
            ["answerBy"] = now.AddHours(2).ToString("O"),
            ["bearer"] = new JsonObject
            {
                ["surname"] = "ERIKSSON", ["givenNames"] = "ANNA MARIA", ["nationalName"] = null,
                ["nationality"] = "UTO", ["dateOfBirth"] = "1974-08-12", ["sex"] = "F",
            },
            ["documents"] = new JsonArray(new JsonObject
            {
                ["documentType"] = "Passport", ["issuingState"] = "UTO", ["documentNumber"] = "L898902C3",
                ["mrz"] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
            }),
            ["images"] = images,
        };
    }

    public static MultipartFormDataContent Multipart(JsonNode referral, params byte[][] files)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(referral.ToJsonString(), Encoding.UTF8, "application/json"), "referral");
        for (var i = 0; i < files.Length; i++)
        {
            var file = new ByteArrayContent(files[i]);
            // A lying name and type: the server must judge by content only.
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "images", $"../../etc/photo{i}.jpg");
        }
        return form;
    }

    public static HttpClient WithKey(this HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }
}
