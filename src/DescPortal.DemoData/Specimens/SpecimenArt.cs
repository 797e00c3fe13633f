using System.Globalization;

namespace DescPortal.DemoData.Specimens;

/// <summary>Optional security features a state's document carries on top of the common set.</summary>
[Flags]
internal enum SpecimenExtras
{
    None = 0,
    LaserPerforation = 1,
    Planchettes = 2,
    VisibleFibres = 4,
    OpticallyVariable = 8,
    MultipleLaserImage = 16,
    Dovid = 32,
    RainbowBand = 64,
}

/// <summary>What a visa sticker says beyond its holder.</summary>
internal sealed record SpecimenVisa(
    string ValidFor,
    DateOnly From,
    DateOnly Until,
    string Entries,
    int DurationDays,
    string Type,
    string IssuedAt,
    string PassportNumber,
    string Remarks);

/// <summary>One fictitious document: who it is for, its numbers and dates, its MRZ and extra features.</summary>
internal sealed record SpecimenDocument(
    SpecimenState State,
    string Title,
    string TitleSecond,
    string Number,
    SpecimenHolder Holder,
    DateOnly Issued,
    DateOnly Expiry,
    string Authority,
    IReadOnlyList<string> Mrz,
    SpecimenExtras Extras,
    SpecimenVisa? Visa = null);

/// <summary>Names of the regions the page layouts mark for the security features.</summary>
internal static class SpecimenRegions
{
    public const string Page = "page";
    public const string Guilloche = "guilloche";
    public const string GuillochePlain = "guilloche-plain";
    public const string Rosette = "rosette";
    public const string Rainbow = "rainbow";
    public const string Header = "header";
    public const string Portrait = "portrait";
    public const string Ghost = "ghost";
    public const string Data = "data";
    public const string Signature = "signature";
    public const string Number = "number";
    public const string Mrz = "mrz";
    public const string Microprint = "microprint";
    public const string MicroprintError = "microprint-error";
    public const string Dovid = "dovid";
    public const string Ovi = "ovi";
    public const string Seal = "seal";
    public const string UvBand = "uv-band";
    public const string HiddenNumber = "hidden-number";
    public const string Chip = "chip";
    public const string Perforation = "perforation";
    public const string Mli = "mli";

    public static string Fibre(int i) => $"fibre-{i}";

    public static string Planchette(int i) => $"planchette-{i}";
}

/// <summary>
/// The renderer of the demo specimens: lays out a data page of a fictitious document (TD3 passport, TD1 card
/// front and reverse, MRV-A visa) at 300 dpi and its real size, and renders it as PNG under White, UV 365 nm and IR
/// light. Deterministic: the same document gives the same bytes on every run (fixed seeds, no clock).
/// </summary>
public static class SpecimenArt
{
    /// <summary>Resolution of every demo image.</summary>
    public const int Dpi = SpecimenDraw.Dpi;

    /// <summary>Pixels at 300 dpi for a length in millimetres.</summary>
    public static int MillimetresToPixels(double millimetres) => SpecimenDraw.MmPx(millimetres);

    private static readonly Rgb UvPaper = Rgb.Hex(0x211A45);
    private const float IrPaper = 0.86f;

    internal static string ImageKey(string side, SpecimenLight light) =>
        $"{side}-{light.ToString().ToLowerInvariant()}";

    /// <summary>The three lazily rendered images of one page.</summary>
    internal static IReadOnlyList<DemoImage> Images(string side, string area, Func<SpecimenScene> layout)
    {
        var probe = layout();
        return [.. Enum.GetValues<SpecimenLight>().Select(light => new DemoImage(
            ImageKey(side, light), area, light.ToString(), Dpi, () => layout().Render(light), probe.Width, probe.Height))];
    }

    internal static string VizDate(DateOnly date) =>
        date.ToString("dd MMM yy", CultureInfo.InvariantCulture).ToUpperInvariant();

    private static string SexText(char sex) => sex is 'F' or 'M' ? sex.ToString() : "X";

