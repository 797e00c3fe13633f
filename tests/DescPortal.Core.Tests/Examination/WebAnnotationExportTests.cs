using System.Text.Json;
using DescPortal.Core.Examination;
using static DescPortal.Core.Tests.Examination.ExaminationSamples;

namespace DescPortal.Core.Tests.Examination;

// The W3C Web Annotation collection of a case, read back as JSON the way another tool would read it.
public class WebAnnotationExportTests
{
    private const string Base = "https://desc.example.org";
    private const string Hostile = "Edge lifted <script>alert(\"x\")</script> & 'quoted' \\ back\nslash </svg>";

    private static CaseHistory Annotated() => CaseHistory.InExamination()
        .Then((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 0, PassportSpecimen(), Examiner, Now))
        .Then((c, e) => ExaminationDecider.AddAnnotation(c, e, new Annotation(AnnotationId(1), PassportWhite,
            AnnotationShape.Rectangle(10, 20, 300, 400), new FeatureReference(SpecimenId, Guilloche), Finding.Altered, Hostile), Examiner, Now))
        .Then((c, e) => ExaminationDecider.AddAnnotation(c, e, new Annotation(AnnotationId(2), PassportUv,
            AnnotationShape.Polygon(new(100, 200), new(400, 200), new(250, 500)), null, Finding.Absent, null), Examiner, Now.AddMinutes(1)))
        .Then((c, e) => ExaminationDecider.AddAnnotation(c, e, new Annotation(AnnotationId(3), CardWhite,
            AnnotationShape.Point(5, 6), null, Finding.NotAssessable, "Dust"), Examiner, Now.AddMinutes(2)))
        .Then((c, e) => ExaminationDecider.AddAnnotation(c, e, new Annotation(AnnotationId(4), CardWhite,
            AnnotationShape.Point(7, 8), null, Finding.Consistent, "Drawn by mistake"), Examiner, Now.AddMinutes(3)))
        .Then((c, e) => ExaminationDecider.RemoveAnnotation(c, e, AnnotationId(4), Examiner, Now.AddMinutes(4)));

