namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// The worked example of a submission, in curl and in C#, that the submit operation's description carries: the
/// reference page (<c>/api/docs</c>) renders it from the document, so the page and the document say the same.
/// </summary>
public static class ReferralApiExample
{
    /// <summary>Markdown (CommonMark, as OpenAPI descriptions are).</summary>
    public const string Markdown = """
        ### Worked example

        `referral.json`, one passport and two images of its data page (white light, then UV 365 nm):

        ```json
        {
          "borderCrossingPoint": "NORTH-GATE",
          "interceptedAt": "2026-12-07T08:30:00+00:00",
          "routeFrom": "UTO",
          "routeTo": "XXA",
          "reason": "Laminate edge lifted near the portrait",
          "conditionOnReceipt": "Cover bent at the top corner; data page intact",
          "urgency": "Urgent",
          "answerBy": "2026-12-07T11:00:00+00:00",
          "bearer": {
            "surname": "ERIKSSON", "givenNames": "ANNA MARIA", "nationalName": null,
            "nationality": "UTO", "dateOfBirth": "1974-08-12", "sex": "F"
          },
          "documents": [{
            "documentType": "Passport", "issuingState": "UTO", "documentNumber": "L898902C3",
            "mrz": "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
          }],
          "images": [
            { "document": 0, "lightSource": "White", "area": "DataPage", "dpi": 600 },
            { "document": 0, "lightSource": "UV365", "area": "DataPage", "dpi": 600 }
          ]
        }
        ```

        With curl (one `images` part per entry of `images`, in the same order). The `Idempotency-Key` is made once per
        referral and sent again on every retry: a retry after a dropped link answers the first submission, never a second.

        ```bash
        KEY=$(cat /proc/sys/kernel/random/uuid)   # once per referral; keep it for the retries
        curl -H "X-Api-Key: $DESC_API_KEY" -H "Idempotency-Key: $KEY" \
             -F "referral=@referral.json;type=application/json" \
             -F "images=@white.jpg" -F "images=@uv.png" \
             https://portal.example/api/v1/referrals
        ```

        With C# (`HttpClient`):

        ```csharp
        using var http = new HttpClient { BaseAddress = new Uri("https://portal.example/") };
        http.DefaultRequestHeaders.Add("X-Api-Key", Environment.GetEnvironmentVariable("DESC_API_KEY"));

        using var form = new MultipartFormDataContent();
        var referral = new StringContent(File.ReadAllText("referral.json"));
        referral.Headers.ContentType = new("application/json");
        form.Add(referral, "referral");
        form.Add(new ByteArrayContent(File.ReadAllBytes("white.jpg")), "images", "white.jpg");
        form.Add(new ByteArrayContent(File.ReadAllBytes("uv.png")), "images", "uv.png");

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/referrals") { Content = form };
        request.Headers.Add("Idempotency-Key", referralKey); // a Guid made once per referral, the same on every retry
        using var response = await http.SendAsync(request);
        // 201: { "id", "reference", "status" }; 4xx: problem details with `code` or `codes`.
        response.EnsureSuccessStatusCode();
        ```
        """;
}