    /// <summary>UV lamp fall-off: a little darker towards the corners, as a UV photograph is.</summary>
    private static void UvLamp(SpecimenScene scene)
    {
        var cx = scene.Width / 2.0;
        var cy = scene.Height / 2.0;
        var norm = (cx * cx) + (cy * cy);
        scene.Add(() => SpecimenMask.Full(scene.Page), null,
            Paint.Ink((x, y) => Rgb.Grey((float)(1 - (0.35 * ((((x - cx) * (x - cx)) + ((y - cy) * (y - cy))) / norm))))),
            null);
    }

    /// <summary>ICAO TD3 data page, 125 x 88 mm.</summary>
    internal static SpecimenScene Td3(SpecimenDocument d)
    {
        var s = d.State;
        var h = d.Holder;
        var scene = new SpecimenScene(125, 88, s.Paper, UvPaper, IrPaper);
        var p = new SpecimenParts(scene, s);
        scene.Region(SpecimenRegions.Page, scene.Page);

        p.Background();
        scene.Region(SpecimenRegions.Guilloche, Mm(42, 14.5, 78, 50));
        scene.Region(SpecimenRegions.GuillochePlain, Mm(4, 60.2, 24, 2.6));
        scene.Region(SpecimenRegions.Rainbow, Mm(0, 0, 125, 15));
        scene.Region(SpecimenRegions.Rosette, p.Rosette(86, 38, 8, 15));
        var fibres = p.Fibres(scene.Page, 170, false, Mm(4, 16, 38, 46), Mm(0, 68, 125, 20));
        for (var i = 0; i < fibres.Count; i++)
        {
            scene.Region(SpecimenRegions.Fibre(i), fibres[i]);
        }
        if (d.Extras.HasFlag(SpecimenExtras.VisibleFibres))
        {
            p.Fibres(scene.Page, 70, visibleInWhite: true);
        }
        if (d.Extras.HasFlag(SpecimenExtras.Planchettes))
        {
            var discs = p.Planchettes(scene.Page, 90);
            for (var i = 0; i < discs.Count; i++)
            {
                scene.Region(SpecimenRegions.Planchette(i), discs[i]);
            }
        }
        scene.Region(SpecimenRegions.UvBand, p.UvRainbowBand(56.8, 5));
        scene.Region(SpecimenRegions.Seal, p.UvSeal(63, 40, 12.5));
        scene.Region(SpecimenRegions.HiddenNumber, p.HiddenNumber(100, 24.5, 19, 7));

        p.Print(s.Name, "DejaVu Serif Bold 12.5", 6, 3);
        p.Print(s.NameSecond, "DejaVu Serif Italic 7", 6, 8.6);
        p.Print(d.Title, "DejaVu Sans Bold 11", 80, 3.2, s.Primary.Lerp(s.Text, 0.5f));
        p.Print(d.TitleSecond, "DejaVu Sans 6", 80, 8.2, s.Primary.Lerp(s.Text, 0.5f));
        scene.Region(SpecimenRegions.Header, Mm(5, 2.5, 115, 10.5));
        var number = d.Extras.HasFlag(SpecimenExtras.LaserPerforation)
            ? p.LaserPerforation(d.Number, 98, 10.6, 3.6)
            : p.PrintedNumber("N° " + d.Number, 98, 10.4);
        scene.Region(d.Extras.HasFlag(SpecimenExtras.LaserPerforation) ? SpecimenRegions.Perforation : SpecimenRegions.Number, number);

        var top = p.Microprint(6, 15.3, 113, 11);
        scene.Region(SpecimenRegions.Microprint, top.Line);
        scene.Region(SpecimenRegions.MicroprintError, top.Error);
        p.Microprint(6, 63.4, 113, -1);

        scene.Region(SpecimenRegions.Portrait, p.Portrait(6, 18, 32, 41));
        scene.Region(SpecimenRegions.Ghost, p.Ghost(101, 33, 17, 21));

        p.Field("Type / Type", "P", 42, 17.5);
        p.Field("Code / Code", s.Code, 56, 17.5);
        p.Field("Passport No. / N° du passeport", d.Number, 97, 17.5);
        p.Field("Surname / Nom", h.Surname, 42, 23.5);
        p.Field("Given names / Prénoms", h.GivenNames, 42, 29.5);
        p.Field("Nationality / Nationalité", s.Nationality, 42, 35.5);
        p.Field("Personal No. / N° personnel", h.PersonalNumber.Length > 0 ? h.PersonalNumber : "—", 73, 35.5);
        p.Field("Date of birth / Date de naissance", VizDate(h.Birth), 42, 41.5);
        p.Field("Sex / Sexe", SexText(h.Sex), 73, 41.5);
        p.Field("Place of birth / Lieu de naissance", h.PlaceOfBirth, 84, 41.5);
        p.Field("Date of issue / Date de délivrance", VizDate(d.Issued), 42, 47.5);
        p.Field("Authority / Autorité", d.Authority, 73, 47.5);
        p.Field("Date of expiry / Date d'expiration", VizDate(d.Expiry), 42, 53.5);
        scene.Region(SpecimenRegions.Data, Mm(41.5, 17, 57, 42));
        p.Print("Holder's signature / Signature du titulaire", "DejaVu Sans 4.4", 73, 53.5);
        scene.Region(SpecimenRegions.Signature, p.Signature(74, 55.6, 20, 5));
        scene.Region(SpecimenRegions.Chip, p.ChipSymbol(107, 55.8, 9, 5.6));

        scene.Region(SpecimenRegions.Mrz, p.Mrz(d.Mrz, (125 - (44 * 2.54)) / 2, 70.2, 6.6));
        if (d.Extras.HasFlag(SpecimenExtras.Dovid))
        {
            scene.Region(SpecimenRegions.Dovid, p.Dovid(35.5, 55, 6.5));
        }
        if (d.Extras.HasFlag(SpecimenExtras.OpticallyVariable))
        {
            scene.Region(SpecimenRegions.Ovi, p.OpticallyVariable(34, 55.5, 5.5));
        }
        p.SpecimenOverprint(72, 37, 30);
        UvLamp(scene);
        return scene;
    }

