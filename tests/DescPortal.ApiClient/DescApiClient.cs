using System.Text.Json;
using System.Text.Json.Serialization;

namespace DescPortal.ApiClient;

/// <summary>
/// What an integrator adds to NSwag's client by hand: the API's codes are strings everywhere, lists of codes included
/// (NSwag puts a string converter on single enum properties only).
/// </summary>
public partial class DescApiClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.Converters.Add(new JsonStringEnumConverter());
}
