namespace DescPortal.Core.ReferenceLibrary;

/// <summary>
/// Who is acting on the reference library. The Web builds it from the signed-in user: examiners who edit the
/// library are <see cref="LibraryRole.LibraryEditor"/>; an issuing authority's users carry its ICAO country code.
/// The decider checks the role and the country, as the last line behind the pages that hide what a user may not do.
/// </summary>
public sealed record LibraryActor(string Id, string Name, LibraryRole Role, string? Country)
{
    public static LibraryActor Editor(string id, string name) => new(id, name, LibraryRole.LibraryEditor, Country: null);

    public static LibraryActor Authority(string id, string name, string country) =>
        new(id, name, LibraryRole.IssuingAuthority, country);
}
