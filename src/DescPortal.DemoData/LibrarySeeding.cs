using System.Security.Cryptography;
using System.Text;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.DemoData.Specimens;

namespace DescPortal.DemoData;

/// <summary>
/// First-start demo specimens (Development): created, imaged and described through the same commands an examiner
/// uses, submitted, and confirmed by the issuing authority where the demo wants a confirmed entry. Ids derive from
/// each specimen's key, and every step checks what is already there, so a restart completes what a crash left.
/// </summary>
public sealed class LibrarySeeding(LibraryCommands commands, IDocumentStore store)
{
    private static readonly UserScope Editor = new("demo-data", "Demo data", new HashSet<string> { Roles.Examiner }, null, null, false);

    // Which demo entries the issuing authority has confirmed; XXB is changed after its confirmation, the visa waits.
    private static readonly HashSet<string> Confirmed = ["UTO-P-2007", "UTO-I-2007", "XXA-P-2021", "XXB-P-2019"];
    private const string ChangedAfterConfirmation = "XXB-P-2019";

    public static Guid IdOf(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes("desc-demo:" + key)).AsSpan(0, 16));

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var demo in DemoSpecimens.All)
            await SeedAsync(demo, ct);
    }

    private async Task SeedAsync(DemoSpecimen demo, CancellationToken ct)
    {
        var id = IdOf(demo.Key);
        var features = demo.Features.ToList();
        var late = demo.Key == ChangedAfterConfirmation ? features[^1] : null;
        if (late is not null) features.RemoveAt(features.Count - 1);

        var details = new SpecimenDetails(Enum.Parse<DocumentType>(demo.DocumentType), demo.Series, demo.IssuedFrom, demo.IssuedTo,
            Enum.Parse<DocumentFormat>(demo.Format), demo.Description,
            demo.Images.Select(i => Enum.Parse<DocumentArea>(i.Area)).Distinct().ToList());
        await commands.CreateAsync(Editor, id, demo.IssuingState, details, ct);

        var stored = (await LoadAsync(id, ct)).Specimen;
        // Rendering and verifying an image costs a fraction of a second: a restart skips those already stored.
        foreach (var image in demo.Images.Where(i => stored.FindImage(IdOf(demo.Key + "/" + i.Key)) is null))
        {
            using var bytes = new MemoryStream(image.Render(), writable: false);
            await commands.AddImageAsync(Editor, id, IdOf(demo.Key + "/" + image.Key), bytes, Enum.Parse<DocumentArea>(image.Area),
                Enum.Parse<LightSource>(image.LightSource), image.Dpi, WavelengthOf(image.LightSource), "DescPortal specimen generator", null, ct);
        }
        for (var i = 0; i < features.Count; i++)
            await commands.AddFeatureAsync(Editor, id, FeatureOf(demo, features[i], i), ct);

        var entry = await LoadAsync(id, ct);
        if (entry.Status == SpecimenStatus.Draft)
            await commands.SubmitForConfirmationAsync(Editor, id, ct);

        if (Confirmed.Contains(demo.Key) && entry.Specimen.Confirmations.Count == 0)
        {
            var authority = new UserScope("demo-authority-" + demo.IssuingState, $"Issuing authority of {demo.IssuingState}",
                new HashSet<string> { Roles.IssuingAuthority }, null, demo.IssuingState, false);
            await commands.ConfirmAsync(authority, id, (await LoadAsync(id, ct)).ContentVersion, ct);
        }
        if (late is not null)
            await commands.AddFeatureAsync(Editor, id, FeatureOf(demo, late, demo.Features.Count - 1), ct);
    }

    private static SecurityFeature FeatureOf(DemoSpecimen demo, DemoFeature f, int index) => new(
        IdOf($"{demo.Key}/feature/{index}"),
        Enum.Parse<SecurityFeatureCategory>(f.Category),
        f.Type,
        f.LightSources.Select(Enum.Parse<LightSource>).ToList(),
        f.InspectionLevel,
        f.Description,
        f.Locations.Select(l => new FeatureLocation(IdOf(demo.Key + "/" + l.ImageKey), l.X, l.Y, l.Width, l.Height)).ToList());

    private static int? WavelengthOf(string light) => light switch { "UV365" => 365, "IR" => 850, _ => null };

    private async Task<LibraryEntry> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<LibraryEntry>(id, ct) ?? throw new InvalidOperationException($"Specimen {id} was not created.");
    }
}
