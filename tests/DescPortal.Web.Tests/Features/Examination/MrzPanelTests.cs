using Bunit;
using DescPortal.Core.Mrz;
using DescPortal.Web.Features.Examination;
using Microsoft.AspNetCore.Components;
using Xunit;

namespace DescPortal.Web.Tests.Features.Examination;

public sealed class MrzPanelTests(ComponentHost host) : ComponentTest(host)
{
    private const string Td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private static MrzEnteredData Entered(string surname = "ERIKSSON") => new()
    {
        Surname = surname, GivenNames = "ANNA MARIA", Nationality = "UTO", DateOfBirth = "1974-08-12", Sex = "F",
        DocumentNumber = "L898902C3", IssuingState = "UTO", DocumentType = "Passport",
    };

    [Fact]
    public void A_valid_mrz_shows_every_check_right_and_each_field_consistent_with_the_data_entered()
    {
        var cut = Render<MrzPanel>(p => p.Add(x => x.Mrz, Td3).Add(x => x.Entered, Entered()));

        Assert.Equal("true", cut.Find("[data-testid=mrz-verdict]").GetAttribute("data-valid"));
        var checks = cut.FindAll("[data-testid=mrz-checks] tbody tr");
        Assert.Equal(5, checks.Count);
        Assert.All(checks, c => Assert.Equal("true", c.GetAttribute("data-valid")));
        Assert.Equal("Consistent", cut.Find("[data-testid=mrz-comparison] tr[data-field=Surname]").GetAttribute("data-result"));
        Assert.Equal("Consistent", cut.Find("[data-testid=mrz-comparison] tr[data-field=DateOfBirth]").GetAttribute("data-result"));
        // A reader: no button to record anything.
        Assert.Empty(cut.FindAll("[data-testid=mrz-record]"));
    }

    [Fact]
    public void A_wrong_check_digit_and_a_transliterated_name_are_told_apart()
    {
        var wrong = Td3.Replace("7408122F", "7408121F", StringComparison.Ordinal);
        var mueller = "P<UTOMUELLER<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408121F1204159ZE184226B<<<<<10";

        var cut = Render<MrzPanel>(p => p.Add(x => x.Mrz, wrong).Add(x => x.Entered, Entered()));
        var named = Render<MrzPanel>(p => p.Add(x => x.Mrz, mueller).Add(x => x.Entered, Entered("Müller")));

        Assert.Equal("false", cut.Find("[data-testid=mrz-verdict]").GetAttribute("data-valid"));
        Assert.Equal("false", cut.Find("[data-testid=mrz-checks] tr[data-field=DateOfBirth]").GetAttribute("data-valid"));
        Assert.Equal("true", cut.Find("[data-testid=mrz-checks] tr[data-field=DocumentNumber]").GetAttribute("data-valid"));
        Assert.Equal("ConsistentAfterTransliteration", named.Find("[data-testid=mrz-comparison] tr[data-field=Surname]").GetAttribute("data-result"));
        Assert.Contains("consistent after transliteration", named.Find("[data-testid=mrz-comparison] tr[data-field=Surname]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_wrong_for_its_field_makes_the_mrz_invalid_and_is_shown_once_with_its_line_and_position()
    {
        // ERIKSSON with a zero for its O: every check digit stays right.
        var cut = Render<MrzPanel>(p => p.Add(x => x.Mrz, Td3.Replace("ERIKSSON", "ERIKSS0N", StringComparison.Ordinal)).Add(x => x.Entered, Entered()));

        Assert.Equal("false", cut.Find("[data-testid=mrz-verdict]").GetAttribute("data-valid"));
        Assert.All(cut.FindAll("[data-testid=mrz-checks] tbody tr"), c => Assert.Equal("true", c.GetAttribute("data-valid")));
        var error = Assert.Single(cut.FindAll("[data-testid=mrz-error]"));
        Assert.Equal("Line 1, position 12: the primary identifier (surname) allows letters and < only; found 0.", error.TextContent.Trim());
        Assert.Equal(("surname", "mrz.character.wrong-for-field"), (error.GetAttribute("data-field"), error.GetAttribute("data-code")));
    }

    [Fact]
    public void The_examiner_records_the_check_and_a_document_without_mrz_says_so()
    {
        MrzCheckResult? recorded = null;
        var cut = Render<MrzPanel>(p => p.Add(x => x.Mrz, Td3).Add(x => x.Entered, Entered()).Add(x => x.CanRecord, true)
            .Add(x => x.OnRecord, EventCallback.Factory.Create<MrzCheckResult>(this, r => recorded = r)));

        cut.Find("[data-testid=mrz-record]").Click();

        Assert.NotNull(recorded);
        Assert.Equal(MrzFormat.TD3, recorded.Format);
        var none = Render<MrzPanel>(p => p.Add(x => x.Mrz, "  ").Add(x => x.Entered, Entered()));
        Assert.NotNull(none.Find("[data-testid=mrz-none]"));
    }
}
