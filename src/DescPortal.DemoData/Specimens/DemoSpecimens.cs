using R = DescPortal.DemoData.Specimens.SpecimenRegions;

namespace DescPortal.DemoData.Specimens;

/// <summary>
/// The demo specimens of the reference library: documents of fictitious states (Utopia and the XX? test codes),
/// generated in code so that no image of a real document enters the repository. Every image is rendered on
/// demand and always to the same bytes.
/// </summary>
public static class DemoSpecimens
{
    private const string DataPage = "datapage";
    private const string Reverse = "reverse";

    private static readonly string[] White = ["White"];
    private static readonly string[] Uv = ["UV365"];
    private static readonly string[] Ir = ["IR"];
    private static readonly string[] WhiteIr = ["White", "IR"];
    private static readonly string[] WhiteUv = ["White", "UV365"];
    private static readonly string[] WhiteTransmitted = ["White", "Transmitted"];

    private static readonly Lazy<Catalogue> Built = new(Build);

    /// <summary>UTO passport (TD3), UTO identity card (TD1), UTO visa (MRV-A), XXA passport, XXB passport.</summary>
    public static IReadOnlyList<DemoSpecimen> All => Built.Value.Specimens;

    /// <summary>The MRZ lines printed on each specimen, by specimen key.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> Mrz => Built.Value.Mrz;

    private sealed record Catalogue(IReadOnlyList<DemoSpecimen> Specimens, IReadOnlyDictionary<string, IReadOnlyList<string>> Mrz);

    private static Catalogue Build()
    {
        var mrz = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var specimens = new List<DemoSpecimen>
        {
            UtopiaPassport(mrz),
            UtopiaIdentityCard(mrz),
            UtopiaVisa(mrz),
            XxaPassport(mrz),
            XxbPassport(mrz),
        };
        return new Catalogue(specimens, mrz);
    }

    // The ICAO Doc 9303 example holder of Utopia (its MRZ reproduces the published test vectors).
    private static readonly SpecimenHolder Eriksson = new(
        "ERIKSSON", "ANNA MARIA", "UTO", new DateOnly(1974, 8, 12), 'F', "ZENITH", "ZE184226B");

    private static readonly SpecimenHolder Muster = new(
        "MUSTER", "ROBIN KAI", "XXB", new DateOnly(1988, 3, 9), 'M', "PORT XXB", "XB77319024");

    private static readonly SpecimenHolder Sample = new(
        "SPECIMEN", "ALEX JORDAN", "XXA", new DateOnly(1991, 11, 23), 'X', "NEW XXA CITY", "");

    private static DemoSpecimen UtopiaPassport(Dictionary<string, IReadOnlyList<string>> mrzByKey)
    {
        const string key = "UTO-P-2007";
        var s = SpecimenStates.Utopia;
        var h = Eriksson;
        var expiry = new DateOnly(2012, 4, 15);
        var mrz = SpecimenMrz.Td3("P", s.Code, h.Surname, h.GivenNames, "L898902C3", h.Nationality, h.Birth, h.Sex,
            expiry, h.PersonalNumber);
        var doc = new SpecimenDocument(s, "PASSPORT", "PASSEPORT · PASAPORTE", "L898902C3", h,
            new DateOnly(2007, 4, 16), expiry, "PASSPORT OFFICE", mrz, SpecimenExtras.Dovid);
        mrzByKey[key] = mrz;
        var scene = SpecimenArt.Td3(doc);
        var f = new FeatureList((DataPage, scene));
        PassportCommon(f, s, "datapage");
        f.Add("CopyProtection", "Dovid", 1, White,
            "Round diffractive foil over the portrait's lower corner: the initial U on rainbow diffraction rings that shift with the viewing angle.",
            (DataPage, SpecimenLight.White, R.Dovid));
        f.Add("Numbering", "Printed", 1, WhiteUv,
            "Document number printed in red in the top right corner; the ink fluoresces red under UV.",
            (DataPage, SpecimenLight.White, R.Number), (DataPage, SpecimenLight.UV365, R.Number));
        return new DemoSpecimen(key, s.Code, "Passport", "Ordinary passport, 2007 series (ePassport)",
            new DateOnly(2007, 1, 1), new DateOnly(2016, 12, 31), "TD3",
            "Fictitious Republic of Utopia ordinary ePassport, TD3 data page personalised for the ICAO Doc 9303 example holder " +
            "(ERIKSSON, ANNA MARIA). Generated demo specimen: not a real document.",
            SpecimenArt.Images(DataPage, "DataPage", () => SpecimenArt.Td3(doc)), f.Items);
    }

