using System.Globalization;
using DescPortal.Core;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Referrals.Drafts;

namespace DescPortal.Web.Features.Referrals;

// The crossing point's clock: every date-time field is typed as wall-clock time at the crossing point, kept as typed,
// and held in UTC; urgency and its answer-by time.
public sealed partial class ReferralForm
{
    private const string DateTimeLocalFormat = "yyyy-MM-ddTHH:mm";

    // What the officer typed in the date-time fields, kept as typed so a change of crossing point keeps the wall-clock time.
    private readonly Dictionary<string, string> _dateTimeText = new(StringComparer.Ordinal);

    public IReadOnlyList<CrossingPoint> Points => _agency.CrossingPoints;
    public CrossingPoint? SelectedPoint => _agency.FindCrossingPoint(Submission.BorderCrossingPoint ?? "");
    public bool IsUrgent => string.Equals(Submission.Urgency, nameof(Urgency.Urgent), StringComparison.OrdinalIgnoreCase);

    /// <summary>The selected crossing point's zone; before one is chosen, the agency's zone if all its points share one.</summary>
    public TimeZoneInfo Zone => ZoneOf(Submission.BorderCrossingPoint);

    private TimeZoneInfo ZoneOf(string? pointCode)
    {
        var id = _agency.FindCrossingPoint(pointCode ?? "")?.TimeZone;
        if (id is null && Points.Select(p => p.TimeZone).Distinct(StringComparer.Ordinal).Count() == 1) id = Points[0].TimeZone;
        if (id is null) return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            _log.LogWarning("Crossing point {Point} names an unknown time zone {Zone}", pointCode, id);
            return TimeZoneInfo.Utc;
        }
    }

    public string ZoneHelper => SelectedPoint is { } p
        ? L["Local time at {0} ({1})", p.Code, Zone.Id]
        : L["Time zone {0}: choose the crossing point first", Zone.Id];

    /// <summary>A moment at the crossing point: the time alone today, with the date on other days.</summary>
    public string FormatTime(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        var today = TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), Zone).Date;
        return local.ToString(local.Date == today ? "HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public string InterceptedAtText => Text(InterceptedAtField);
    public void SetInterceptedAt(string? text) => Set(InterceptedAtField, text);
    public string AnswerByText => Text(AnswerByField);
    public void SetAnswerBy(string? text) => Set(AnswerByField, text);
    /// <summary>The capture time of the image at <paramref name="index"/>, as the officer typed it.</summary>
    public string CapturedAtText(int index) => Text(CapturedAtField(index));
    public void SetCapturedAt(int index, string? text) => Set(CapturedAtField(index), text);

    public void ChangeCrossingPoint(string? code)
    {
        // The times typed were meant at the crossing point: keep their wall-clock value in the new point's zone.
        var oldZone = Zone;
        var fields = DateTimeFields().ToList();
        foreach (var f in fields)
        {
            if (!_dateTimeText.ContainsKey(f.Key) && f.Get() is { } v) _dateTimeText[f.Key] = Local(v, oldZone);
        }
        Submission.BorderCrossingPoint = code;
        var newZone = Zone;
        foreach (var f in fields)
        {
            if (!_dateTimeText.TryGetValue(f.Key, out var text)) continue;
            f.Set(ToUtc(text, newZone, out var problem));
            if (problem is not null) _errors[f.Path] = problem;
            else _errors.Remove(f.Path);
        }
        FieldChanged("borderCrossingPoint");
    }

    public void ChangeUrgency(string? urgency)
    {
        Submission.Urgency = urgency;
        _errors.Remove("answerBy");
        FieldChanged("urgency");
    }

    /// <summary>The quick choices beside the answer-by field: an answer within so many hours from now.</summary>
    public void AnswerWithin(int hours)
    {
        var at = NowToTheMinute().AddHours(hours);
        _dateTimeText[AnswerByField.Key] = Local(at, Zone);
        Submission.AnswerBy = at;
        FieldChanged("answerBy");
    }

    private DateTimeOffset NowToTheMinute()
    {
        var now = _clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    private sealed record DateTimeField(string Key, string Path, Func<DateTimeOffset?> Get, Action<DateTimeOffset?> Set);

    private DateTimeField InterceptedAtField =>
        new("interceptedAt", "interceptedAt", () => Submission.InterceptedAt, v => Submission.InterceptedAt = v);

    private DateTimeField AnswerByField => new("answerBy", "answerBy", () => Submission.AnswerBy, v => Submission.AnswerBy = v);

    private DateTimeField CapturedAtField(int index)
    {
        var row = Submission.Images[index];
        return new(CapturedKey(_images[index]), $"images[{index}].capturedAt", () => row.CapturedAt, v => row.CapturedAt = v);
    }

    private IEnumerable<DateTimeField> DateTimeFields()
    {
        yield return InterceptedAtField;
        yield return AnswerByField;
        for (var i = 0; i < _images.Count && i < Submission.Images.Count; i++) yield return CapturedAtField(i);
    }

    // By the image's id, not its place: the text stays with its image when an earlier one is removed.
    private static string CapturedKey(DraftImage image) => "capturedAt:" + image.Id.ToString("N");

    private string Text(DateTimeField field) =>
        _dateTimeText.TryGetValue(field.Key, out var text) ? text
        : field.Get() is { } v ? Local(v, Zone)
        : "";

    private void Set(DateTimeField field, string? text)
    {
        _dateTimeText[field.Key] = text ?? "";
        field.Set(ToUtc(text, Zone, out var problem));
        FieldChanged(field.Path);
        if (problem is not null) _errors[field.Path] = problem;
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(DateTimeLocalFormat, CultureInfo.InvariantCulture);

    /// <summary>A wall-clock time typed for the crossing point, in UTC; null with a reason when it is not a time there.</summary>
    private DateTimeOffset? ToUtc(string? text, TimeZoneInfo zone, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTime.TryParseExact(text.Trim(), [DateTimeLocalFormat, "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
        {
            problem = L["Enter a date and a time."];
            return null;
        }
        if (zone.IsInvalidTime(local))
        {
            problem = L["{0} does not exist in {1}: the clocks go forward then.", text.Replace('T', ' '), zone.Id];
            return null;
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
