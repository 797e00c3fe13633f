using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Examination;

/// <summary>
/// A case's annotations as a W3C Web Annotation Data Model collection (https://www.w3.org/TR/annotation-model/),
/// for tools such as Annotorious or Mirador and for exchange with other centres. One embedded page holds every
/// annotation, in the order they were drawn.
/// <para>
/// Targets are the evidence images at <c>{baseUrl}/evidence/{caseId}/{imageId}</c> (the portal's evidence endpoint): rectangles and points as
/// media-fragment selectors (<c>xywh=pixel:x,y,w,h</c>; a point is its one pixel), polygons as SVG selectors whose
/// markup holds numbers only. Bodies: the note as a plain-text comment, the finding code as a classification, and
/// the security feature as a specific resource at <c>{baseUrl}/library/{specimenId}#feature-{featureId}</c> (the specimen page).
/// </para>
/// Every value written is a JSON value (System.Text.Json escapes it); no user text is ever spliced into markup or JSON.
/// </summary>
public static class WebAnnotationExport
{
    public const string Context = "http://www.w3.org/ns/anno.jsonld";
    public const string MediaFragments = "http://www.w3.org/TR/media-frags/";

    /// <summary>The media type to serve the collection with (W3C Web Annotation Protocol §4).</summary>
    public const string ContentType = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

    /// <param name="baseUrl">The portal's absolute http(s) address, such as "https://desc.example.org"; a trailing slash is ignored.</param>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute http(s) address.</exception>
    public static JsonObject ToJson(Referral referral, CaseExamination examination, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(examination);
        var root = BaseUrl(baseUrl);
        var caseUrl = $"{root}/cases/{referral.Id}";

        var items = new JsonArray();
        foreach (var recorded in examination.Annotations)
        {
            items.Add(Annotation(recorded, caseUrl, root, $"{root}/evidence/{referral.Id}"));
        }
        return new JsonObject
        {
            ["@context"] = Context,
            ["id"] = $"{caseUrl}/annotations",
            ["type"] = "AnnotationCollection",
            ["label"] = $"Annotations of {referral.Reference}",
            ["total"] = examination.Annotations.Count,
            ["first"] = new JsonObject
            {
                ["id"] = $"{caseUrl}/annotations?page=0",
                ["type"] = "AnnotationPage",
                ["startIndex"] = 0,
                ["items"] = items,
            },
        };
    }

    private static JsonObject Annotation(RecordedAnnotation recorded, string caseUrl, string root, string evidenceUrl)
    {
        var a = recorded.Annotation;
        var body = new JsonArray();
        if (a.Note is { } note)
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextualBody",
                ["purpose"] = "commenting",
                ["format"] = "text/plain",
                ["value"] = note,
            });
        }
        body.Add(new JsonObject
        {
            ["type"] = "TextualBody",
            ["purpose"] = "classifying",
            ["format"] = "text/plain",
            ["value"] = a.Finding.ToString(),
        });
        if (a.Feature is { } feature)
        {
            body.Add(new JsonObject
            {
                ["type"] = "SpecificResource",
                ["purpose"] = "identifying",
                ["source"] = $"{root}/library/{feature.SpecimenId}#feature-{feature.FeatureId}",
            });
        }
        return new JsonObject
        {
            ["id"] = $"{caseUrl}/annotations/{a.AnnotationId}",
            ["type"] = "Annotation",
            ["motivation"] = "assessing",
            ["creator"] = new JsonObject { ["type"] = "Person", ["name"] = recorded.CreatedBy },
            ["created"] = Timestamp(recorded.CreatedAt),
            ["modified"] = Timestamp(recorded.ChangedAt),
            ["body"] = body,
            ["target"] = new JsonObject
            {
                ["source"] = $"{evidenceUrl}/{a.EvidenceImageId}",
                ["selector"] = Selector(a.Shape),
            },
        };
    }

    private static JsonObject Selector(AnnotationShape shape)
    {
        if (shape.Kind == ShapeKind.Polygon)
        {
            // Only integers go into the markup: nothing from a user needs escaping.
            var points = new StringBuilder();
            foreach (var v in shape.Vertices)
            {
                points.Append(points.Length == 0 ? "" : " ")
                    .Append(v.X.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(v.Y.ToString(CultureInfo.InvariantCulture));
            }
            return new JsonObject
            {
                ["type"] = "SvgSelector",
                ["value"] = $"<svg xmlns=\"http://www.w3.org/2000/svg\"><polygon points=\"{points}\"/></svg>",
            };
        }
        var (x, y, w, h) = shape.Bounds;
        return new JsonObject
        {
            ["type"] = "FragmentSelector",
            ["conformsTo"] = MediaFragments,
            ["value"] = string.Create(CultureInfo.InvariantCulture, $"xywh=pixel:{x},{y},{w},{h}"),
        };
    }

    private static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string BaseUrl(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        if (!Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ArgumentException($"'{baseUrl}' is not an absolute http(s) address without query or fragment.", nameof(baseUrl));
        }
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
