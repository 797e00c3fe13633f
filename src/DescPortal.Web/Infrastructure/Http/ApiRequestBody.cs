using DescPortal.Core;
using Microsoft.OpenApi;

namespace DescPortal.Web.Infrastructure.Http;

/// <summary>
/// Describes an API endpoint's request body in the OpenAPI document, and nowhere else. <c>.Accepts(...)</c> describes
/// it too, but its metadata is also a routing rule: a request of another content type (a form, text, JSON sent to a
/// multipart endpoint) is answered 415 while the endpoint is being chosen, before authentication and authorization
/// run, so a caller without a key was told about content types instead of getting 401. Endpoints that need a key use
/// these instead and check the body's content type in their handler, which runs only once the key was accepted.
/// </summary>
public static class ApiRequestBody
{
    /// <summary>application/json, with the schema of <typeparamref name="T"/>.</summary>
    public static RouteHandlerBuilder DescribeJsonBody<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });

    /// <summary>Either application/json with the schema of <typeparamref name="T"/>, or the bytes of a file of <paramref name="binaryType"/>.</summary>
    public static RouteHandlerBuilder DescribeJsonOrBinaryBody<T>(this RouteHandlerBuilder endpoint, string binaryType) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = schema },
                    [binaryType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
        });

    /// <summary>The content types of the image files the API takes and serves (those <c>ImageContent</c> recognises).</summary>
    public static readonly string[] ImageTypes = [.. Enum.GetValues<ImageKind>().Select(ImageContent.ContentType)];

    /// <summary>
    /// multipart/form-data: one part <paramref name="jsonPart"/> holding <typeparamref name="T"/> as JSON (a named schema),
    /// and one image file part <paramref name="filePart"/> per file.
    /// </summary>
    public static RouteHandlerBuilder DescribeMultipartBody<T>(this RouteHandlerBuilder endpoint, string jsonPart, string filePart) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var json = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            context.Document!.AddComponent(typeof(T).Name, json);
            var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { jsonPart },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                [jsonPart] = new OpenApiSchemaReference(typeof(T).Name, context.Document),
                                [filePart] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = file },
                            },
                        },
                        Encoding = new Dictionary<string, OpenApiEncoding>
                        {
                            [jsonPart] = new() { ContentType = "application/json" },
                            [filePart] = new() { ContentType = string.Join(", ", ImageTypes) },
                        },
                    },
                },
            };
        });

    /// <summary>200 with the bytes of an image (JPEG, PNG or TIFF, as received).</summary>
    public static RouteHandlerBuilder ProducesImage(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<Stream>(StatusCodes.Status200OK, ImageTypes[0], ImageTypes[1..]);
}
