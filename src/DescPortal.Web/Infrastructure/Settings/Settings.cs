using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using DescPortal.Web.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace DescPortal.Web.Infrastructure.Settings;

/// <summary>
/// Configuration sections as classes: each has a <c>public const string Section</c> and validation attributes (or
/// <see cref="IValidatableObject"/>); <see cref="AddSettings{T}"/> binds it, validates it when the portal starts
/// (<c>ValidateOnStart</c>) and makes both <c>IOptions&lt;T&gt;</c> and <c>T</c> injectable. A bad value stops the
/// portal with a sentence that names the key and the value ("Verification:PerMinute must be between 1 and 10000; it
/// is -3"). README's settings table lists every key with its default (a test holds it to that).
/// </summary>
public static class SettingsSetup
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration config) where T : class
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = SectionOf(typeof(T));
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>().Bind(config.GetSection(section)).ValidateOnStart();
    }

    /// <summary>
    /// The section bound and checked at once, for what registration itself needs (connection strings, the key ring's
    /// certificate); throws <see cref="OptionsValidationException"/> naming the keys. Register it with
    /// <see cref="AddSettings{T}"/> as well, for the services that inject it.
    /// </summary>
    public static T Read<T>(IConfiguration config) where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = SectionOf(typeof(T));
        var value = config.GetSection(section).Get<T>() ?? new T();
        var result = new SettingsValidator<T>(section).Validate(Options.DefaultName, value);
        if (result.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures);
        return value;
    }

    /// <summary>The value of <paramref name="settings"/>' <c>public const string Section</c>.</summary>
    public static string SectionOf(Type settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
               && field.GetRawConstantValue() is string name
            ? name
            : throw new InvalidOperationException($"{settings.Name} has no public const string Section naming its configuration section.");
    }
}

/// <summary>Checks a section's validation attributes and <see cref="IValidatableObject"/>, saying each failure with the full key.</summary>
public sealed class SettingsValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attributes = property.GetCustomAttributes<ValidationAttribute>().ToList();
            if (attributes.Count == 0) continue;
            var key = $"{section}:{property.Name}";
            var value = property.GetValue(options);
            foreach (var attribute in attributes)
            {
                if (!attribute.IsValid(value)) failures.Add(Describe(key, attribute, value));
            }
        }
        if (options is IValidatableObject validatable)
        {
            // Their messages are whole sentences that name their keys already.
            failures.AddRange(validatable.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? $"{section} is not valid."));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(string key, ValidationAttribute attribute, object? value) => attribute switch
    {
        RequiredAttribute => $"{key} is required.",
        RangeAttribute range => string.Create(CultureInfo.InvariantCulture,
            $"{key} must be between {range.Minimum} and {range.Maximum}; it is {value}."),
        _ => $"{attribute.FormatErrorMessage(key)} It is '{value}'.",
    };
}

/// <summary>Configuration section <c>ConnectionStrings</c>: where the portal's data is.</summary>
public sealed class ConnectionStringOptions
{
    public const string Section = "ConnectionStrings";

    /// <summary><c>ConnectionStrings:Postgres</c>: the PostgreSQL database (Marten, Identity, Hangfire, the key ring).</summary>
    [Required]
    public string? Postgres { get; set; }

    /// <summary><c>ConnectionStrings:Blobs</c>: the blob storage account (Azurite while developing).</summary>
    [Required]
    public string? Blobs { get; set; }
}

/// <summary>The infrastructure's own sections; features register theirs (Features/FeatureSettings, their setups).</summary>
public static class InfrastructureSettings
{
    public static IServiceCollection AddDescSettings(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<ConnectionStringOptions>(config);
        services.AddSettings<PortalOptions>(config);
        services.AddDescForwardedHeaders(config);
        services.AddSettings<Blobs.StorageOptions>(config);
        return services;
    }
}
