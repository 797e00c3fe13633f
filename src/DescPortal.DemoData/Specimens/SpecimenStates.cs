namespace DescPortal.DemoData.Specimens;

/// <summary>How one fictitious state prints its documents: names, colours, guilloche parameters, seeds.</summary>
internal sealed record SpecimenState(
    string Code,
    string Name,
    string NameSecond,
    string Nationality,
    string Initial,
    string MicroWord,
    string MicroError,
    string HiddenNumber,
    Rgb Paper,
    Rgb Primary,
    Rgb Secondary,
    Rgb Text,
    Rgb UvSeal,
    StateGuilloche Guilloche,
    ulong Seed);

/// <summary>
/// A state's guilloche: two families of waves woven into the background net, two rosette families and a
/// spirograph medallion.
/// </summary>
internal sealed record StateGuilloche(
    double NetSpacing,
    double NetAmplitude,
    double NetWavelength,
    double NetPhaseStep,
    double NetModulation,
    int RosetteLobes,
    double RosetteAmplitude,
    double RosetteSpacing,
    double RosettePhaseStep,
    double RosetteTwist,
    int SpiroBig,
    int SpiroSmall,
    double SpiroPen);

/// <summary>The fictitious person a specimen is personalised for.</summary>
internal sealed record SpecimenHolder(
    string Surname,
    string GivenNames,
    string Nationality,
    DateOnly Birth,
    char Sex,
    string PlaceOfBirth,
    string PersonalNumber);

/// <summary>The three fictitious states of the demo library. ICAO reserves UTO and the XX? codes for such use.</summary>
internal static class SpecimenStates
{
    public static SpecimenState Utopia { get; } = new(
        Code: "UTO",
        Name: "REPUBLIC OF UTOPIA",
        NameSecond: "RÉPUBLIQUE D'UTOPIE",
        Nationality: "UTOPIAN",
        Initial: "U",
        MicroWord: "UTOPIA",
        MicroError: "UTOPLA",
        HiddenNumber: "7741",
        Paper: Rgb.Hex(0xF4F6EE),
        Primary: Rgb.Hex(0x2F8C76),
        Secondary: Rgb.Hex(0xC46A86),
        Text: Rgb.Hex(0x1D4A40),
        UvSeal: Rgb.Hex(0x7CFFB2),
        Guilloche: new StateGuilloche(
            NetSpacing: 9, NetAmplitude: 34, NetWavelength: 260, NetPhaseStep: 0.21, NetModulation: 0.35,
            RosetteLobes: 18, RosetteAmplitude: 22, RosetteSpacing: 7, RosettePhaseStep: 0.16, RosetteTwist: 0,
            SpiroBig: 96, SpiroSmall: 35, SpiroPen: 52),
        Seed: 0x5554_4F01);

    public static SpecimenState Xxa { get; } = new(
        Code: "XXA",
        Name: "FEDERATION OF XXA",
        NameSecond: "FÉDÉRATION DE XXA",
        Nationality: "XXAN",
        Initial: "A",
        MicroWord: "XXAFED",
        MicroError: "XXAFEO",
        HiddenNumber: "2306",
        Paper: Rgb.Hex(0xF8F0E4),
        Primary: Rgb.Hex(0xB4572F),
        Secondary: Rgb.Hex(0x6F7F2A),
        Text: Rgb.Hex(0x5A2614),
        UvSeal: Rgb.Hex(0xFFD34D),
        Guilloche: new StateGuilloche(
            NetSpacing: 9, NetAmplitude: 24, NetWavelength: 170, NetPhaseStep: 0.35, NetModulation: 0.5,
            RosetteLobes: 12, RosetteAmplitude: 26, RosetteSpacing: 8, RosettePhaseStep: 0.22, RosetteTwist: 0.0012,
            SpiroBig: 84, SpiroSmall: 31, SpiroPen: 60),
        Seed: 0x5858_4102);

    public static SpecimenState Xxb { get; } = new(
        Code: "XXB",
        Name: "COMMONWEALTH OF XXB",
        NameSecond: "COMMUNAUTÉ DE XXB",
        Nationality: "XXBIAN",
        Initial: "B",
        MicroWord: "XXBCOM",
        MicroError: "XXBC0M",
        HiddenNumber: "5190",
        Paper: Rgb.Hex(0xEEF2F9),
        Primary: Rgb.Hex(0x3A4FA6),
        Secondary: Rgb.Hex(0x2D93B3),
        Text: Rgb.Hex(0x1B2660),
        UvSeal: Rgb.Hex(0xFF8AD8),
        Guilloche: new StateGuilloche(
            NetSpacing: 10, NetAmplitude: 46, NetWavelength: 340, NetPhaseStep: 0.14, NetModulation: 0.2,
            RosetteLobes: 24, RosetteAmplitude: 16, RosetteSpacing: 6, RosettePhaseStep: 0.11, RosetteTwist: -0.0015,
            SpiroBig: 100, SpiroSmall: 41, SpiroPen: 45),
        Seed: 0x5858_4203);
}
