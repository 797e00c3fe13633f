using DescPortal.Core.Referrals;
using R = DescPortal.Core.Refusals.Referral;

namespace DescPortal.Core.Tests.Referrals;

public class ReferralValidationTests
{
    private static FieldError SingleError(ReferralSubmission s, UploadLimits? limits = null)
    {
        var result = Samples.Validate(s, limits);
        Assert.False(result.IsValid);
        Assert.Null(result.Referral);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void TheIssuesExamplePassesAndIsNormalised()
    {
        var result = Samples.Validate(Samples.Submission());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Empty(result.Errors);
        var r = result.Referral;
        Assert.Equal("NORTH-GATE", r.BorderCrossingPoint);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero), r.InterceptedAt);
        Assert.Equal("UTO", r.RouteFrom);
        Assert.Equal("XXA", r.RouteTo);
        Assert.Equal("Laminate edge lifted near the portrait", r.Reason);
        Assert.Equal(Urgency.Urgent, r.Urgency);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), r.AnswerBy);
        Assert.Equal(new Bearer("ERIKSSON", "ANNA MARIA", null, "UTO", new PartialDate(1974, 8, 12), Sex.F), r.Bearer);
        Assert.Equal([new QuestionedDocument(0, DocumentType.Passport, "UTO", "L898902C3", Samples.Mrz)], r.Documents);
        Assert.Equal(
            [
                new ImageDescription(0, LightSource.White, DocumentArea.DataPage, 600, null, null, null, Note: null),
                new ImageDescription(0, LightSource.UV365, DocumentArea.DataPage, null, 365, null, null, null),
            ],
            r.Images);
    }

    [Fact]
    public void CodesAreTrimmedAndUpperCasedAndTheCrossingPointTakesTheAgencysSpelling()
    {
        var s = Samples.Submission();
        s.BorderCrossingPoint = " north-gate ";
        s.RouteFrom = " uto";
        s.Urgency = "urgent";
        s.Bearer.Nationality = "xxb ";
        s.Bearer.Sex = "m";
        s.Bearer.DateOfBirth = "1974";
        s.Documents[0].IssuingState = "d";
        s.Documents[0].DocumentType = "identitycard";
        s.Images[1].LightSource = "uv365";

        var r = Samples.Validate(s).Referral!;

        Assert.Equal("NORTH-GATE", r.BorderCrossingPoint);
        Assert.Equal("UTO", r.RouteFrom);
        Assert.Equal(Urgency.Urgent, r.Urgency);
        Assert.Equal("XXB", r.Bearer.Nationality);
        Assert.Equal(Sex.M, r.Bearer.Sex);
        Assert.Equal(new PartialDate(1974), r.Bearer.DateOfBirth);
        Assert.Equal("D", r.Documents[0].IssuingState);
        Assert.Equal(DocumentType.IdentityCard, r.Documents[0].DocumentType);
        Assert.Equal(LightSource.UV365, r.Images[1].LightSource);
    }

    [Fact]
    public void OptionalFieldsLeftOutBecomeNullOrDefaults()
    {
        var s = Samples.Submission();
        s.RouteFrom = " ";
        s.RouteTo = null;
        s.Bearer.GivenNames = null;
        s.Bearer.DateOfBirth = "";
        s.Bearer.Sex = null;
        s.Documents[0].DocumentNumber = "";
        s.Documents[0].Mrz = null;
        s.Images[0].LightSource = null;

        var r = Samples.Validate(s).Referral!;

        Assert.Null(r.RouteFrom);
        Assert.Null(r.RouteTo);
        Assert.Equal("", r.Bearer.GivenNames);
        Assert.True(r.Bearer.DateOfBirth.IsUnknown);
        Assert.Null(r.Bearer.Sex);
        Assert.Null(r.Documents[0].DocumentNumber);
        Assert.Null(r.Documents[0].Mrz);
        Assert.Equal(LightSource.White, r.Images[0].LightSource);
    }

    [Fact]
    public void AnImageWithoutAnAreaIsRecordedAsOther()
    {
        var s = Samples.Submission();
        s.Images[1].Area = null;

        var result = Samples.Validate(s);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(DocumentArea.Other, result.Referral!.Images[1].Area);
    }

    [Theory]
    [InlineData("borderCrossingPoint", R.CrossingPointRequired, "Border crossing point is required.")]
    [InlineData("interceptedAt", R.InterceptedAtRequired, "Interception time is required.")]
    [InlineData("reason", R.ReasonRequired, "Reason for suspicion is required.")]
    [InlineData("urgency", R.UrgencyRequired, "Urgency is required: Routine or Urgent.")]
    [InlineData("answerBy", R.AnswerByRequired, "Answer-by time is required for an urgent referral.")]
    [InlineData("bearer", R.BearerRequired, "Bearer details are required.")]
    [InlineData("bearer.surname", R.SurnameRequired, "Surname is required.")]
    [InlineData("bearer.nationality", R.CountryRequired, "Nationality is required.")]
    [InlineData("documents", R.DocumentsRequired, "At least one document is required.")]
    [InlineData("documents[0].documentType", R.DocumentTypeRequired, "Document type is required.")]
    [InlineData("documents[0].issuingState", R.CountryRequired, "Issuing state is required.")]
    [InlineData("images", R.ImagesRequired, "At least one image is required.")]
    public void EachRequiredFieldLeftOutIsReportedAtItsPath(string path, string code, string message)
    {
        var s = Samples.Submission();
        switch (path)
        {
            case "borderCrossingPoint": s.BorderCrossingPoint = "  "; break;
            case "interceptedAt": s.InterceptedAt = null; break;
            case "reason": s.Reason = ""; break;
            case "urgency": s.Urgency = null; break;
            case "answerBy": s.AnswerBy = null; break;
            case "bearer": s.Bearer = null!; break;
            case "bearer.surname": s.Bearer.Surname = null; break;
            case "bearer.nationality": s.Bearer.Nationality = ""; break;
            case "documents": s.Documents.Clear(); break;
            case "documents[0].documentType": s.Documents[0].DocumentType = null; break;
            case "documents[0].issuingState": s.Documents[0].IssuingState = null; break;
            case "images": s.Images.Clear(); break;
            default: throw new ArgumentOutOfRangeException(nameof(path));
        }

        RefusalAssert.Equal(path, code, message, SingleError(s));
    }

    [Fact]
    public void AnEmptySubmissionReportsEveryRequiredFieldAtOnce()
    {
        var result = Samples.Validate(new ReferralSubmission());

        Assert.Equal(
            ["borderCrossingPoint", "interceptedAt", "reason", "urgency", "bearer.surname", "bearer.nationality",
             "documents", "images"],
            result.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("documents[0].issuingState", "XYZ1", R.CountryUnknown, "'XYZ1' is not an ICAO three-letter country code.")]
    [InlineData("bearer.nationality", "ZZZ", R.CountryUnknown, "'ZZZ' is not an ICAO three-letter country code.")]
    [InlineData("routeFrom", "GERMANY", R.CountryUnknown, "'GERMANY' is not an ICAO three-letter country code.")]
    [InlineData("routeTo", "US", R.CountryUnknown, "'US' is not an ICAO three-letter country code.")]
    [InlineData("documents[0].documentType", "Book", R.DocumentTypeUnknown,
        "'Book' is not a document type; use Passport, IdentityCard, Visa, ResidencePermit, RefugeeTravelDocument or Other.")]
    [InlineData("images[1].lightSource", "UV400", R.LightSourceUnknown,
        "'UV400' is not a light source; use White, WhiteOblique, Transmitted, Coaxial, UV365, UV313, UV254, IR, IRLuminescence, AntiStokes, PointLight or Other.")]
    [InlineData("images[1].lightSource", "3", R.LightSourceUnknown,
        "'3' is not a light source; use White, WhiteOblique, Transmitted, Coaxial, UV365, UV313, UV254, IR, IRLuminescence, AntiStokes, PointLight or Other.")]
    [InlineData("images[0].area", "Back", R.AreaUnknown, "'Back' is not a document area; use DataPage, Cover, InsideCover, VisaPage, Stamp, Portrait, Mrz, Detail or Other.")]
    [InlineData("bearer.sex", "<", R.SexUnknown, "'<' is not a sex code; use F, M or X.")]
    [InlineData("urgency", "Soon", R.UrgencyUnknown, "'Soon' is not an urgency; use Routine or Urgent.")]
    [InlineData("borderCrossingPoint", "EAST-GATE", R.CrossingPointNotAgency, "'EAST-GATE' is not one of your agency's border crossing points.")]
    public void BadCodesAreReportedAtTheirPathNamingTheCode(string path, string value, string code, string message)
    {
        var s = Samples.Submission();
        switch (path)
        {
            case "documents[0].issuingState": s.Documents[0].IssuingState = value; break;
            case "bearer.nationality": s.Bearer.Nationality = value; break;
            case "routeFrom": s.RouteFrom = value; break;
            case "routeTo": s.RouteTo = value; break;
            case "documents[0].documentType": s.Documents[0].DocumentType = value; break;
            case "images[1].lightSource": s.Images[1].LightSource = value; break;
            case "images[0].area": s.Images[0].Area = value; break;
            case "bearer.sex": s.Bearer.Sex = value; break;
            case "urgency": s.Urgency = value; break;
            case "borderCrossingPoint": s.BorderCrossingPoint = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(path));
        }

        RefusalAssert.Equal(path, code, message, SingleError(s));
    }

    [Theory]
    [InlineData(2, "Image 2 refers to document 3, but the referral has 1 document.")]
    [InlineData(1, "Image 2 refers to document 2, but the referral has 1 document.")]
    public void AnImagePointingPastTheDocumentsIsRefused(int document, string message)
    {
        var s = Samples.Submission();
        s.Images[1].Document = document;

        RefusalAssert.Equal("images[1].document", R.ImageDocumentBeyond, message, SingleError(s));
    }

    [Fact]
    public void ANegativeDocumentIndexIsRefused()
    {
        var s = Samples.Submission();
        s.Images[0].Document = -1;

        RefusalAssert.Equal("images[0].document", R.ImageDocumentNegative, "Image 1 refers to document index -1; indexes start at 0.", SingleError(s));
    }

    [Fact]
    public void AnImageWithoutDocumentIndexShowsTheOnlyDocument()
    {
        var s = Samples.Submission();
        s.Images[0].Document = null;

        Assert.Equal(0, Samples.Validate(s).Referral!.Images[0].Document);
    }

    [Fact]
    public void WithSeveralDocumentsEachImageMustSayWhichItShows()
    {
        var s = Samples.Submission();
        s.Documents.Add(new DocumentSubmission { DocumentType = "Visa", IssuingState = "XXA" });
        s.Images[1].Document = null;

        RefusalAssert.Equal("images[1].document", R.ImageDocumentUnstated,
            "Say which document image 2 shows: the referral has 2 documents.", SingleError(s));
    }

    [Fact]
    public void ImagesMayPointAtTheSecondDocumentAndDocumentsKeepTheirIndex()
    {
        var s = Samples.Submission();
        s.Documents.Add(new DocumentSubmission { DocumentType = "Visa", IssuingState = "xxa" });
        s.Images[1].Document = 1;

        var r = Samples.Validate(s).Referral!;

        Assert.Equal(1, r.Images[1].Document);
        Assert.Equal(new QuestionedDocument(1, DocumentType.Visa, "XXA", null, null), r.Documents[1]);
    }

    [Theory]
    [InlineData("Эрикссон")]
    [InlineData("إريكسون")]
    [InlineData("ERIKSSON2")]
    [InlineData("李")]
    public void ASurnameInAnotherScriptPointsToTheNationalNameField(string surname)
    {
        var s = Samples.Submission();
        s.Bearer.Surname = surname;

        var error = SingleError(s);

        RefusalAssert.Equal("bearer.surname", R.NameNotLatin,
            "Surname must be written in Latin letters as printed on the document; put a name in another script in nationalName.", error);
    }

    [Theory]
    [InlineData("ØRSTED-MÜLLER")]
    [InlineData("O'Brien")]
    [InlineData("Nguyễn")]
    [InlineData("de la Cruz")]
    [InlineData("Dvořák")]
    public void LatinSurnamesWithDiacriticsAreAccepted(string surname)
    {
        var s = Samples.Submission();
        s.Bearer.Surname = surname;
        s.Bearer.NationalName = "Эрикссон Анна";

        var r = Samples.Validate(s).Referral!;

        Assert.Equal(surname, r.Bearer.Surname);
        Assert.Equal("Эрикссон Анна", r.Bearer.NationalName);
    }

    [Fact]
    public void ADecomposedAccentIsStoredComposed()
    {
        var s = Samples.Submission();
        s.Bearer.Surname = "Dvor\u030Ca\u0301k";

        Assert.Equal("Dvořák", Samples.Validate(s).Referral!.Bearer.Surname);
    }

    [Fact]
    public void GivenNamesInAnotherScriptAreRefusedToo()
    {
        var s = Samples.Submission();
        s.Bearer.GivenNames = "Анна";

        RefusalAssert.Equal("bearer.givenNames", R.NameNotLatin,
            "Given names must be written in Latin letters as printed on the document; put a name in another script in nationalName.", SingleError(s));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void AnAnswerByNotAfterTheInterceptionIsRefused(int minutesAfter)
    {
        var s = Samples.Submission();
        s.AnswerBy = s.InterceptedAt!.Value.AddMinutes(minutesAfter);

        RefusalAssert.Equal("answerBy", R.AnswerByNotAfterInterception, "Answer-by time must be after the interception time.", SingleError(s));
    }

    [Fact]
    public void ARoutineReferralDropsALeftOverAnswerBy()
    {
        var s = Samples.Submission();
        s.Urgency = "Routine";

        var r = Samples.Validate(s).Referral!;

        Assert.Equal(Urgency.Routine, r.Urgency);
        Assert.Null(r.AnswerBy);
    }

    [Fact]
    public void AnInterceptionAfterNowIsRefusedBeyondFiveMinutesOfSkew()
    {
        var s = Samples.Submission();
        s.InterceptedAt = Samples.Now.AddMinutes(5);
        Assert.True(Samples.Validate(s).IsValid);

        s.InterceptedAt = Samples.Now.AddMinutes(5).AddSeconds(1);
        RefusalAssert.Equal("interceptedAt", R.InterceptedAtFuture, "Interception time is in the future.", SingleError(s));
    }

    [Fact]
    public void ACaptureTimeInTheFutureIsRefused()
    {
        var s = Samples.Submission();
        s.Images[0].CapturedAt = Samples.Now.AddHours(1);

        RefusalAssert.Equal("images[0].capturedAt", R.CapturedAtFuture, "Capture time is in the future.", SingleError(s));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(20_000, true)]
    [InlineData(20_001, false)]
    public void DpiMustBeBetween1And20000(int dpi, bool valid)
    {
        var s = Samples.Submission();
        s.Images[0].Dpi = dpi;

        var result = Samples.Validate(s);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            RefusalAssert.Equal("images[0].dpi", R.DpiOutOfRange, $"Resolution must be between 1 and 20000 dpi; {dpi} is not.", Assert.Single(result.Errors));
        }
    }

    [Theory]
    [InlineData(199, false)]
    [InlineData(200, true)]
    [InlineData(1200, true)]
    [InlineData(1201, false)]
    public void WavelengthMustBeBetween200And1200Nm(int nm, bool valid)
    {
        var s = Samples.Submission();
        s.Images[1].WavelengthNm = nm;

        var result = Samples.Validate(s);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            RefusalAssert.Equal("images[1].wavelengthNm", R.WavelengthOutOfRange,
                $"Wavelength must be between 200 and 1200 nm; {nm} is not.", Assert.Single(result.Errors));
        }
    }

    [Theory]
    [InlineData("reason", 2000, "Reason for suspicion")]
    [InlineData("bearer.surname", 200, "Surname")]
    [InlineData("bearer.givenNames", 200, "Given names")]
    [InlineData("bearer.nationalName", 200, "National name")]
    [InlineData("documents[0].mrz", 200, "MRZ")]
    [InlineData("documents[0].documentNumber", 50, "Document number")]
    [InlineData("images[0].note", 1000, "Note")]
    [InlineData("images[0].captureDevice", 200, "Capture device")]
    public void FreeTextIsBounded(string path, int max, string field)
    {
        void Set(ReferralSubmission s, string value)
        {
            switch (path)
            {
                case "reason": s.Reason = value; break;
                case "bearer.surname": s.Bearer.Surname = value; break;
                case "bearer.givenNames": s.Bearer.GivenNames = value; break;
                case "bearer.nationalName": s.Bearer.NationalName = value; break;
                case "documents[0].mrz": s.Documents[0].Mrz = value; break;
                case "documents[0].documentNumber": s.Documents[0].DocumentNumber = value; break;
                case "images[0].note": s.Images[0].Note = value; break;
                case "images[0].captureDevice": s.Images[0].CaptureDevice = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(path));
            }
        }

        var atLimit = Samples.Submission();
        Set(atLimit, new string('A', max));
        Assert.True(Samples.Validate(atLimit).IsValid);

        var over = Samples.Submission();
        Set(over, new string('A', max + 1));
        RefusalAssert.Equal(path, R.TextTooLong, $"{field} must be at most {max} characters; it has {max + 1}.", SingleError(over));
    }

    [Fact]
    public void MoreImagesThanTheLimitAreRefused()
    {
        var s = Samples.Submission();
        s.Images.Add(new ImageSubmission { Area = "Cover" });

        RefusalAssert.Equal("images", R.ImagesTooMany, "A referral can carry at most 2 images; this one has 3.",
            SingleError(s, new UploadLimits { MaxFilesPerReferral = 2 }));
    }

    [Fact]
    public void TwentyImagesAreAllowedByDefaultButNotTwentyOne()
    {
        var s = Samples.Submission();
        while (s.Images.Count < 20)
        {
            s.Images.Add(new ImageSubmission { Area = "Detail" });
        }
        Assert.True(Samples.Validate(s).IsValid);

        s.Images.Add(new ImageSubmission { Area = "Detail" });
        RefusalAssert.Equal("images", R.ImagesTooMany, "A referral can carry at most 20 images; this one has 21.", SingleError(s));
    }

    [Theory]
    [InlineData("2023-02-29", Refusals.PartialDate.NoSuchDay, "Day 29 does not exist in February 2023.")]
    [InlineData("1974-13", Refusals.PartialDate.NoSuchMonth, "Month 13 does not exist; months run from 01 to 12.")]
    [InlineData("12.08.1974", Refusals.PartialDate.Malformed, "'12.08.1974' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY.")]
    [InlineData("2026-12", R.DateOfBirthFuture, "Date of birth is in the future.")]
    public void AnImpossibleDateOfBirthIsRefused(string dateOfBirth, string code, string message)
    {
        var s = Samples.Submission();
        s.Bearer.DateOfBirth = dateOfBirth;

        RefusalAssert.Equal("bearer.dateOfBirth", code, message, SingleError(s));
    }

    [Fact]
    public void ADateOfBirthOfTodayIsAccepted()
    {
        var s = Samples.Submission();
        s.Bearer.DateOfBirth = "2026-11-27";

        Assert.True(Samples.Validate(s).IsValid);
    }

    [Fact]
    public void ALongBadCodeIsQuotedShortened()
    {
        var s = Samples.Submission();
        s.RouteTo = new string('Q', 500);

        var error = SingleError(s);

        RefusalAssert.Equal("routeTo", R.CountryUnknown, $"'{new string('Q', 40)}…' is not an ICAO three-letter country code.", error);
    }
}
