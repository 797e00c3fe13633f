using System.Globalization;
using System.Text;

namespace DescPortal.Core.Referrals;

public static class ReferralValidation
{
    public const int MaxReasonLength = 2000;
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 1000;
    public const int MaxMrzLength = 200;
    public const int MaxDocumentNumberLength = 50;
    public const int MaxCaptureDeviceLength = 200;
    public const int MinDpi = 1;
    public const int MaxDpi = 20_000;
    public const int MinWavelengthNm = 200;
    public const int MaxWavelengthNm = 1200;

    /// <summary>Officers' clocks and ours disagree a little; a time this far ahead of ours is still "now".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Checks a submission against the vocabularies, the ICAO country list and the agency's own crossing
    /// points, and returns either every error found (so a form can show them all at once) or the
    /// normalised referral.
    /// </summary>
    public static ValidationResult Validate(
        ReferralSubmission s,
        DateTimeOffset now,
        IReadOnlyCollection<string> agencyCrossingPoints,
        UploadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(agencyCrossingPoints);
        limits ??= UploadLimits.Default;
        var errors = new List<FieldError>();
        void Error(string path, string message) => errors.Add(new FieldError(path, message));

        // Context
        string? crossingPoint = null;
        if (IsBlank(s.BorderCrossingPoint))
        {
            Error("borderCrossingPoint", "Border crossing point is required.");
        }
        else
        {
            var typed = s.BorderCrossingPoint!.Trim();
            // Stored as the agency's own spelling of the code.
            crossingPoint = agencyCrossingPoints.FirstOrDefault(p => string.Equals(p, typed, StringComparison.OrdinalIgnoreCase));
            if (crossingPoint is null)
            {
                Error("borderCrossingPoint", $"{Quote(typed)} is not one of your agency's border crossing points.");
            }
        }

        if (s.InterceptedAt is null)
        {
            Error("interceptedAt", "Interception time is required.");
        }
        else if (s.InterceptedAt > now + ClockSkew)
        {
            Error("interceptedAt", "Interception time is in the future.");
        }

        var routeFrom = OptionalCountry(s.RouteFrom, "routeFrom", Error);
        var routeTo = OptionalCountry(s.RouteTo, "routeTo", Error);

        var reason = s.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            Error("reason", "Reason for suspicion is required.");
        }
        else
        {
            MaxLength(reason, MaxReasonLength, "reason", "Reason for suspicion", Error);
        }

        Urgency? urgency = null;
        if (IsBlank(s.Urgency))
        {
            Error("urgency", $"Urgency is required: {Code.ListOf<Urgency>()}.");
        }
        else if (Code.TryParse<Urgency>(s.Urgency, out var u))
        {
            urgency = u;
        }
        else
        {
            Error("urgency", $"{Quote(s.Urgency!)} is not an urgency; use {Code.ListOf<Urgency>()}.");
        }

        DateTimeOffset? answerBy = null;
        if (urgency == Urgency.Urgent)
        {
            if (s.AnswerBy is null)
            {
                Error("answerBy", "Answer-by time is required for an urgent referral.");
            }
            else if (s.InterceptedAt is not null && s.AnswerBy <= s.InterceptedAt)
            {
                Error("answerBy", "Answer-by time must be after the interception time.");
            }
            answerBy = s.AnswerBy;
        }
        // A routine referral has no deadline: a value left over from the form is dropped, not stored.

        var bearer = ValidateBearer(s.Bearer, now, Error);
        var documents = ValidateDocuments(s.Documents, Error);
        var images = ValidateImages(s.Images, documents.Count, now, limits, Error);

