using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DescPortal.Web.Features.Examination;

/// <summary>
/// The workspace page: loads the case and the reference specimen into its <see cref="WorkspaceView"/> and records
/// the examination work done on it. What is shown and drawn is the view's; the viewers are <see cref="WorkspaceViewers"/>.
/// </summary>
public partial class Workspace
{
    [Inject] private ExaminationCommands Commands { get; set; } = default!;
    [Inject] private IReferenceSpecimens Library { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<Strings> L { get; set; } = default!;

    private WorkspaceView View { get; set; } = default!;
    private WorkspaceViewers? _viewers;
    private bool _saving;
    private IReadOnlyList<Specimen> _candidates = [];
    private int? _candidatesFor;

    /// <summary>Only the examiner the case is assigned to marks it, and only while it is being examined.</summary>
    private bool CanAnnotate => Record is { } r && Scope.IsIn(Roles.Examiner) && r.Case.IsWorkedOnBy(Scope.UserId);

    protected override void OnInitialized() => View = new WorkspaceView(L, Library);

    // ---- what is shown ------------------------------------------------------------------------------------------

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        await LoadCandidatesAsync();
    }

    /// <summary>With every load of the case: the reference specimen may have been chosen or changed, here or by someone else.</summary>
    protected override async Task OnLoadedAsync()
    {
        if (Record is null) return;
        View.Load(Record, CanAnnotate);
        await LoadSpecimenAsync();
    }

    private async Task ShowAsync(EvidenceItem e)
    {
        View.Show(e);
        await LoadSpecimenAsync();
        View.KeepComparable();
        await LoadCandidatesAsync();
    }

    /// <summary>The reference specimen of the shown document, for comparing; read again when another was chosen.</summary>
    private async Task LoadSpecimenAsync()
    {
        if (View.SpecimenToLoad is { } id) View.UseSpecimen(await Library.FindAsync(Scope, id, CancellationToken.None));
    }

    /// <summary>The library's specimens of the shown document's issuing state and type, for the examiner to choose from.</summary>
    private async Task LoadCandidatesAsync()
    {
        if (Record is null || !CanAnnotate) return;
        var document = Record.Submission.Documents.FirstOrDefault(d => d.Index == View.Shown.Document);
        if (document is null || _candidatesFor == document.Index) return;
        _candidatesFor = document.Index;
        _candidates = await Library.CandidatesAsync(Scope, document.IssuingState, document.DocumentType, CancellationToken.None);
    }

    // ---- recording ----------------------------------------------------------------------------------------------

    /// <summary>
    /// The one way this page records examination work: decided on the version on screen; a refusal or a clash with
    /// someone else's change goes to <paramref name="refused"/> (a snackbar unless a form shows it), and the page
    /// shows the latest state whatever happened.
    /// </summary>
    private async Task<bool> RecordAsync(ExaminationCommands.Decision decide, Action<string>? refused = null)
    {
        if (Record is null) return false;
        try
        {
            await Commands.DecideAsync(Scope, Id, Record.Version, decide, CancellationToken.None);
            return true;
        }
        catch (DomainException x)
        {
            (refused ?? (message => Snackbar.Add(message, Severity.Warning)))(x.Message);
            return false;
        }
        finally
        {
            await LoadAsync();
        }
    }

    private async Task SaveMarkAsync()
    {
        if (View.Draft is not { } draft || Record is null || _saving) return;
        if (draft.ToAnnotation(View.ChecklistFor(draft)) is not { } annotation)
        {
            draft.Error = L["Choose the finding this mark records."];
            return;
        }
        _saving = true;
        // Refused or clashing: the form stays as it was, beside the latest state, and says why.
        if (await RecordAsync((r, e, a, now) => draft.IsChange
                ? ExaminationDecider.ChangeAnnotation(r, e, annotation, a, now)
                : ExaminationDecider.AddAnnotation(r, e, annotation, a, now), message => draft.Error = message))
        {
            View.CloseDraft();
        }
        _saving = false;
    }

    private async Task RemoveAsync(RecordedAnnotation a) =>
        await RecordAsync((r, e, actor, now) => ExaminationDecider.RemoveAnnotation(r, e, a.Annotation.AnnotationId, actor, now));

