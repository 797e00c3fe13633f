using System.Text.Json.Serialization;
using DescPortal.Web.Components;
using DescPortal.Web.Features;
using DescPortal.Web.Infrastructure;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.Health;
using DescPortal.Web.Infrastructure.Http;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Jobs;
using DescPortal.Web.Infrastructure.KeyRing;
using DescPortal.Web.Infrastructure.Persistence;
using DescPortal.Web.Infrastructure.Reports;
using DescPortal.Web.Infrastructure.Settings;
using DescPortal.Web.Infrastructure.Telemetry;
using MudBlazor.Services;

// `DescPortal.Web verify`: check the custody of the whole store with the portal's settings, print, exit 0 or 1.
// `DescPortal.Web create-admin --email … --name …`: an administrator with a one-time link (AdministratorCommand).
var command = args is ["verify" or "create-admin", ..] ? args[0] : null;
var builder = WebApplication.CreateBuilder(command is null ? args : args[1..]);
// Needed to register the stores, so read and checked now; every other section is checked when the portal starts.
var connections = SettingsSetup.Read<ConnectionStringOptions>(builder.Configuration);
var (postgres, blobs) = (connections.Postgres!, connections.Blobs!);

// Structured logs: JSON lines in production, readable text while developing.
if (!builder.Environment.IsDevelopment())
    builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);

builder.AddDescTelemetry();
builder.Services.AddDescSettings(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddLocalization();
builder.Services.AddDescMarten(postgres);
builder.Services.AddDescIdentity(postgres, builder.Configuration);
builder.Services.AddDescDataProtection(postgres, builder.Configuration, builder.Environment);
builder.Services.AddDescJobs(postgres, builder.Configuration);
builder.Services.AddDescBlobs(blobs, builder.Configuration);
builder.Services.AddDescHealth(postgres);
builder.Services.AddDescReports(builder.Configuration);
builder.Services.AddHostedService<StartupTasks>();
builder.Services.AddProblemDetails();
builder.Services.AddDescOpenApi();
builder.Services.AddDescApiRateLimit(builder.Configuration);
builder.Services.AddDescSecurityHeaders(builder.Environment);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddFeatures(builder.Configuration);
DevelopmentData.AddIfPresent(builder);
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
if (command == "verify") return await StoreVerification.RunCommandAsync(app.Services, Console.Out, CancellationToken.None);
if (command == "create-admin")
    return await DescPortal.Web.Features.Admin.AdministratorCommand.RunCommandAsync(app.Services, app.Configuration, Console.Out, CancellationToken.None);

app.UseDescForwardedHeaders();
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseDescSecurityHeaders();
app.UseDescStorageOutage();
// Browser libraries from npm (see the project file), copied next to the app at build time: public files, served
// before authorization like the static assets below.
if (Directory.Exists(Path.Combine(AppContext.BaseDirectory, "vendor")))
{
    app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "vendor")),
        RequestPath = "/vendor",
    });
}
app.UseStatusCodePages(async ctx =>
{
    // API callers get problem details, never an HTML page.
    if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
        await Results.Problem(statusCode: ctx.HttpContext.Response.StatusCode).ExecuteAsync(ctx.HttpContext);
});
app.UseAuthentication();
app.UseAuthorization();
app.UseDescApiRateLimit();
app.UseAntiforgery();

// Stylesheets, scripts and images of the app and its packages (Blazor's framework files among them): public.
app.MapStaticAssets().AllowAnonymous();
app.MapDescHealth();
app.MapOpenApi().AllowAnonymous();
app.MapDescApiReference();
app.MapDescJobsDashboard();
app.MapFeatures();
// Blazor adds its own frame-ancestors 'self' policy; the portal's (SecurityHeaders) already says 'none'.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

app.Run();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