    private static DemoSpecimen XxaPassport(Dictionary<string, IReadOnlyList<string>> mrzByKey)
    {
        const string key = "XXA-P-2021";
        var s = SpecimenStates.Xxa;
        var h = Sample;
        var expiry = new DateOnly(2031, 5, 31);
        var mrz = SpecimenMrz.Td3("P", s.Code, h.Surname, h.GivenNames, "XA0425117", h.Nationality, h.Birth, h.Sex,
            expiry, h.PersonalNumber);
        var doc = new SpecimenDocument(s, "PASSPORT", "PASSEPORT · PASAPORTE", "XA0425117", h,
            new DateOnly(2021, 6, 1), expiry, "MFA XXA", mrz,
            SpecimenExtras.LaserPerforation | SpecimenExtras.OpticallyVariable);
        mrzByKey[key] = mrz;
        var scene = SpecimenArt.Td3(doc);
        var f = new FeatureList((DataPage, scene));
        PassportCommon(f, s, "datapage");
        f.Add("Ink", "OpticallyVariable", 1, White,
            "Seven-pointed star in optically variable ink over the portrait's corner: gold, turning green when tilted.",
            (DataPage, SpecimenLight.White, R.Ovi));
        f.Add("Numbering", "LaserPerforated", 1, WhiteTransmitted,
            "Document number laser-perforated through the page in the top right corner; the holes show as dots in reflected light and light up in transmitted light.",
            (DataPage, SpecimenLight.White, R.Perforation));
        return new DemoSpecimen(key, s.Code, "Passport", "Ordinary passport, 2021 series",
            new DateOnly(2021, 1, 1), null, "TD3",
            "Fictitious Federation of XXA ordinary passport, TD3 data page; sex unspecified (X, '<' in the MRZ) and no personal " +
            "number (filler check digit). Generated demo specimen: not a real document.",
            SpecimenArt.Images(DataPage, "DataPage", () => SpecimenArt.Td3(doc)), f.Items);
    }

    private static DemoSpecimen XxbPassport(Dictionary<string, IReadOnlyList<string>> mrzByKey)
    {
        const string key = "XXB-P-2019";
        var s = SpecimenStates.Xxb;
        var h = Muster;
        var expiry = new DateOnly(2029, 5, 19);
        var mrz = SpecimenMrz.Td3("P", s.Code, h.Surname, h.GivenNames, "XB0038241", h.Nationality, h.Birth, h.Sex,
            expiry, h.PersonalNumber);
        var doc = new SpecimenDocument(s, "PASSPORT", "PASSEPORT · PASAPORTE", "XB0038241", h,
            new DateOnly(2019, 5, 20), expiry, "XXB PASSPORT AUTHORITY", mrz,
            SpecimenExtras.Planchettes | SpecimenExtras.VisibleFibres | SpecimenExtras.Dovid);
        mrzByKey[key] = mrz;
        var scene = SpecimenArt.Td3(doc);
        var f = new FeatureList((DataPage, scene));
        PassportCommon(f, s, "datapage");
        f.Add("CopyProtection", "Dovid", 1, White,
            "Diffractive foil over the portrait's lower corner with the initial B; its colours shift with the viewing angle.",
            (DataPage, SpecimenLight.White, R.Dovid));
        f.Add("Substrate", "Planchettes", 2, WhiteUv,
            "Small discs embedded in the paper: pale in white light, bright green under UV.",
            (DataPage, SpecimenLight.UV365, R.Planchette(0)), (DataPage, SpecimenLight.UV365, R.Planchette(1)),
            (DataPage, SpecimenLight.White, R.Planchette(0)));
        f.Add("Substrate", "VisibleFibres", 1, WhiteUv,
            "Red and blue fibres visible in the paper in white light; they also fluoresce under UV.",
            (DataPage, SpecimenLight.White, R.Page));
        f.Add("Numbering", "Printed", 1, WhiteUv,
            "Document number printed in red in the top right corner; the ink fluoresces red under UV.",
            (DataPage, SpecimenLight.White, R.Number), (DataPage, SpecimenLight.UV365, R.Number));
        return new DemoSpecimen(key, s.Code, "Passport", "Ordinary passport, 2019 series",
            new DateOnly(2019, 1, 1), null, "TD3",
            "Fictitious Commonwealth of XXB ordinary passport, TD3 data page with planchettes and visible fibres. " +
            "Generated demo specimen: not a real document.",
            SpecimenArt.Images(DataPage, "DataPage", () => SpecimenArt.Td3(doc)), f.Items);
    }

