using DescPortal.Core;
using Microsoft.AspNetCore.OpenApi;
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
            var schema = await NamedSchemaAsync<T>(context, ct);
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
            var schema = await NamedSchemaAsync<T>(context, ct);
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
            var json = await NamedSchemaAsync<T>(context, ct);
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
                                [jsonPart] = json,
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

    /// <summary>
    /// The schema of <typeparamref name="T"/> as a named component, and the objects it holds (a referral's bearer, its
    /// documents and images) as named components too: a generated client then has one type per part, named as ours,
    /// rather than types named after where they were met (Body, Images2).
    /// </summary>
    private static async Task<OpenApiSchemaReference> NamedSchemaAsync<T>(OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
        foreach (var property in typeof(T).GetProperties())
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var element = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
            if (!element.IsClass || element == typeof(string) || schema.Properties?.TryGetValue(name, out var found) != true || found is not OpenApiSchema part) continue;
            if (part.Items is OpenApiSchema item)
            {
                document.AddComponent(element.Name, item);
                part.Items = new OpenApiSchemaReference(element.Name, document);
            }
            else
            {
                document.AddComponent(element.Name, part);
                schema.Properties[name] = new OpenApiSchemaReference(element.Name, document);
            }
        }
        document.AddComponent(typeof(T).Name, schema);
        return new OpenApiSchemaReference(typeof(T).Name, document);
    }

    /// <summary>200 with the bytes of an image (JPEG, PNG or TIFF, as received).</summary>
    public static RouteHandlerBuilder ProducesImage(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<Stream>(StatusCodes.Status200OK, ImageTypes[0], ImageTypes[1..]);
}
