using System.Text.Json.Nodes;
using DescPortal.Core;
using DescPortal.Core.Referrals;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DescPortal.Web.Features.Cases;

/// <summary>
/// The OpenAPI schemas of what border systems submit (a referral, and the images of an answer), with the rules that
/// <see cref="ReferralValidation"/> applies: required fields, the shared codes as enums, lengths, ranges and formats.
/// The C# types keep every field a nullable string so that a wrong value becomes a field error with its code rather
/// than a failed deserialization; the document says what a valid submission is.
/// </summary>
public static class SubmissionSchemas
{
    /// <summary>"1974-08-12", "1974-08", "1974", or empty when the date is unknown.</summary>
    public const string PartialDatePattern = @"^(\d{4}(-\d{2}(-\d{2})?)?)?$";

    /// <summary>ICAO Doc 9303 codes are three letters, but for Germany's "D"; any case.</summary>
    public const string CountryPattern = "^[A-Za-z]{1,3}$";

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(ReferralSubmission)) DescribeReferral(schema, context.ApplicationServices.GetRequiredService<UploadLimits>());
        else if (type == typeof(BearerSubmission)) DescribeBearer(schema);
        else if (type == typeof(DocumentSubmission)) DescribeDocument(schema);
        else if (type == typeof(ImageSubmission)) DescribeImage(schema);
        return Task.CompletedTask;
    }

    private static void DescribeReferral(OpenApiSchema schema, UploadLimits limits)
    {
        schema.Description = "A referral: where and when the document was intercepted, why, how urgent, the bearer, the "
            + "documents, and one entry per image file sent, in the order of the files.";
        schema.Required = new HashSet<string> { "borderCrossingPoint", "interceptedAt", "reason", "urgency", "bearer", "documents", "images" };
        Text(schema, "borderCrossingPoint", "A crossing point code of the key's agency.", min: 1);
        Time(schema, "interceptedAt", "When the document was intercepted; not in the future.");
        Country(schema, "routeFrom", "Where the traveller came from (ICAO code).");
        Country(schema, "routeTo", "Where the traveller was going (ICAO code).");
        Text(schema, "reason", "Why the document is referred.", min: 1, max: ReferralValidation.MaxReasonLength);
        Text(schema, "conditionOnReceipt", "Optional: the state of the documents as they are handed over (intact, torn, wet, a "
            + "loose laminate). The report states it under \"Condition of the items on receipt\", or the examiner's amendment when "
            + "the centre found the items otherwise.", max: ReferralValidation.MaxConditionLength);
        Codes<Urgency>(schema, "urgency", "How soon an answer is needed.");
        Time(schema, "answerBy", "Required when urgent (after `interceptedAt`); ignored when routine.");
        var documents = Property(schema, "documents");
        documents.Description = "The documents the bearer presented; images refer to them by index.";
        documents.MinItems = 1;
        var images = Property(schema, "images");
        images.Description = "One entry per `images` file part, in the same order.";
        images.MinItems = 1;
        images.MaxItems = limits.MaxFilesPerReferral;
    }

    private static void DescribeBearer(OpenApiSchema schema)
    {
        schema.Description = "The traveller who presented the documents.";
        schema.Required = new HashSet<string> { "surname", "nationality" };
        Text(schema, "surname", "As printed in the visual inspection zone, in Latin letters (diacritics allowed).", min: 1, max: ReferralValidation.MaxNameLength);
        Text(schema, "givenNames", "As printed, in Latin letters.", max: ReferralValidation.MaxNameLength);
        Text(schema, "nationalName", "The name in any script (Cyrillic, Arabic, ...).", max: ReferralValidation.MaxNameLength);
        Country(schema, "nationality", "ICAO code of the nationality.");
        var dateOfBirth = Text(schema, "dateOfBirth", "A full or partial date (\"1974-08-12\", \"1974-08\", \"1974\"); empty or left out when unknown.");
        dateOfBirth.Pattern = PartialDatePattern;
        Codes<Sex>(schema, "sex", "F, M, or X when unspecified.");
    }

    private static void DescribeDocument(OpenApiSchema schema)
    {
        schema.Description = "A document the bearer presented.";
        schema.Required = new HashSet<string> { "documentType", "issuingState" };
        Codes<DocumentType>(schema, "documentType", "The kind of document.");
        Country(schema, "issuingState", "ICAO code of the issuing state or organisation.");
        Text(schema, "documentNumber", "The number as printed.", max: ReferralValidation.MaxDocumentNumberLength);
        Text(schema, "mrz", "The machine readable zone as read, lines separated by \\n.", max: ReferralValidation.MaxMrzLength);
    }

    private static void DescribeImage(OpenApiSchema schema)
    {
        schema.Description = "What one image file shows and how it was captured.";
        var document = Property(schema, "document");
        document.Type = JsonSchemaType.Integer;
        document.Pattern = null;
        document.Minimum = "0";
        document.Description = "Index into `documents` of the document the image shows; may be left out when there is one document.";
        Codes<LightSource>(schema, "lightSource", "The light the image was taken under; White when left out.");
        Codes<DocumentArea>(schema, "area", "The part of the document shown; Other when left out.");
        Range(schema, "dpi", "Resolution in dots per inch.", ReferralValidation.MinDpi, ReferralValidation.MaxDpi);
        Range(schema, "wavelengthNm", "Wavelength of the light in nanometres.", ReferralValidation.MinWavelengthNm, ReferralValidation.MaxWavelengthNm);
        Text(schema, "captureDevice", "The camera or scanner.", max: ReferralValidation.MaxCaptureDeviceLength);
        Time(schema, "capturedAt", "When the image was taken; not in the future.");
        Text(schema, "note", "Anything the examiner should know about the image.", max: ReferralValidation.MaxNoteLength);
    }

    private static OpenApiSchema Property(OpenApiSchema schema, string name) =>
        schema.Properties?.TryGetValue(name, out var property) == true && property is OpenApiSchema inline
            ? inline
            : throw new InvalidOperationException($"The schema has no inline property '{name}' to describe.");

    // Optional fields are left out rather than sent as null: the document gives each its plain type.
    private static OpenApiSchema Text(OpenApiSchema schema, string name, string description, int? min = null, int? max = null)
    {
        var property = Property(schema, name);
        property.Type = JsonSchemaType.String;
        property.Description = description;
        property.MinLength = min;
        property.MaxLength = max;
        return property;
    }

    private static void Time(OpenApiSchema schema, string name, string description)
    {
        var property = Property(schema, name);
        property.Type = JsonSchemaType.String;
        property.Format = "date-time";
        property.Description = description;
    }

    private static void Country(OpenApiSchema schema, string name, string description) =>
        Text(schema, name, description).Pattern = CountryPattern;

    private static void Range(OpenApiSchema schema, string name, string description, int min, int max)
    {
        var property = Property(schema, name);
        property.Type = JsonSchemaType.Integer;
        property.Pattern = null;
        property.Minimum = min.ToString(System.Globalization.CultureInfo.InvariantCulture);
        property.Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        property.Description = description;
    }

    /// <summary>One of the shared codes of <typeparamref name="TEnum"/> (decision 0010: codes are the API's words).</summary>
    private static void Codes<TEnum>(OpenApiSchema schema, string name, string description) where TEnum : struct, Enum
    {
        var property = Text(schema, name, description);
        property.Enum = [.. Code.NamesOf<TEnum>().Select(n => (JsonNode)JsonValue.Create(n))];
    }
}