    /// <summary>ICAO TD1 card, front (85.6 x 54 mm): portrait and personal data.</summary>
    internal static SpecimenScene Td1Front(SpecimenDocument d)
    {
        var s = d.State;
        var h = d.Holder;
        var scene = new SpecimenScene(85.6, 54, s.Paper, UvPaper, IrPaper);
        var p = new SpecimenParts(scene, s);
        scene.Region(SpecimenRegions.Page, scene.Page);

        p.Background();
        scene.Region(SpecimenRegions.Guilloche, Mm(28, 10.5, 40, 30));
        scene.Region(SpecimenRegions.GuillochePlain, Mm(30, 47.5, 26, 3));
        scene.Region(SpecimenRegions.Rosette, p.Rosette(55, 27, 5, 11));
        if (d.Extras.HasFlag(SpecimenExtras.RainbowBand))
        {
            scene.Region(SpecimenRegions.Rainbow, p.RainbowBand(45.5, 6.5));
        }
        var fibres = p.Fibres(scene.Page, 70, false, Mm(2, 10, 27, 33));
        for (var i = 0; i < fibres.Count; i++)
        {
            scene.Region(SpecimenRegions.Fibre(i), fibres[i]);
        }
        scene.Region(SpecimenRegions.UvBand, p.UvRainbowBand(41.5, 4));
        scene.Region(SpecimenRegions.Seal, p.UvSeal(50, 26, 9));

        p.Print(s.Name, "DejaVu Serif Bold 9", 4, 2.2);
        p.Print(d.Title, "DejaVu Sans Bold 6", 4, 6.4, s.Primary.Lerp(s.Text, 0.5f));
        scene.Region(SpecimenRegions.Header, Mm(3.5, 1.8, 60, 7.5));
        scene.Region(SpecimenRegions.Number, p.PrintedNumber(d.Number, 63, 2.8));
        var micro = p.Microprint(4, 10.2, 78, 5);
        scene.Region(SpecimenRegions.Microprint, micro.Line);
        scene.Region(SpecimenRegions.MicroprintError, micro.Error);

        scene.Region(SpecimenRegions.Portrait, p.Portrait(4, 12, 22, 28));
        p.Field("Surname / Nom", h.Surname, 29, 12);
        p.Field("Given names / Prénoms", h.GivenNames, 29, 17.5);
        p.Field("Sex / Sexe", SexText(h.Sex), 29, 23);
        p.Field("Nationality / Nationalité", s.Code, 39, 23);
        p.Field("Date of birth / Date de naissance", VizDate(h.Birth), 29, 28.5);
        p.Field("Document No. / N° du document", d.Number, 29, 34);
        p.Field("Date of expiry / Expiration", VizDate(d.Expiry), 57, 34);
        scene.Region(SpecimenRegions.Data, Mm(28.5, 11.5, 40, 28.5));
        p.Print("Signature / Signature", "DejaVu Sans 4.4", 29, 39.8);
        scene.Region(SpecimenRegions.Signature, p.Signature(30, 41.3, 18, 4));
        if (d.Extras.HasFlag(SpecimenExtras.MultipleLaserImage))
        {
            scene.Region(SpecimenRegions.Mli, p.MultipleLaserImage(70.5, 12, 11, 14, SpecimenMrz.Date(d.Expiry)));
        }
        scene.Region(SpecimenRegions.Ghost, p.Ghost(71, 28.5, 10, 13));
        if (d.Extras.HasFlag(SpecimenExtras.Dovid))
        {
            scene.Region(SpecimenRegions.Dovid, p.Dovid(24.5, 38, 4.5));
        }
        p.SpecimenOverprint(47, 25, 21);
        UvLamp(scene);
        return scene;
    }