    /// <summary>The features every demo passport data page has.</summary>
    private static void PassportCommon(FeatureList f, SpecimenState s, string side)
    {
        f.Add("SecurityPrinting", "Guilloche", 1, White,
            "Two-colour guilloche: a woven net of sine waves over the whole page and a rosette with a spirograph medallion behind the personal data.",
            (side, SpecimenLight.White, R.Guilloche), (side, SpecimenLight.White, R.Rosette));
        f.Add("SecurityPrinting", "RainbowPrinting", 1, White,
            "Split-duct (rainbow) printing: the background net runs from one colour at the page edges to the other in the middle without a break.",
            (side, SpecimenLight.White, R.Rainbow));
        f.Add("Personalisation", "LaserEngraving", 1, WhiteIr,
            "Portrait and personal data laser-engraved in black (tactile); the engraving absorbs IR.",
            (side, SpecimenLight.White, R.Portrait), (side, SpecimenLight.White, R.Data));
        f.Add("PersonalisationProtection", "GhostImage", 1, White,
            "Second, faint portrait of the holder printed into the background at the right.",
            (side, SpecimenLight.White, R.Ghost));
        f.Add("Electronic", "Mrz", 1, WhiteIr,
            "Two-line TD3 machine readable zone, 44 characters per line in OCR-B at 10 characters per inch, check digits per ICAO Doc 9303.",
            (side, SpecimenLight.White, R.Mrz), (side, SpecimenLight.IR, R.Mrz));
        f.Add("SecurityPrinting", "Microprinting", 2, White,
            $"Lines of microtext repeating {s.MicroWord} (about 0.25 mm letters) below the header and above the MRZ; a plain line to the naked eye, legible under a loupe.",
            (side, SpecimenLight.White, R.Microprint));
        f.Add("Substrate", "InvisibleFibres", 2, Uv,
            "Yellow, red and blue fluorescent fibres in the paper, invisible in white light, bright under UV 365 nm.",
            (side, SpecimenLight.UV365, R.Fibre(0)), (side, SpecimenLight.UV365, R.Fibre(1)), (side, SpecimenLight.UV365, R.Fibre(2)));
        f.Add("Ink", "UvFluorescent", 2, Uv,
            $"Seal of the {TitleCase(s.Name)} (rings, the state's name and the initial {s.Initial}) and a rainbow wave band, printed in invisible ink that fluoresces under UV 365 nm.",
            (side, SpecimenLight.UV365, R.Seal), (side, SpecimenLight.UV365, R.UvBand));
        f.Add("Substrate", "UvDullPaper", 2, Uv,
            "UV-dull paper: under UV 365 nm the page stays dark, so only the fluorescent features light up.",
            (side, SpecimenLight.UV365, R.Page));
        f.Add("Ink", "IrAbsorbing", 2, Ir,
            "MRZ and laser-engraved personal data stay black at 850 nm.",
            (side, SpecimenLight.IR, R.Mrz), (side, SpecimenLight.IR, R.Data));
        f.Add("Ink", "IrDropOut", 2, Ir,
            "Background guilloche, header, microprint and signature ink drop out at 850 nm: the page turns plain light grey.",
            (side, SpecimenLight.IR, R.GuillochePlain), (side, SpecimenLight.IR, R.Header));
        f.Add("Ink", "Metameric", 2, WhiteIr,
            $"Tinted panel above the ghost image printed in two metameric inks: uniform in white light, it shows the number {s.HiddenNumber} in IR.",
            (side, SpecimenLight.White, R.HiddenNumber), (side, SpecimenLight.IR, R.HiddenNumber));
        f.Add("SecurityPrinting", "DeliberateError", 3, White,
            $"One word of the upper microprint line reads {s.MicroError} instead of {s.MicroWord}.",
            (side, SpecimenLight.White, R.MicroprintError));
        f.Add("Electronic", "ContactlessChip", 3, White,
            "Chip symbol on the data page: the booklet holds a contactless chip whose data are checked by passive authentication (ICAO PKD).",
            (side, SpecimenLight.White, R.Chip));
    }

