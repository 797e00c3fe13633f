namespace DescPortal.Web.Features.ReferenceLibrary.Confirmation;

/// <summary>
/// A correction the issuing authority is writing, held by the page while its form is open. Its id is chosen when it
/// is opened, so that sending it again (a retry) records it once.
/// </summary>
public sealed class CorrectionProposal
{
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The feature it is about as the form's list holds it (its id), or empty for the specimen as a whole.</summary>
    public string Feature { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>Why the form did not send it, for the user; null when nothing was refused.</summary>
    public string? Error { get; set; }

    /// <summary>The feature it is about, or null for the specimen as a whole.</summary>
    public Guid? FeatureId => Guid.TryParse(Feature, out var id) ? id : null;

    /// <summary>A correction says what should change: blank text is nothing to send.</summary>
    public bool IsWritten => !string.IsNullOrWhiteSpace(Text);
}