    /// <summary>ICAO TD1 card, reverse (85.6 x 54 mm): issuing data and the three-line MRZ.</summary>
    internal static SpecimenScene Td1Reverse(SpecimenDocument d)
    {
        var s = d.State;
        var h = d.Holder;
        var scene = new SpecimenScene(85.6, 54, s.Paper, UvPaper, IrPaper);
        var p = new SpecimenParts(scene, s);
        scene.Region(SpecimenRegions.Page, scene.Page);

        p.Background();
        scene.Region(SpecimenRegions.Guilloche, Mm(30, 2, 50, 24));
        scene.Region(SpecimenRegions.GuillochePlain, Mm(56, 18, 12, 7));
        scene.Region(SpecimenRegions.Rosette, p.Rosette(62, 14, 3.5, 9));
        var fibres = p.Fibres(scene.Page, 70, false, Mm(0, 33, 85.6, 21));
        for (var i = 0; i < fibres.Count; i++)
        {
            scene.Region(SpecimenRegions.Fibre(i), fibres[i]);
        }
        scene.Region(SpecimenRegions.UvBand, p.UvRainbowBand(25, 4));
        scene.Region(SpecimenRegions.Seal, p.UvSeal(62, 14, 8));

        p.Field("Place of birth / Lieu de naissance", h.PlaceOfBirth, 4, 3);
        p.Field("Date of issue / Date de délivrance", VizDate(d.Issued), 4, 9);
        p.Field("Authority / Autorité", d.Authority, 4, 15);
        scene.Region(SpecimenRegions.Data, Mm(3.5, 2.5, 40, 18));
        scene.Region(SpecimenRegions.Chip, p.ChipSymbol(73, 3, 8.5, 5.2));
        scene.Region(SpecimenRegions.HiddenNumber, p.HiddenNumber(70, 19.5, 12, 6));
        var micro = p.Microprint(4, 29.6, 78, 3);
        scene.Region(SpecimenRegions.Microprint, micro.Line);
        scene.Region(SpecimenRegions.MicroprintError, micro.Error);
        scene.Region(SpecimenRegions.Mrz, p.Mrz(d.Mrz, (85.6 - (30 * 2.54)) / 2, 34.6, 5.6));
        p.SpecimenOverprint(30, 16, 18);
        UvLamp(scene);
        return scene;
    }

