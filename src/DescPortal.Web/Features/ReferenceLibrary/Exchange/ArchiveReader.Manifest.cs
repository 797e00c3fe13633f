using System.Globalization;
using System.IO.Compression;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

// Manifest: every specimen and image it names, against the archive's entries; nothing in the archive that it does not name.
internal sealed partial class ArchiveReader
{
    private List<(ManifestSpecimen Specimen, ManifestImage Image)> CheckManifest(
        ArchiveManifest manifest, Dictionary<string, ZipArchiveEntry> entries, List<string> problems)
    {
        var images = new List<(ManifestSpecimen, ManifestImage)>();
        if (manifest.Specimens.Count == 0) problems.Add("The archive holds no specimens.");
        if (manifest.Specimens.Count > limits.MaxSpecimens)
            problems.Add($"The archive holds {manifest.Specimens.Count} specimens, over the limit of {limits.MaxSpecimens}.");
        var ids = new HashSet<Guid>();
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var specimen in manifest.Specimens)
        {
            if (specimen.OriginalId == Guid.Empty || !ids.Add(specimen.OriginalId))
                problems.Add($"The archive holds {Shown(specimen.Name)} without an id, or under an id used twice.");
            foreach (var image in specimen.Images)
            {
                var label = $"The image '{Shown(image.Path)}' of {Shown(specimen.Name)}";
                if (PathProblem(image.Path) is { } problem || image.Path.EndsWith('/') || ArchiveFormat.FixedEntries.Contains(image.Path))
                {
                    problems.Add($"{label}: the path {PathProblem(image.Path) ?? "is not an image's"}; nothing was imported.");
                    continue;
                }
                if (!paths.Add(image.Path))
                {
                    problems.Add($"{label} is named twice in the manifest.");
                    continue;
                }
                if (!IsSha256(image.Sha256))
                    problems.Add($"{label} has no valid SHA-256 in the manifest.");
                if (!entries.TryGetValue(image.Path, out var entry))
                {
                    problems.Add($"{label} is named by the manifest but missing from the archive.");
                    continue;
                }
                if (entry.Length != image.SizeBytes)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{label} holds {entry.Length} bytes, but the manifest says {image.SizeBytes}."));
                    continue;
                }
                images.Add((specimen, image));
            }
        }
        foreach (var name in entries.Keys.Where(n => !ArchiveFormat.FixedEntries.Contains(n) && !paths.Contains(n)))
            problems.Add($"The archive entry '{Shown(name)}' is not named by the manifest; nothing was imported.");
        return images;
    }

    private static bool HasNullMembers(ArchiveManifest m) =>
        m.Specimens.Any(s => s is null
            || s.Areas is null || s.Images.Any(i => i is null) || s.Features.Any(f => f is null || f.Lights is null || f.Locations.Any(l => l is null))
            || s.Confirmations.Any(c => c is null) || (s.Provenance?.Any(o => o is null) ?? false));

    private static bool IsSha256(string? s) =>
        s is { Length: 64 } && s.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
