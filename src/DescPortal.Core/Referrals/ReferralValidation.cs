using System.Text;

namespace DescPortal.Core.Referrals;

public static class ReferralValidation
{
    public const int MaxReasonLength = 2000;
    public const int MaxConditionLength = 2000;
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
        void Error(string path, string code, params object?[] arguments) => errors.Add(new FieldError(path, code, arguments));

        // Context
        string? crossingPoint = null;
        if (IsBlank(s.BorderCrossingPoint))
        {
            Error("borderCrossingPoint", Refusals.Referral.CrossingPointRequired);
        }
        else
        {
            var typed = s.BorderCrossingPoint!.Trim();
            // Stored as the agency's own spelling of the code.
            crossingPoint = agencyCrossingPoints.FirstOrDefault(p => string.Equals(p, typed, StringComparison.OrdinalIgnoreCase));
            if (crossingPoint is null)
            {
                Error("borderCrossingPoint", Refusals.Referral.CrossingPointNotAgency, Quoted(typed));
            }
        }

        if (s.InterceptedAt is null)
        {
            Error("interceptedAt", Refusals.Referral.InterceptedAtRequired);
        }
        else if (s.InterceptedAt > now + ClockSkew)
        {
            Error("interceptedAt", Refusals.Referral.InterceptedAtFuture);
        }

        var routeFrom = OptionalCountry(s.RouteFrom, "routeFrom", Error);
        var routeTo = OptionalCountry(s.RouteTo, "routeTo", Error);

