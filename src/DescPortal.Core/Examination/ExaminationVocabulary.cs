using System.Text.Json.Serialization;

namespace DescPortal.Core.Examination;

// Codes of the examination workspace. As in Vocabulary.cs, member names ARE the stored codes: never rename one.

/// <summary>The kind of region an annotation marks on an evidence image (see <see cref="AnnotationShape"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShapeKind>))]
public enum ShapeKind
{
    Rectangle,
    Polygon,
    Point,
}

/// <summary>How the scale of an evidence image captured without a resolution was measured.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScaleCalibrationMethod>))]
public enum ScaleCalibrationMethod
{
    /// <summary>Two points a known distance apart (a ruler in the picture, a dimension of the document format).</summary>
    KnownDistance,

    /// <summary>Two characters of the MRZ a counted number of character pitches apart (ICAO 9303: 2.54 mm per pitch).</summary>
    MrzCharacterPitch,
}
