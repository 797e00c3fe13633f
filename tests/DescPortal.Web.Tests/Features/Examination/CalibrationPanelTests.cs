using Bunit;
using DescPortal.Core.Examination;
using DescPortal.Web.Features.Examination;
using Microsoft.AspNetCore.Components;
using Xunit;

namespace DescPortal.Web.Tests.Features.Examination;

public sealed class CalibrationPanelTests(ComponentHost host) : ComponentTest(host)
{
    private static readonly (ImagePoint, ImagePoint) Line = (new ImagePoint(100, 900), new ImagePoint(1600, 900));

    [Fact]
    public void Without_a_line_the_examiner_is_told_how_to_draw_one_and_a_reader_sees_no_form()
    {
        var examiner = Render<CalibrationPanel>(p => p.Add(x => x.CanRecord, true));
        Assert.Contains("Calibrate tool", examiner.Find("[data-testid=calibration-hint]").TextContent, StringComparison.Ordinal);
        Assert.Empty(examiner.FindAll("[data-testid=calibration-form]"));

        var reader = Render<CalibrationPanel>(p => p.Add(x => x.Line, Line));
        Assert.Empty(reader.FindAll("[data-testid=calibration-form]"));
        Assert.Empty(reader.FindAll("[data-testid=calibration-hint]"));
    }

    [Fact]
    public void A_known_distance_or_a_whole_count_of_pitches_is_asked_for_and_anything_else_comes_back_as_no_value()
    {
        var requests = new List<CalibrationPanel.CalibrationRequest>();
        var cut = Render<CalibrationPanel>(p => p.Add(x => x.CanRecord, true).Add(x => x.Line, Line)
            .Add(x => x.OnCalibrate, EventCallback.Factory.Create<CalibrationPanel.CalibrationRequest>(this, r => requests.Add(r))));
        Assert.Contains("1500 px", cut.Find("[data-testid=calibration-form]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=calibration-value]").Input("125,5");
        cut.Find("[data-testid=calibration-form]").Submit();
        cut.Find("[data-testid=calibration-value]").Input("-3");
        cut.Find("[data-testid=calibration-form]").Submit();
        cut.Find("[data-testid=calibration-method]").Change(nameof(ScaleCalibrationMethod.MrzCharacterPitch));
        cut.Find("[data-testid=calibration-value]").Input("42.5");
        cut.Find("[data-testid=calibration-form]").Submit();
        cut.Find("[data-testid=calibration-value]").Input("43");
        cut.Find("[data-testid=calibration-form]").Submit();

        Assert.Equal(
            [(ScaleCalibrationMethod.KnownDistance, (double?)125.5), (ScaleCalibrationMethod.KnownDistance, null),
             (ScaleCalibrationMethod.MrzCharacterPitch, null), (ScaleCalibrationMethod.MrzCharacterPitch, 43)],
            requests.Select(r => (r.Method, r.Value)));
        Assert.All(requests, r => Assert.Equal(Line, (r.A, r.B)));
    }

    [Fact]
    public void A_refusal_is_shown_and_the_value_typed_stays()
    {
        var cut = Render<CalibrationPanel>(p => p.Add(x => x.CanRecord, true).Add(x => x.Line, Line)
            .Add(x => x.Error, "1500 pixels for 1 mm would be 38100 dpi"));
        cut.Find("[data-testid=calibration-value]").Input("1");

        cut.Render(p => p.Add(x => x.Error, "1500 pixels for 1 mm would be 38100 dpi, outside 50 to 10000 dpi"));

        Assert.Contains("outside 50 to 10000 dpi", cut.Find("[data-testid=calibration-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal("1", cut.Find("[data-testid=calibration-value]").GetAttribute("value"));
        Assert.Equal("true", cut.Find("[data-testid=calibration-value]").GetAttribute("aria-invalid"));
    }
}