    /// <summary>ICAO MRV-A visa sticker, 120 x 80 mm.</summary>
    internal static SpecimenScene Visa(SpecimenDocument d)
    {
        var s = d.State;
        var h = d.Holder;
        var v = d.Visa ?? throw new ArgumentException("A visa needs its visa data.", nameof(d));
        var scene = new SpecimenScene(120, 80, s.Paper, UvPaper, IrPaper);
        var p = new SpecimenParts(scene, s);
        scene.Region(SpecimenRegions.Page, scene.Page);

        p.Background();
        scene.Region(SpecimenRegions.Guilloche, Mm(35, 14, 80, 40));
        scene.Region(SpecimenRegions.GuillochePlain, Mm(5, 52, 26, 3.5));
        scene.Region(SpecimenRegions.Rosette, p.Rosette(78, 32, 8, 15));
        var fibres = p.Fibres(scene.Page, 150, false, Mm(3, 16, 32, 37), Mm(0, 60, 120, 20));
        for (var i = 0; i < fibres.Count; i++)
        {
            scene.Region(SpecimenRegions.Fibre(i), fibres[i]);
        }
        scene.Region(SpecimenRegions.UvBand, p.UvRainbowBand(50.5, 5));
        scene.Region(SpecimenRegions.Seal, p.UvSeal(96, 34, 12));
        scene.Region(SpecimenRegions.HiddenNumber, p.HiddenNumber(101, 41.5, 14, 8));

        p.Print(s.Name, "DejaVu Serif Bold 12.5", 5, 3);
        p.Print(s.NameSecond, "DejaVu Serif Italic 7", 5, 8.6);
        p.Print(d.Title, "DejaVu Sans Bold 18", 94, 2.2, s.Primary.Lerp(s.Text, 0.5f));
        scene.Region(SpecimenRegions.Header, Mm(4.5, 2, 110, 11));
        scene.Region(SpecimenRegions.Number, p.PrintedNumber("N° " + d.Number, 88, 10.6));
        var micro = p.Microprint(5, 15.2, 110, 9);
        scene.Region(SpecimenRegions.Microprint, micro.Line);
        scene.Region(SpecimenRegions.MicroprintError, micro.Error);

        scene.Region(SpecimenRegions.Portrait, p.Portrait(5, 18, 26, 33));
        p.Field("Valid for / Valable pour", v.ValidFor, 35, 17.5);
        p.Field("Number of entries / Nombre d'entrées", v.Entries, 82, 17.5);
        p.Field("From / Du", VizDate(v.From), 35, 23.5);
        p.Field("Until / Au", VizDate(v.Until), 57, 23.5);
        p.Field("Duration of stay / Durée du séjour",
            v.DurationDays.ToString(CultureInfo.InvariantCulture) + " DAYS", 82, 23.5);
        p.Field("Type of visa / Type de visa", v.Type, 35, 29.5);
        p.Field("Issued in / Délivré à", v.IssuedAt, 57, 29.5);
        p.Field("On / Le", VizDate(d.Issued), 82, 29.5);
        p.Field("Number of passport / Numéro du passeport", v.PassportNumber, 35, 35.5);
        p.Field("Surname, given names / Nom, prénoms", $"{h.Surname}, {h.GivenNames}", 35, 41.5);
        p.Field("Remarks / Remarques", v.Remarks, 35, 47.5);
        scene.Region(SpecimenRegions.Data, Mm(34.5, 17, 66, 36));
        scene.Region(SpecimenRegions.Mrz, p.Mrz(d.Mrz, (120 - (44 * 2.54)) / 2, 63, 6.6));
        if (d.Extras.HasFlag(SpecimenExtras.Dovid))
        {
            scene.Region(SpecimenRegions.Dovid, p.Dovid(31, 20, 6));
        }
        p.SpecimenOverprint(70, 33, 30);
        UvLamp(scene);
        return scene;
    }

    private static PixelRect Mm(double x, double y, double w, double h) =>
        new(SpecimenDraw.MmPx(x), SpecimenDraw.MmPx(y), SpecimenDraw.MmPx(w), SpecimenDraw.MmPx(h));
}