        var reason = s.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            Error("reason", Refusals.Referral.ReasonRequired);
        }
        else
        {
            MaxLength(reason, MaxReasonLength, "reason", Refusals.Referral.Field.Reason, Error);
        }

        var condition = Optional(s.ConditionOnReceipt);
        MaxLength(condition, MaxConditionLength, "conditionOnReceipt", Refusals.Referral.Field.ConditionOnReceipt, Error);

        Urgency? urgency = null;
        if (IsBlank(s.Urgency))
        {
            Error("urgency", Refusals.Referral.UrgencyRequired, Code.NamesOf<Urgency>());
        }
        else if (Code.TryParse<Urgency>(s.Urgency, out var u))
        {
            urgency = u;
        }
        else
        {
            Error("urgency", Refusals.Referral.UrgencyUnknown, Quoted(s.Urgency!), Code.NamesOf<Urgency>());
        }

        DateTimeOffset? answerBy = null;
        if (urgency == Urgency.Urgent)
        {
            if (s.AnswerBy is null)
            {
                Error("answerBy", Refusals.Referral.AnswerByRequired);
            }
            else if (s.InterceptedAt is not null && s.AnswerBy <= s.InterceptedAt)
            {
                Error("answerBy", Refusals.Referral.AnswerByNotAfterInterception);
            }
            answerBy = s.AnswerBy;
        }
        // A routine referral has no deadline: a value left over from the form is dropped, not stored.

        var bearer = ValidateBearer(s.Bearer, now, Error);
        var documents = ValidateDocuments(s.Documents, Error);
        var images = ValidateImages(s.Images, documents.Count, now, limits, Error);

        var referral = errors.Count == 0
            ? new ValidatedReferral(crossingPoint!, s.InterceptedAt!.Value, routeFrom, routeTo, reason!, urgency!.Value,
                answerBy, bearer!, documents, images) { ConditionOnReceipt = condition }
            : null;
        return new ValidationResult(errors, referral);
    }

    private static Bearer? ValidateBearer(BearerSubmission? b, DateTimeOffset now, Problem error)
    {
        if (b is null)
        {
            error("bearer", Refusals.Referral.BearerRequired);
            return null;
        }

        var surname = Name(b.Surname);
        if (surname.Length == 0)
        {
            error("bearer.surname", Refusals.Referral.SurnameRequired);
        }
        else
        {
            MaxLength(surname, MaxNameLength, "bearer.surname", Refusals.Referral.Field.Surname, error);
            LatinScript(surname, "bearer.surname", Refusals.Referral.Field.Surname, error);
        }

        var givenNames = Name(b.GivenNames);
        MaxLength(givenNames, MaxNameLength, "bearer.givenNames", Refusals.Referral.Field.GivenNames, error);
        LatinScript(givenNames, "bearer.givenNames", Refusals.Referral.Field.GivenNames, error);

        var nationalName = Name(b.NationalName);
        MaxLength(nationalName, MaxNameLength, "bearer.nationalName", Refusals.Referral.Field.NationalName, error);

        var nationality = RequiredCountry(b.Nationality, "bearer.nationality", Refusals.Referral.Field.Nationality, error);

        if (!PartialDate.TryParse(b.DateOfBirth, out var dateOfBirth, out var problem))
        {
            error("bearer.dateOfBirth", problem!.Code, [.. problem.Arguments]);
        }
        // A day of slack: east of Greenwich a child born today may already be born "tomorrow" in UTC.
        else if (dateOfBirth.IsAfter(DateOnly.FromDateTime(now.UtcDateTime).AddDays(1)))
        {
            error("bearer.dateOfBirth", Refusals.Referral.DateOfBirthFuture);
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
                error("bearer.sex", Refusals.Referral.SexUnknown, Quoted(b.Sex!), Code.NamesOf<Sex>());
            }
        }

        return new Bearer(surname, givenNames, nationalName.Length == 0 ? null : nationalName, nationality ?? "",
            dateOfBirth, sex);
    }

    private static List<QuestionedDocument> ValidateDocuments(List<DocumentSubmission>? submitted, Problem error)
    {
        var documents = new List<QuestionedDocument>();
        if (submitted is null || submitted.Count == 0)
        {
            error("documents", Refusals.Referral.DocumentsRequired);
            return documents;
        }

        for (var i = 0; i < submitted.Count; i++)
        {
            var d = submitted[i] ?? new DocumentSubmission();
            var path = $"documents[{i}]";

            var type = DocumentType.Other;
            if (IsBlank(d.DocumentType))
            {
                error($"{path}.documentType", Refusals.Referral.DocumentTypeRequired);
            }
            else if (!Code.TryParse(d.DocumentType, out type))
            {
                error($"{path}.documentType", Refusals.Referral.DocumentTypeUnknown, Quoted(d.DocumentType!), Code.NamesOf<DocumentType>());
            }

            var issuingState = RequiredCountry(d.IssuingState, $"{path}.issuingState", Refusals.Referral.Field.IssuingState, error);

            var number = Optional(d.DocumentNumber);
            MaxLength(number, MaxDocumentNumberLength, $"{path}.documentNumber", Refusals.Referral.Field.DocumentNumber, error);

            // The MRZ is kept as read (it is evidence); only line endings are made uniform.
            var mrz = Optional(d.Mrz)?.ReplaceLineEndings("\n");
            MaxLength(mrz, MaxMrzLength, $"{path}.mrz", Refusals.Referral.Field.Mrz, error);

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
        var images = ValidateImages(submitted, documentCount, now, limits ?? UploadLimits.Default,
            (path, code, arguments) => errors.Add(new FieldError(path, code, arguments)));
        return (images, errors);
    }

    private static List<ImageDescription> ValidateImages(
        List<ImageSubmission>? submitted, int documentCount, DateTimeOffset now, UploadLimits limits,
        Problem error)
    {
        var images = new List<ImageDescription>();
        if (submitted is null || submitted.Count == 0)
        {
            error("images", Refusals.Referral.ImagesRequired);
            return images;
        }
        if (submitted.Count > limits.MaxFilesPerReferral)
        {
            error("images", Refusals.Referral.ImagesTooMany, limits.MaxFilesPerReferral, submitted.Count);
        }

        for (var i = 0; i < submitted.Count; i++)
        {
            var image = submitted[i] ?? new ImageSubmission();
            var path = $"images[{i}]";

            var document = image.Document ?? 0;
            if (image.Document is null && documentCount > 1)
            {
                error($"{path}.document", Refusals.Referral.ImageDocumentUnstated, i + 1, documentCount);
            }
            else if (document < 0)
            {
                error($"{path}.document", Refusals.Referral.ImageDocumentNegative, i + 1, document);
            }
            // With no documents at all, "documents" already carries the error.
            else if (documentCount > 0 && document >= documentCount)
            {
                error($"{path}.document", Refusals.Referral.ImageDocumentBeyond, i + 1, document + 1, documentCount);
            }

            // Reflected white light is the default of document examination (ICAO 9303 Part 2, App. B).
            var lightSource = LightSource.White;
            if (!IsBlank(image.LightSource) && !Code.TryParse(image.LightSource, out lightSource))
            {
                error($"{path}.lightSource", Refusals.Referral.LightSourceUnknown, Quoted(image.LightSource!), Code.NamesOf<LightSource>());
            }

            // The API contract makes area optional; an unstated area is recorded honestly as Other.
            var area = DocumentArea.Other;
            if (!IsBlank(image.Area) && !Code.TryParse(image.Area, out area))
            {
                error($"{path}.area", Refusals.Referral.AreaUnknown, Quoted(image.Area!), Code.NamesOf<DocumentArea>());
            }

            if (image.Dpi is { } dpi && (dpi < MinDpi || dpi > MaxDpi))
            {
                error($"{path}.dpi", Refusals.Referral.DpiOutOfRange, MinDpi, MaxDpi, dpi);
            }
            if (image.WavelengthNm is { } nm && (nm < MinWavelengthNm || nm > MaxWavelengthNm))
            {
                error($"{path}.wavelengthNm", Refusals.Referral.WavelengthOutOfRange, MinWavelengthNm, MaxWavelengthNm, nm);
            }
            if (image.CapturedAt > now + ClockSkew)
            {
                error($"{path}.capturedAt", Refusals.Referral.CapturedAtFuture);
            }

            var device = Optional(image.CaptureDevice);
            MaxLength(device, MaxCaptureDeviceLength, $"{path}.captureDevice", Refusals.Referral.Field.CaptureDevice, error);
            var note = Optional(image.Note);
            MaxLength(note, MaxNoteLength, $"{path}.note", Refusals.Referral.Field.Note, error);

            images.Add(new ImageDescription(document, lightSource, area, image.Dpi, image.WavelengthNm, device,
                image.CapturedAt, note));
        }
        return images;
    }

    private static string? RequiredCountry(string? code, string path, string field, Problem error)
    {
        if (IsBlank(code))
        {
            error(path, Refusals.Referral.CountryRequired, new Phrase(field));
            return null;
        }
        return Country(code!, path, error);
    }

    private static string? OptionalCountry(string? code, string path, Problem error) =>
        IsBlank(code) ? null : Country(code!, path, error);

    private static string? Country(string code, string path, Problem error)
    {
        var normalised = code.Trim().ToUpperInvariant();
        if (!IcaoCountries.IsKnown(normalised))
        {
            error(path, Refusals.Referral.CountryUnknown, Quoted(code.Trim()));
            return null;
        }
        return normalised;
    }

    /// <summary>
    /// Surnames and given names are recorded as printed in the VIZ, in Latin letters (diacritics allowed);
    /// the name in another script has a field of its own.
    /// </summary>
    private static void LatinScript(string name, string path, string field, Problem error)
    {
        if (!name.All(IsLatinNameCharacter))
        {
            error(path, Refusals.Referral.NameNotLatin, new Phrase(field));
        }
    }

    private static bool IsLatinNameCharacter(char c) =>
        c is ' ' or '-' or '\'' or '\u2019'
        || char.IsAsciiLetter(c)
        || (char.IsLetter(c) && c is (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF'))
        || c is >= '\u0300' and <= '\u036F'; // combining diacritics left over after NFC

    private static void MaxLength(string? value, int max, string path, string field, Problem error)
    {
        if (value is not null && value.Length > max)
        {
            error(path, Refusals.Referral.TextTooLong, new Phrase(field), max, value.Length);
        }
    }

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string? Optional(string? value) => IsBlank(value) ? null : value!.Trim();

    // NFC so that "É" typed as E + combining accent compares equal to the precomposed letter.
    private static string Name(string? value) =>
        IsBlank(value) ? "" : value!.Trim().Normalize(NormalizationForm.FormC);

    // Echo what was typed (the wording quotes it), but never a whole pasted page of it.
    private static string Quoted(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 40 ? trimmed : $"{trimmed[..40]}…";
    }

    private delegate void Problem(string path, string code, params object?[] arguments);
}
