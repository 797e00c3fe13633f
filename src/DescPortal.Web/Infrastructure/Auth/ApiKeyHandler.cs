using System.Security.Claims;
using System.Text.Encodings.Web;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DescPortal.Web.Infrastructure.Auth;

/// <summary>Authenticates border systems by the X-Api-Key header; keys are looked up by their hash.</summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDocumentStore store,
    ApiKeyUses uses, IHostEnvironment environment)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
            return AuthenticateResult.NoResult();

        await using var session = store.QuerySession();
        var key = await session.LoadAsync<ApiKey>(ApiKey.Hash(values.ToString().Trim()), Context.RequestAborted);
        if (key is null || key.RevokedAt is not null)
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        // The development keys are in the README: whatever the database holds, only a Development portal takes them.
        if (key.Development && !environment.IsDevelopment())
        {
            Logger.LogWarning("Development API key {Fingerprint} refused outside Development", key.Fingerprint);
            return AuthenticateResult.Fail("Development keys are refused outside Development.");
        }

        await uses.RecordAsync(key.Id, Context.RequestAborted);
        // The key's label and fingerprint go with the agency: events name the key that acted, not only its agency.
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, ApiKeyDefaults.UserIdPrefix + key.Fingerprint),
                new Claim(ClaimTypes.Name, key.AgencyCode),
                new Claim(DescClaims.DisplayName, key.AgencyCode),
                new Claim(DescClaims.Agency, key.AgencyCode),
                new Claim(DescClaims.KeyLabel, key.Label),
            ], ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(statusCode: 401, title: "Unauthorized",
            detail: $"A valid {ApiKeyDefaults.Header} header is required.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: 403, title: "Forbidden").ExecuteAsync(Context);
    }
}