    private static JsonElement Export(string baseUrl = Base)
    {
        var history = Annotated();
        var json = WebAnnotationExport.ToJson(history.Case, history.Examination, baseUrl).ToJsonString();
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static JsonElement Item(JsonElement collection, int index) =>
        collection.GetProperty("first").GetProperty("items")[index];

    private static string Text(JsonElement e, string property) => e.GetProperty(property).GetString()!;

    [Fact]
    public void TheCollectionIsAW3CAnnotationCollectionWithOnePageOfAnnotations()
    {
        var collection = Export();

        Assert.Equal("http://www.w3.org/ns/anno.jsonld", Text(collection, "@context"));
        Assert.Equal("AnnotationCollection", Text(collection, "type"));
        Assert.Equal($"{Base}/cases/{CaseId}/annotations", Text(collection, "id"));
        Assert.Equal($"Annotations of {Reference}", Text(collection, "label"));
        Assert.Equal(3, collection.GetProperty("total").GetInt32());
        var page = collection.GetProperty("first");
        Assert.Equal("AnnotationPage", Text(page, "type"));
        Assert.Equal(0, page.GetProperty("startIndex").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal("Annotation", Text(i, "type")));
        Assert.Equal(new[] { AnnotationId(1), AnnotationId(2), AnnotationId(3) }.Select(id => $"{Base}/cases/{CaseId}/annotations/{id}"),
            items.Select(i => Text(i, "id")));
        Assert.Equal("2026-11-27T09:01:00Z", Text(items[1], "created"));
        Assert.Equal(Examiner.Actor, Text(items[0].GetProperty("creator"), "name"));
    }

    [Fact]
    public void SelectorsSayExactlyWhereOnWhichImage()
    {
        var collection = Export();

        var rectangle = Item(collection, 0).GetProperty("target");
        Assert.Equal($"{Base}/evidence/{CaseId}/{PassportWhite}", Text(rectangle, "source"));
        Assert.Equal("FragmentSelector", Text(rectangle.GetProperty("selector"), "type"));
        Assert.Equal("http://www.w3.org/TR/media-frags/", Text(rectangle.GetProperty("selector"), "conformsTo"));
        Assert.Equal("xywh=pixel:10,20,300,400", Text(rectangle.GetProperty("selector"), "value"));

        var polygon = Item(collection, 1).GetProperty("target");
        Assert.Equal($"{Base}/evidence/{CaseId}/{PassportUv}", Text(polygon, "source"));
        Assert.Equal("SvgSelector", Text(polygon.GetProperty("selector"), "type"));
        Assert.Equal("<svg xmlns=\"http://www.w3.org/2000/svg\"><polygon points=\"100,200 400,200 250,500\"/></svg>",
            Text(polygon.GetProperty("selector"), "value"));

        var point = Item(collection, 2).GetProperty("target");
        Assert.Equal($"{Base}/evidence/{CaseId}/{CardWhite}", Text(point, "source"));
        Assert.Equal("xywh=pixel:5,6,1,1", Text(point.GetProperty("selector"), "value"));
    }

    [Fact]
    public void BodiesCarryTheNoteTheFindingAndTheFeature()
    {
        var bodies = Item(Export(), 0).GetProperty("body").EnumerateArray().ToList();

        Assert.Equal(3, bodies.Count);
        Assert.Equal(("TextualBody", "commenting", "text/plain"), (Text(bodies[0], "type"), Text(bodies[0], "purpose"), Text(bodies[0], "format")));
        Assert.Equal(("TextualBody", "classifying", "Altered"), (Text(bodies[1], "type"), Text(bodies[1], "purpose"), Text(bodies[1], "value")));
        Assert.Equal(("SpecificResource", "identifying"), (Text(bodies[2], "type"), Text(bodies[2], "purpose")));
        Assert.Equal($"{Base}/library/{SpecimenId}#feature-{Guilloche}", Text(bodies[2], "source"));

        // Without a note or a feature only the finding remains.
        var polygonBody = Assert.Single(Item(Export(), 1).GetProperty("body").EnumerateArray());
        Assert.Equal("Absent", Text(polygonBody, "value"));
    }

    [Fact]
    public void ANoteWithMarkupAndQuotesRoundTripsAsData()
    {
        var history = Annotated();
        var json = WebAnnotationExport.ToJson(history.Case, history.Examination, Base).ToJsonString();

        var note = Text(Item(JsonDocument.Parse(json).RootElement, 0).GetProperty("body")[0], "value");

        Assert.Equal(Hostile, note);
        // Escaped by the serializer, so the export can sit inside an HTML page too.
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://desc.example.org/")]
    [InlineData(" https://desc.example.org ")]
    public void ATrailingSlashOrSpaceInTheBaseUrlIsIgnored(string baseUrl)
    {
        Assert.Equal($"{Base}/cases/{CaseId}/annotations", Text(Export(baseUrl), "id"));
    }

    [Theory]
    [InlineData("desc.example.org")]
    [InlineData("ftp://desc.example.org")]
    [InlineData("https://desc.example.org/?x=1")]
    public void ABaseUrlThatIsNotAnAbsoluteHttpAddressIsAProgrammingError(string baseUrl)
    {
        var history = Annotated();

        Assert.Throws<ArgumentException>(() => WebAnnotationExport.ToJson(history.Case, history.Examination, baseUrl));
    }

    [Fact]
    public void ACaseWithoutAnnotationsIsAnEmptyCollection()
    {
        var history = CaseHistory.InExamination();

        var collection = JsonDocument.Parse(WebAnnotationExport.ToJson(history.Case, history.Examination, Base).ToJsonString()).RootElement;

        Assert.Equal(0, collection.GetProperty("total").GetInt32());
        Assert.Equal(0, collection.GetProperty("first").GetProperty("items").GetArrayLength());
    }
}