    private async Task RecordMrzAsync(DescPortal.Core.Mrz.MrzCheckResult check)
    {
        if (Record is null) return;
        var document = View.Shown.Document;
        var entered = VizData.Of(Record.Submission, document);
        await RecordAsync((r, e, actor, now) => ExaminationDecider.RecordMrzCheck(r, e, document, check, entered, actor, now));
    }

    private async Task ChooseReferenceAsync(Guid specimenId)
    {
        if (Record is null) return;
        var specimen = await Library.FindAsync(Scope, specimenId, CancellationToken.None);
        if (specimen is null) return;
        var document = View.Shown.Document;
        if (await RecordAsync((r, e, actor, now) => ExaminationDecider.ChooseReferenceSpecimen(r, e, document, specimen, actor, now)))
            View.ChangingReference = false;
    }

    private async Task<bool> ObserveAsync(ChecklistPanel.Observed o)
    {
        if (Record is null) return false;
        var document = View.Shown.Document;
        // Marks on this document's images that name the feature support the observation.
        var images = Record.Evidence.Where(e => e.Document == document).Select(e => e.Id).ToHashSet();
        var marks = Record.Examination.Annotations
            .Where(a => images.Contains(a.Annotation.EvidenceImageId) && a.Annotation.Feature?.FeatureId == o.Item.FeatureId)
            .Select(a => a.Annotation.AnnotationId).ToList();
        var recorded = await RecordAsync((r, e, actor, now) => ExaminationDecider.RecordObservation(r, e, document, o.Item.FeatureId, o.Finding, o.Note, marks, actor, now));
        StateHasChanged(); // a Func, unlike an EventCallback, does not re-render the page that handled it
        return recorded;
    }

    private async Task CalibrateAsync(CalibrationPanel.CalibrationRequest request)
    {
        if (request.Value is not { } value)
        {
            View.CalibrationError = request.Method == ScaleCalibrationMethod.KnownDistance
                ? L["Distance: give the length in millimetres, a number more than 0."]
                : L["Character pitches: give a whole number from 1 to {0}.", ExaminationDecider.MaxMrzCharacterPitches];
            return;
        }
        var imageId = View.Shown.Id;
        if (await RecordAsync((r, e, actor, now) => request.Method == ScaleCalibrationMethod.KnownDistance
                ? ExaminationDecider.CalibrateScale(r, e, imageId, request.A, request.B, value, actor, now)
                : ExaminationDecider.CalibrateFromMrzPitch(r, e, imageId, request.A, request.B, (int)value, actor, now),
                message => View.CalibrationError = message))
        {
            // The world's scale changed: the viewer places the image again, as its layers now say.
            View.Calibrated();
            if (_viewers is not null) await _viewers.ClearLineAsync();
        }
    }

    private async Task RecordMeasurementAsync()
    {
        if (View.Measuring is not { } m || _saving) return;
        _saving = true;
        // Refused or clashing: the line and the note stay, with the reason under them.
        if (await RecordAsync((r, e, actor, now) => ExaminationDecider.RecordMeasurement(r, e, m.MeasurementId, m.EvidenceImageId, m.A, m.B,
                m.Note, actor, now), message => m.Error = message))
        {
            View.CancelMeasurement();
            if (_viewers is not null) await _viewers.ClearLineAsync();
        }
        _saving = false;
    }

    private async Task RemoveMeasurementAsync(RecordedMeasurement m) =>
        await RecordAsync((r, e, actor, now) => ExaminationDecider.RemoveMeasurement(r, e, m.Measurement.MeasurementId, actor, now));

    private async Task AlignAsync()
    {
        if (View.Compared is not { } c) return;
        var imageId = View.Shown.Id;
        var pairs = View.AlignmentPairs;
        if (await RecordAsync((r, e, actor, now) => ExaminationDecider.AlignImages(r, e, imageId, c.Specimen, c.Image.ImageId, pairs, actor, now),
                message => View.AlignmentError = message))
        {
            View.Aligned();
        }
    }
}
