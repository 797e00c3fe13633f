using DescPortal.Core.Mrz;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Examination;

/// <summary>
/// The data an MRZ is compared with: what the officer entered for the document and its bearer when submitting
/// (the visual inspection zone as typed).
/// </summary>
public static class VizData
{
    /// <exception cref="ArgumentOutOfRangeException">The referral has no document with this index.</exception>
    public static MrzEnteredData Of(ReferralSubmitted submitted, int document)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        var questioned = submitted.Documents.FirstOrDefault(d => d.Index == document)
            ?? throw new ArgumentOutOfRangeException(nameof(document), document, "The referral has no document with this index.");
        var bearer = submitted.Bearer;
        return new MrzEnteredData
        {
            Surname = bearer.Surname,
            GivenNames = bearer.GivenNames,
            Nationality = bearer.Nationality,
            DateOfBirth = bearer.DateOfBirth.IsUnknown ? null : bearer.DateOfBirth.ToString(),
            Sex = bearer.Sex?.ToString(),
            DocumentNumber = questioned.DocumentNumber,
            IssuingState = questioned.IssuingState,
            DocumentType = questioned.DocumentType.ToString(),
        };
    }
}