    private static DemoSpecimen UtopiaIdentityCard(Dictionary<string, IReadOnlyList<string>> mrzByKey)
    {
        const string key = "UTO-I-2007";
        var s = SpecimenStates.Utopia;
        var h = Eriksson;
        var expiry = new DateOnly(2012, 4, 15);
        var mrz = SpecimenMrz.Td1("I", s.Code, "D23145890", "", h.Birth, h.Sex, expiry, h.Nationality, "",
            h.Surname, h.GivenNames);
        var doc = new SpecimenDocument(s, "IDENTITY CARD · CARTE D'IDENTITÉ", "", "D23145890", h,
            new DateOnly(2007, 4, 16), expiry, "ZENITH CITY HALL", mrz,
            SpecimenExtras.MultipleLaserImage | SpecimenExtras.Dovid | SpecimenExtras.RainbowBand);
        mrzByKey[key] = mrz;
        var front = SpecimenArt.Td1Front(doc);
        var back = SpecimenArt.Td1Reverse(doc);
        var f = new FeatureList((DataPage, front), (Reverse, back));
        f.Add("SecurityPrinting", "Guilloche", 1, White,
            "Two-colour guilloche net and rosette on both sides of the card.",
            (DataPage, SpecimenLight.White, R.Guilloche), (Reverse, SpecimenLight.White, R.Guilloche));
        f.Add("SecurityPrinting", "RainbowPrinting", 1, White,
            "Rainbow wave band across the bottom of the front, its colour running from cyan to violet.",
            (DataPage, SpecimenLight.White, R.Rainbow));
        f.Add("CopyProtection", "MultipleLaserImage", 1, White,
            "Lens window on the front right: a small portrait and the expiry date engraved through the lenses; they alternate when the card is tilted.",
            (DataPage, SpecimenLight.White, R.Mli));
        f.Add("CopyProtection", "Dovid", 1, White,
            "Diffractive foil over the portrait's corner with the initial U.",
            (DataPage, SpecimenLight.White, R.Dovid));
        f.Add("Personalisation", "LaserEngraving", 1, WhiteIr,
            "Portrait and personal data laser-engraved into the card body; black, IR-absorbing.",
            (DataPage, SpecimenLight.White, R.Portrait), (DataPage, SpecimenLight.White, R.Data),
            (DataPage, SpecimenLight.IR, R.Data));
        f.Add("PersonalisationProtection", "GhostImage", 1, White,
            "Ghost portrait below the lens window.",
            (DataPage, SpecimenLight.White, R.Ghost));
        f.Add("Numbering", "Printed", 1, WhiteUv,
            "Card number printed in red at the top right; fluoresces red under UV.",
            (DataPage, SpecimenLight.White, R.Number), (DataPage, SpecimenLight.UV365, R.Number));
        f.Add("SecurityPrinting", "Microprinting", 2, White,
            "Microtext lines repeating UTOPIA under the header and above the MRZ.",
            (DataPage, SpecimenLight.White, R.Microprint), (Reverse, SpecimenLight.White, R.Microprint));
        f.Add("Ink", "UvFluorescent", 2, Uv,
            "Seal of the Republic of Utopia and rainbow wave bands in invisible fluorescent ink, on both sides.",
            (DataPage, SpecimenLight.UV365, R.Seal), (DataPage, SpecimenLight.UV365, R.UvBand),
            (Reverse, SpecimenLight.UV365, R.Seal));
        f.Add("Substrate", "InvisibleFibres", 2, Uv,
            "Fluorescent fibres in the card's core, visible only under UV.",
            (DataPage, SpecimenLight.UV365, R.Fibre(0)), (Reverse, SpecimenLight.UV365, R.Fibre(0)));
        f.Add("Substrate", "UvDullPaper", 2, Uv,
            "UV-dull card body: dark under UV 365 nm.",
            (DataPage, SpecimenLight.UV365, R.Page), (Reverse, SpecimenLight.UV365, R.Page));
        f.Add("Electronic", "Mrz", 1, WhiteIr,
            "Three-line TD1 machine readable zone on the reverse, 30 characters per line.",
            (Reverse, SpecimenLight.White, R.Mrz), (Reverse, SpecimenLight.IR, R.Mrz));
        f.Add("Ink", "IrAbsorbing", 2, Ir,
            "MRZ and engraved data stay black at 850 nm.",
            (Reverse, SpecimenLight.IR, R.Mrz), (Reverse, SpecimenLight.IR, R.Data));
        f.Add("Ink", "IrDropOut", 2, Ir,
            "Background print drops out at 850 nm.",
            (DataPage, SpecimenLight.IR, R.GuillochePlain), (Reverse, SpecimenLight.IR, R.GuillochePlain));
        f.Add("Ink", "Metameric", 2, WhiteIr,
            "Tinted panel on the reverse that shows the number 7741 in IR only.",
            (Reverse, SpecimenLight.White, R.HiddenNumber), (Reverse, SpecimenLight.IR, R.HiddenNumber));
        f.Add("SecurityPrinting", "DeliberateError", 3, White,
            "One word of the front microprint line reads UTOPLA.",
            (DataPage, SpecimenLight.White, R.MicroprintError));
        f.Add("Electronic", "ContactlessChip", 3, White,
            "Chip symbol on the reverse: the card holds a contactless chip.",
            (Reverse, SpecimenLight.White, R.Chip));
        var images = SpecimenArt.Images(DataPage, "DataPage", () => SpecimenArt.Td1Front(doc))
            .Concat(SpecimenArt.Images(Reverse, "Other", () => SpecimenArt.Td1Reverse(doc))).ToList();
        return new DemoSpecimen(key, s.Code, "IdentityCard", "Identity card, 2007 series",
            new DateOnly(2007, 1, 1), new DateOnly(2016, 12, 31), "TD1",
            "Fictitious Republic of Utopia identity card (TD1, 85.6 x 54 mm) for the ICAO Doc 9303 example holder; " +
            "front (portrait and data, area DataPage) and reverse (MRZ, area Other). Generated demo specimen: not a real document.",
            images, f.Items);
    }

