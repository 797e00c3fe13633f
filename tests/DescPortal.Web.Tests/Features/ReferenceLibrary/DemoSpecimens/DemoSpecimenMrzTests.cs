using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Core.Mrz;
using Xunit;
using DescPortal.DemoData.Specimens;

namespace DescPortal.Web.Tests.Features.ReferenceLibrary;

/// <summary>The MRZs printed on the demo specimens, checked with an independent check-digit routine.</summary>
public sealed class DemoSpecimenMrzTests
{
    // ICAO Doc 9303 Part 3 §4.9, written out again here so the generator is not checked against itself.
    private static int Check(string field)
    {
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            var v = char.IsDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : c == '<' ? 0 : throw new ArgumentException(field);
            sum += v * weights[i % 3];
        }
        return sum % 10;
    }

    private static void AssertCheck(string field, char digit, string what)
    {
        if (digit == '<')
        {
            Assert.True(field.All(c => c == '<'), $"{what}: filler check digit on a non-empty field '{field}'");
            return;
        }
        Assert.True(Check(field) == digit - '0', $"{what}: '{field}' has check digit {Check(field)}, MRZ says {digit}");
    }

    private static void AssertShape(IReadOnlyList<string> lines, int count, int length, string what)
    {
        Assert.True(lines.Count == count, $"{what}: {lines.Count} MRZ lines");
        Assert.All(lines, l => Assert.True(l.Length == length, $"{what}: '{l}' is not {length} long"));
    }

    [Fact]
    public void The_check_digit_routines_agree_with_the_icao_examples()
    {
        Assert.Equal(3, Check("520727"));
        Assert.Equal(5, Check("AB2134<<<"));
        Assert.Equal(3, SpecimenMrz.CheckDigit("520727"));
        Assert.Equal(5, SpecimenMrz.CheckDigit("AB2134<<<"));
    }

    [Fact]
    public void Utopia_reproduces_the_published_icao_test_vectors()
    {
        string[] td3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
        string[] td1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];

        Assert.Equal(td3, DemoSpecimens.Mrz["UTO-P-2007"]);
        Assert.Equal(td1, DemoSpecimens.Mrz["UTO-I-2007"]);
    }

    [Fact]
    public void Every_specimen_mrz_has_valid_check_digits_for_its_format()
    {
        Assert.Equal(DemoSpecimens.All.Select(s => s.Key).Order(), DemoSpecimens.Mrz.Keys.Order());
        foreach (var specimen in DemoSpecimens.All)
        {
            var lines = DemoSpecimens.Mrz[specimen.Key];
            var what = specimen.Key;
            Assert.All(lines, l => Assert.Matches("^[A-Z0-9<]+$", l));
            Assert.Equal(specimen.IssuingState, lines[0][2..5]);
            switch (specimen.DocumentType)
            {
                case "Passport":
                    {
                        AssertShape(lines, 2, 44, what);
                        Assert.Equal('P', lines[0][0]);
                        var l2 = lines[1];
                        AssertCheck(l2[..9], l2[9], what + " document number");
                        AssertCheck(l2[13..19], l2[19], what + " birth");
                        AssertCheck(l2[21..27], l2[27], what + " expiry");
                        AssertCheck(l2[28..42], l2[42], what + " personal number");
                        AssertCheck(l2[..10] + l2[13..20] + l2[21..43], l2[43], what + " composite");
                        break;
                    }
                case "IdentityCard":
                    {
                        AssertShape(lines, 3, 30, what);
                        var (l1, l2) = (lines[0], lines[1]);
                        AssertCheck(l1[5..14], l1[14], what + " document number");
                        AssertCheck(l2[..6], l2[6], what + " birth");
                        AssertCheck(l2[8..14], l2[14], what + " expiry");
                        AssertCheck(l1[5..30] + l2[..7] + l2[8..15] + l2[18..29], l2[29], what + " composite");
                        break;
                    }
                case "Visa":
                    {
                        // MRV-A: 2 x 44, no composite check digit.
                        AssertShape(lines, 2, 44, what);
                        Assert.Equal('V', lines[0][0]);
                        var l2 = lines[1];
                        AssertCheck(l2[..9], l2[9], what + " passport number");
                        AssertCheck(l2[13..19], l2[19], what + " birth");
                        AssertCheck(l2[21..27], l2[27], what + " valid until");
                        break;
                    }
                default:
                    Assert.Fail($"{what}: unexpected document type {specimen.DocumentType}");
                    break;
            }
        }
    }

    // The portal's own check too: every character right for its field and every state code one of ICAO's. A visa's
    // MRV-A zone is no TD format (no composite check digit), so the check does not read it.
    [Fact]
    public void The_portal_finds_every_passport_and_card_specimen_mrz_valid()
    {
        var today = new DateOnly(2026, 12, 7);
        foreach (var specimen in DemoSpecimens.All.Where(s => s.DocumentType is "Passport" or "IdentityCard"))
        {
            Assert.True(MrzCheck.TryRun(string.Join('\n', DemoSpecimens.Mrz[specimen.Key]), today, out var result), specimen.Key);
            Assert.True(result.Valid, $"{specimen.Key}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public void An_unspecified_sex_and_an_empty_personal_number_are_written_with_fillers()
    {
        var line2 = DemoSpecimens.Mrz["XXA-P-2021"][1];

        Assert.Equal('<', line2[20]); // sex X
        Assert.Equal("<<<<<<<<<<<<<<<", line2[28..43]); // personal number and its check digit
    }
}