        var referral = errors.Count == 0
            ? new ValidatedReferral(crossingPoint!, s.InterceptedAt!.Value, routeFrom, routeTo, reason!, urgency!.Value,
                answerBy, bearer!, documents, images)
            : null;
        return new ValidationResult(errors, referral);
    }

    private static Bearer? ValidateBearer(BearerSubmission? b, DateTimeOffset now, Action<string, string> error)
    {
        if (b is null)
        {
            error("bearer", "Bearer details are required.");
            return null;
        }

        var surname = Name(b.Surname);
        if (surname.Length == 0)
        {
            error("bearer.surname", "Surname is required.");
        }
        else
        {
            MaxLength(surname, MaxNameLength, "bearer.surname", "Surname", error);
            LatinScript(surname, "bearer.surname", "Surname", error);
        }

        var givenNames = Name(b.GivenNames);
        MaxLength(givenNames, MaxNameLength, "bearer.givenNames", "Given names", error);
        LatinScript(givenNames, "bearer.givenNames", "Given names", error);

        var nationalName = Name(b.NationalName);
        MaxLength(nationalName, MaxNameLength, "bearer.nationalName", "National name", error);

        var nationality = RequiredCountry(b.Nationality, "bearer.nationality", "Nationality", error);

        if (!PartialDate.TryParse(b.DateOfBirth, out var dateOfBirth, out var problem))
        {
            error("bearer.dateOfBirth", problem!);
        }
        // A day of slack: east of Greenwich a child born today may already be born "tomorrow" in UTC.
        else if (dateOfBirth.IsAfter(DateOnly.FromDateTime(now.UtcDateTime).AddDays(1)))
        {
            error("bearer.dateOfBirth", "Date of birth is in the future.");
        }

        Sex? sex = null;
        if (!IsBlank(b.Sex))
        {
            if (Code.TryParse<Sex>(b.Sex, out var parsed))
            {
                sex = parsed;
            }
            else
            {
                error("bearer.sex", $"{Quote(b.Sex!)} is not a sex code; use {Code.ListOf<Sex>()}.");
            }
        }

        return new Bearer(surname, givenNames, nationalName.Length == 0 ? null : nationalName, nationality ?? "",
            dateOfBirth, sex);
    }

    private static List<QuestionedDocument> ValidateDocuments(List<DocumentSubmission>? submitted, Action<string, string> error)
    {
        var documents = new List<QuestionedDocument>();
        if (submitted is null || submitted.Count == 0)
        {
            error("documents", "At least one document is required.");
            return documents;
        }

        for (var i = 0; i < submitted.Count; i++)
        {
            var d = submitted[i] ?? new DocumentSubmission();
            var path = $"documents[{i}]";

            var type = DocumentType.Other;
            if (IsBlank(d.DocumentType))
            {
                error($"{path}.documentType", "Document type is required.");
            }
            else if (!Code.TryParse(d.DocumentType, out type))
            {
                error($"{path}.documentType",
                    $"{Quote(d.DocumentType!)} is not a document type; use {Code.ListOf<DocumentType>()}.");
            }

            var issuingState = RequiredCountry(d.IssuingState, $"{path}.issuingState", "Issuing state", error);

            var number = Optional(d.DocumentNumber);
            MaxLength(number, MaxDocumentNumberLength, $"{path}.documentNumber", "Document number", error);

            // The MRZ is kept as read (it is evidence); only line endings are made uniform.
            var mrz = Optional(d.Mrz)?.ReplaceLineEndings("\n");
            MaxLength(mrz, MaxMrzLength, $"{path}.mrz", "MRZ", error);

            documents.Add(new QuestionedDocument(i, type, issuingState ?? "", number, mrz));
        }
        return documents;
    }

    /// <summary>
    /// The images an officer adds to a case later (the answer to a request for more material): the same rules as the
    /// images of a submission, for a case of <paramref name="documentCount"/> documents. Paths are "images[i].field".
    /// </summary>
    public static (IReadOnlyList<ImageDescription> Images, IReadOnlyList<FieldError> Errors) ValidateAddedImages(
        List<ImageSubmission>? submitted, int documentCount, DateTimeOffset now, UploadLimits? limits = null)
    {
        var errors = new List<FieldError>();
        var images = ValidateImages(submitted, documentCount, now, limits ?? UploadLimits.Default, (path, message) => errors.Add(new FieldError(path, message)));
        return (images, errors);
    }

    private static List<ImageDescription> ValidateImages(
        List<ImageSubmission>? submitted, int documentCount, DateTimeOffset now, UploadLimits limits,
        Action<string, string> error)
    {
        var images = new List<ImageDescription>();
        if (submitted is null || submitted.Count == 0)
        {
            error("images", "At least one image is required.");
            return images;
        }
        if (submitted.Count > limits.MaxFilesPerReferral)
        {
            error("images", $"A referral can carry at most {limits.MaxFilesPerReferral} images; this one has {submitted.Count}.");
        }

        for (var i = 0; i < submitted.Count; i++)
        {
            var image = submitted[i] ?? new ImageSubmission();
            var path = $"images[{i}]";

            var document = image.Document ?? 0;
            if (image.Document is null && documentCount > 1)
            {
                error($"{path}.document", $"Say which document image {i + 1} shows: the referral has {documentCount} documents.");
            }
            else if (document < 0)
            {
                error($"{path}.document", $"Image {i + 1} refers to document index {document}; indexes start at 0.");
            }
            // With no documents at all, "documents" already carries the error.
            else if (documentCount > 0 && document >= documentCount)
            {
                error($"{path}.document",
                    $"Image {i + 1} refers to document {document + 1}, but the referral has {Count(documentCount, "document")}.");
            }

            // Reflected white light is the default of document examination (ICAO 9303 Part 2, App. B).
            var lightSource = LightSource.White;
            if (!IsBlank(image.LightSource) && !Code.TryParse(image.LightSource, out lightSource))
            {
                error($"{path}.lightSource",
                    $"{Quote(image.LightSource!)} is not a light source; use {Code.ListOf<LightSource>()}.");
            }

            // The API contract makes area optional; an unstated area is recorded honestly as Other.
            var area = DocumentArea.Other;
            if (!IsBlank(image.Area) && !Code.TryParse(image.Area, out area))
            {
                error($"{path}.area", $"{Quote(image.Area!)} is not a document area; use {Code.ListOf<DocumentArea>()}.");
            }

            if (image.Dpi is { } dpi && (dpi < MinDpi || dpi > MaxDpi))
            {
                error($"{path}.dpi", $"Resolution must be between {MinDpi} and {MaxDpi} dpi; {dpi} is not.");
            }
            if (image.WavelengthNm is { } nm && (nm < MinWavelengthNm || nm > MaxWavelengthNm))
            {
                error($"{path}.wavelengthNm",
                    $"Wavelength must be between {MinWavelengthNm} and {MaxWavelengthNm} nm; {nm} is not.");
            }
            if (image.CapturedAt > now + ClockSkew)
            {
                error($"{path}.capturedAt", "Capture time is in the future.");
            }

            var device = Optional(image.CaptureDevice);
            MaxLength(device, MaxCaptureDeviceLength, $"{path}.captureDevice", "Capture device", error);
            var note = Optional(image.Note);
            MaxLength(note, MaxNoteLength, $"{path}.note", "Note", error);

            images.Add(new ImageDescription(document, lightSource, area, image.Dpi, image.WavelengthNm, device,
                image.CapturedAt, note));
        }
        return images;
    }

    private static string? RequiredCountry(string? code, string path, string label, Action<string, string> error)
    {
        if (IsBlank(code))
        {
            error(path, $"{label} is required.");
            return null;
        }
        return Country(code!, path, error);
    }

    private static string? OptionalCountry(string? code, string path, Action<string, string> error) =>
        IsBlank(code) ? null : Country(code!, path, error);

    private static string? Country(string code, string path, Action<string, string> error)
    {
        var normalised = code.Trim().ToUpperInvariant();
        if (!IcaoCountries.IsKnown(normalised))
        {
            error(path, $"{Quote(code.Trim())} is not an ICAO three-letter country code.");
            return null;
        }
        return normalised;
    }

    /// <summary>
    /// Surnames and given names are recorded as printed in the VIZ, in Latin letters (diacritics allowed);
    /// the name in another script has a field of its own.
    /// </summary>
    private static void LatinScript(string name, string path, string label, Action<string, string> error)
    {
        if (!name.All(IsLatinNameCharacter))
        {
            error(path, $"{label} must be written in Latin letters as printed on the document; " +
                "put a name in another script in nationalName.");
        }
    }

    private static bool IsLatinNameCharacter(char c) =>
        c is ' ' or '-' or '\'' or '\u2019'
        || char.IsAsciiLetter(c)
        || (char.IsLetter(c) && c is (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF'))
        || c is >= '\u0300' and <= '\u036F'; // combining diacritics left over after NFC

    private static void MaxLength(string? value, int max, string path, string label, Action<string, string> error)
    {
        if (value is not null && value.Length > max)
        {
            error(path, $"{label} must be at most {max} characters; it has {value.Length}.");
        }
    }

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string? Optional(string? value) => IsBlank(value) ? null : value!.Trim();

    // NFC so that "É" typed as E + combining accent compares equal to the precomposed letter.
    private static string Name(string? value) =>
        IsBlank(value) ? "" : value!.Trim().Normalize(NormalizationForm.FormC);

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    // Echo what was typed, but never a whole pasted page of it.
    private static string Quote(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 40 ? $"'{trimmed}'" : $"'{trimmed[..40]}…'";
    }
}
