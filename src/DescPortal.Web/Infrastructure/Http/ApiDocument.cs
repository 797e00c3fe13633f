using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DescPortal.Web.Infrastructure.Persistence;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace DescPortal.Web.Infrastructure.Http;

/// <summary>A tag of the public API and what it groups, registered by the feature that names it.</summary>
public sealed record ApiTag(string Name, string Description);

/// <summary>
/// <c>/openapi/v1.json</c>: the contract of API v1 for border systems' integrators and their client generators, and
/// nothing else (the portal's own cookie endpoints are no part of it). Features describe their operations (name,
/// summary, responses) and register their tags; this adds what every operation shares.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string PathPrefix = "api/v1/";
    public const string SecurityScheme = "ApiKey";

    public static IServiceCollection AddDescOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(Name, o =>
        {
            // The public API only: integrators must not be offered the pages' endpoints.
            o.ShouldInclude = d => d.RelativePath?.StartsWith(PathPrefix, StringComparison.Ordinal) == true;
            o.AddDocumentTransformer(DescribeDocumentAsync);
            o.AddOperationTransformer(RequireKeyAsync);
            o.AddOperationTransformer(DescribePathIdsAsync);
            o.AddSchemaTransformer(DescribeSchemaAsync);
        });

    /// <summary>Describes tag <paramref name="name"/> (an operation's <c>WithTags</c>) in the document.</summary>
    public static IServiceCollection AddApiTag(this IServiceCollection services, string name, string description) =>
        services.AddSingleton(new ApiTag(name, description));

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var portal = context.ApplicationServices.GetRequiredService<IOptions<PortalOptions>>().Value;
        var publicUrl = portal.PublicUrl.TrimEnd('/');
        document.Info = new OpenApiInfo
        {
            Title = "DescPortal API",
            Version = "v1",
            Description = "API v1 for border inspection systems: submit referrals of questioned documents with their images, "
                + "follow them, answer requests for more material, fetch the expert report, check an MRZ, read the reference "
                + "library, and verify a report. Each agency's system sends its own key in the `X-Api-Key` header. "
                + "Problems are RFC 9457 problem details in English, with the stable `code` (one refusal) or `codes` "
                + "(field to codes, on a 400) that a system acts on.",
            Contact = new OpenApiContact { Name = "The document examination support centre of this installation", Url = new Uri(publicUrl + "/") },
            // The API is the centre's own, offered to the agencies it serves; no public licence applies.
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
        };
        // The installation's public address (Portal:PublicUrl), not whatever host the document was fetched through.
        document.Servers = [new OpenApiServer { Url = publicUrl, Description = "This installation" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.Header,
            Description = "The agency's API key, issued by an administrator of the centre.",
        };

        var described = context.ApplicationServices.GetServices<ApiTag>().ToDictionary(t => t.Name, t => t.Description);
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in document.Tags)
        {
            if (described.TryGetValue(tag.Name ?? "", out var description)) tag.Description = description;
        }
        SayNullableReferencesPlainly(document);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Said so that generators read it as meant (NSwag made an empty class "Sex2" that cannot hold "F", and read the
    /// shared codes as numbers). The shared codes' enums say they are strings (and null, when a value is). A nullable
    /// property of a named type comes out as <c>oneOf: [{type: null}, {$ref}]</c>: a reference to an enum, whose
    /// values already include null, becomes a plain <c>$ref</c>; an object keeps the <c>oneOf</c>, its reference first.
    /// </summary>
    private static void SayNullableReferencesPlainly(OpenApiDocument document)
    {
        static bool IsNull(System.Text.Json.Nodes.JsonNode? value) => value is null || value.GetValueKind() == JsonValueKind.Null;
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var codes in schemas.Values.OfType<OpenApiSchema>().Where(s => s is { Type: null, Enum.Count: > 0 }))
        {
            codes.Type = JsonSchemaType.String | (codes.Enum!.Any(IsNull) ? JsonSchemaType.Null : 0);
        }
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            foreach (var (name, property) in schema.Properties?.ToList() ?? [])
            {
                if (property is not OpenApiSchema { OneOf: [var first, var second] } choice) continue;
                var (reference, nothing) = first is OpenApiSchemaReference r ? (r, second) : (second as OpenApiSchemaReference, first);
                if (reference is null || nothing is not OpenApiSchema { Type: JsonSchemaType.Null }) continue;
                if (schemas.TryGetValue(reference.Reference.Id ?? "", out var target) && target.Enum is { Count: > 0 } values && values.Any(IsNull))
                    schema.Properties![name] = reference;
                else
                    choice.OneOf = [reference, nothing];
            }
        }
    }

    /// <summary>
    /// An operation whose authorization policy authenticates with the API key requires the key (security requirement),
    /// answers 401 without it and 429 (with Retry-After) past the key's requests a minute (<see cref="ApiRateLimit"/>);
    /// read from the endpoint's metadata, so a new endpoint is described as it is mapped.
    /// </summary>
    private static async Task RequireKeyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            // Said explicitly: anyone may call it, with no key.
            operation.Security = [];
            return;
        }
        var policies = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>());
        if (policy is null || !policy.AuthenticationSchemes.Contains(ApiKeyDefaults.Scheme)) return;

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, context.Document)] = [] }];
        operation.Responses ??= new OpenApiResponses();
        operation.Responses["401"] = await ProblemResponseAsync(context, $"No valid {ApiKeyDefaults.Header} header.", ct);
        var limit = context.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
        var tooMany = await ProblemResponseAsync(context,
            $"More than the key's {limit} requests a minute (`Api:RequestsPerMinute`); `code` is `{ApiProblems.Request.RateLimited}`.", ct);
        tooMany.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before the next request.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            },
        };
        operation.Responses["429"] = tooMany;
    }

    /// <summary>
    /// Each id in a path says what it is the id of, from the segment before it: <c>referrals/{id}</c> is a referral's,
    /// <c>evidence/{evidenceId}</c> an evidence image's (ids come from the portal's answers, never made up by a client).
    /// </summary>
    private static Task DescribePathIdsAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var segments = (context.Description.RelativePath ?? "").Split('/');
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path) ?? [])
        {
            var at = Array.FindIndex(segments, s => s.StartsWith("{" + parameter.Name, StringComparison.Ordinal));
            var of = at > 0 ? segments[at - 1] : "";
            parameter.Description ??= of switch
            {
                "referrals" => "The referral's id, as the submission answered it (`id`).",
                "evidence" => "The id of one of the referral's evidence images (`evidence[].id` of the referral).",
                "specimens" => "The specimen's id (`items[].id` of the specimen list).",
                "images" => "The id of one of the specimen's images (`images[].id` of the specimen).",
                _ => throw new InvalidOperationException($"{context.Description.RelativePath}: say what path parameter '{parameter.Name}' is."),
            };
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Numbers are described as numbers: the web JSON defaults also read "42" for 42, a tolerance of the server that
    /// clients should not be generated for. Problem details carry the codes a border system acts on (<see cref="ApiProblems"/>).
    /// </summary>
    private static Task DescribeSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        var problemType = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is null && typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(problemType))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            if (problemType == typeof(HttpValidationProblemDetails))
            {
                schema.Properties["codes"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "The codes of the errors, by field (the same keys as `errors`): stable, never reworded.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                };
            }
            else
            {
                schema.Properties["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The code of the refusal, when the API gives one: stable, never reworded.",
                };
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// An example of the operation's JSON answer with <paramref name="status"/>, serialized with the API's own JSON
    /// options so that it is what the API writes (redocly checks it against the schema).
    /// </summary>
    public static RouteHandlerBuilder WithResponseExample<T>(this RouteHandlerBuilder endpoint, int status, T example) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, ct) =>
        {
            var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var key = status.ToString(CultureInfo.InvariantCulture);
            IOpenApiResponse? response = null;
            OpenApiMediaType? content = null;
            if (operation.Responses?.TryGetValue(key, out response) != true || response!.Content?.TryGetValue("application/json", out content) != true)
                throw new InvalidOperationException($"{context.Description.RelativePath}: no JSON answer {key} to give an example of.");
            content!.Example = JsonSerializer.SerializeToNode(example, json);
            return Task.CompletedTask;
        });

    /// <summary>
    /// Describes query parameter <paramref name="name"/>: what it is, the codes it takes, its range. The handlers take
    /// codes as strings (a wrong one is a 400 with its code, not a failed binding), so the document says what is valid.
    /// </summary>
    public static RouteHandlerBuilder DescribeQuery(this RouteHandlerBuilder endpoint, string name, string description,
        IEnumerable<string>? codes = null, int? minimum = null, int? maximum = null) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, ct) =>
        {
            var parameter = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == name && p.In == ParameterLocation.Query)
                ?? throw new InvalidOperationException($"{context.Description.RelativePath} has no query parameter '{name}'.");
            parameter.Description = description;
            if (parameter.Schema is OpenApiSchema schema)
            {
                if (codes is not null) schema.Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c))];
                schema.Minimum = minimum?.ToString(CultureInfo.InvariantCulture);
                schema.Maximum = maximum?.ToString(CultureInfo.InvariantCulture);
            }
            return Task.CompletedTask;
        });

    /// <summary>A query parameter that takes one of the shared codes of <typeparamref name="TEnum"/>: the code list is the
    /// named enum schema that the answers use too, so a generated client has one type for it.</summary>
    public static RouteHandlerBuilder DescribeQuery<TEnum>(this RouteHandlerBuilder endpoint, string name, string description)
        where TEnum : struct, Enum =>
        endpoint.DescribeQuery(name, description).AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var parameter = operation.Parameters!.OfType<OpenApiParameter>().Single(p => p.Name == name && p.In == ParameterLocation.Query);
            context.Document!.AddComponent(typeof(TEnum).Name, await context.GetOrCreateSchemaAsync(typeof(TEnum), null, ct));
            parameter.Schema = new OpenApiSchemaReference(typeof(TEnum).Name, context.Document);
        });

    /// <summary>An optional request header the handler reads itself (so the document would not know it), with its rules.</summary>
    public static RouteHandlerBuilder DescribeHeader(this RouteHandlerBuilder endpoint, string name, string description,
        int? maxLength = null, string? pattern = null) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, ct) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = false,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = maxLength, Pattern = pattern },
            });
            return Task.CompletedTask;
        });

    /// <summary>
    /// Says what answer <paramref name="status"/> (declared with <c>Produces</c>/<c>ProducesProblem</c>) means for this
    /// operation, with the code it carries: the status's name alone ("Conflict") tells an integrator nothing.
    /// </summary>
    public static RouteHandlerBuilder DescribeResponse(this RouteHandlerBuilder endpoint, int status, string description) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, ct) =>
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses?.TryGetValue(key, out var response) != true || response is not OpenApiResponse answer)
                throw new InvalidOperationException($"{context.Description.RelativePath} declares no answer {key} to describe.");
            answer.Description = description;
            return Task.CompletedTask;
        });

    /// <summary><c>page</c> and <c>pageSize</c> of a list read a page at a time (<see cref="Paging"/>).</summary>
    public static RouteHandlerBuilder DescribePaging(this RouteHandlerBuilder endpoint) => endpoint
        .DescribeQuery("page", "The page, from 1; 1 when left out.", minimum: 1)
        .DescribeQuery("pageSize", $"Items a page, 1 to {Paging.MaxPageSize}; 20 when left out.", minimum: 1, maximum: Paging.MaxPageSize);

    /// <summary>A response of problem details (application/problem+json), for operation transformers.</summary>
    public static async Task<OpenApiResponse> ProblemResponseAsync(OpenApiOperationTransformerContext context, string description, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), null, ct);
        context.Document!.AddComponent("ProblemDetails", schema);
        return new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        };
    }
}