    private static DemoSpecimen UtopiaVisa(Dictionary<string, IReadOnlyList<string>> mrzByKey)
    {
        const string key = "UTO-V-2018";
        var s = SpecimenStates.Utopia;
        var h = Muster;
        var visa = new SpecimenVisa("UTOPIA", new DateOnly(2021, 3, 1), new DateOnly(2022, 2, 28), "MULT", 90, "C",
            "ZENITH", "XB0038241", "SPECIMEN - NOT VALID FOR TRAVEL");
        var mrz = SpecimenMrz.MrvA("V", s.Code, h.Surname, h.GivenNames, visa.PassportNumber, h.Nationality, h.Birth,
            h.Sex, visa.Until, "");
        var doc = new SpecimenDocument(s, "VISA", "", "V0004217", h, new DateOnly(2021, 2, 15), visa.Until,
            "MINISTRY OF FOREIGN AFFAIRS", mrz, SpecimenExtras.Dovid, visa);
        mrzByKey[key] = mrz;
        var scene = SpecimenArt.Visa(doc);
        var f = new FeatureList((DataPage, scene));
        f.Add("SecurityPrinting", "Guilloche", 1, White,
            "Two-colour guilloche net and rosette behind the visa data.",
            (DataPage, SpecimenLight.White, R.Guilloche), (DataPage, SpecimenLight.White, R.Rosette));
        f.Add("CopyProtection", "Dovid", 1, White,
            "Diffractive foil with the initial U over the portrait's upper corner.",
            (DataPage, SpecimenLight.White, R.Dovid));
        f.Add("Numbering", "Printed", 1, WhiteUv,
            "Visa sticker number printed in red at the top right; fluoresces red under UV.",
            (DataPage, SpecimenLight.White, R.Number), (DataPage, SpecimenLight.UV365, R.Number));
        f.Add("Personalisation", "Inkjet", 1, WhiteIr,
            "Portrait and entries printed by pigmented inkjet; IR-absorbing.",
            (DataPage, SpecimenLight.White, R.Portrait), (DataPage, SpecimenLight.White, R.Data));
        f.Add("Electronic", "Mrz", 1, WhiteIr,
            "Two-line MRV-A machine readable zone, 44 characters per line, no composite check digit.",
            (DataPage, SpecimenLight.White, R.Mrz), (DataPage, SpecimenLight.IR, R.Mrz));
        f.Add("SecurityPrinting", "Microprinting", 2, White,
            "Microtext line repeating UTOPIA under the header.",
            (DataPage, SpecimenLight.White, R.Microprint));
        f.Add("Substrate", "InvisibleFibres", 2, Uv,
            "Fluorescent fibres in the sticker paper, visible only under UV.",
            (DataPage, SpecimenLight.UV365, R.Fibre(0)), (DataPage, SpecimenLight.UV365, R.Fibre(1)));
        f.Add("Ink", "UvFluorescent", 2, Uv,
            "Seal of the Republic of Utopia and a rainbow wave band in invisible fluorescent ink.",
            (DataPage, SpecimenLight.UV365, R.Seal), (DataPage, SpecimenLight.UV365, R.UvBand));
        f.Add("Substrate", "UvDullPaper", 2, Uv,
            "UV-dull sticker paper.",
            (DataPage, SpecimenLight.UV365, R.Page));
        f.Add("Ink", "IrAbsorbing", 2, Ir,
            "MRZ and inkjet entries stay black at 850 nm.",
            (DataPage, SpecimenLight.IR, R.Mrz), (DataPage, SpecimenLight.IR, R.Data));
        f.Add("Ink", "IrDropOut", 2, Ir,
            "Background print and header drop out at 850 nm.",
            (DataPage, SpecimenLight.IR, R.GuillochePlain), (DataPage, SpecimenLight.IR, R.Header));
        f.Add("Ink", "Metameric", 2, WhiteIr,
            "Tinted panel at the right that shows the number 7741 in IR only.",
            (DataPage, SpecimenLight.White, R.HiddenNumber), (DataPage, SpecimenLight.IR, R.HiddenNumber));
        f.Add("SecurityPrinting", "DeliberateError", 3, White,
            "One word of the microprint line reads UTOPLA.",
            (DataPage, SpecimenLight.White, R.MicroprintError));
        return new DemoSpecimen(key, s.Code, "Visa", "Uniform visa sticker, 2018 series",
            new DateOnly(2018, 1, 1), null, "Other",
            "Fictitious Republic of Utopia visa sticker, ICAO MRV-A (80 x 120 mm) with a two-line MRZ of 44 characters, " +
            "issued to a national of XXB (the holder of the XXB passport specimen). Generated demo specimen: not a real document.",
            SpecimenArt.Images(DataPage, "DataPage", () => SpecimenArt.Visa(doc)), f.Items);
    }

    private static string TitleCase(string upper) =>
        string.Join(' ', upper.Split(' ').Select(w => w.Length <= 2 || w.StartsWith("XX", StringComparison.Ordinal)
            ? (w is "OF" ? "of" : w)
            : w[0] + w[1..].ToLowerInvariant()));

    /// <summary>Collects features, locating each on the named regions of the laid-out sides.</summary>
    private sealed class FeatureList(params (string Side, SpecimenScene Scene)[] sides)
    {
        private readonly List<DemoFeature> _items = [];

        public IReadOnlyList<DemoFeature> Items => _items;

        public void Add(string category, string type, int level, string[] lights, string description,
            params (string Side, SpecimenLight Light, string Region)[] at)
        {
            var locations = at.Select(a =>
            {
                var scene = sides.Single(s => s.Side == a.Side).Scene;
                var r = scene[a.Region];
                return new DemoLocation(SpecimenArt.ImageKey(a.Side, a.Light), r.X, r.Y, r.Width, r.Height);
            }).ToList();
            _items.Add(new DemoFeature(category, type, lights, level, description, locations));
        }
    }
}
