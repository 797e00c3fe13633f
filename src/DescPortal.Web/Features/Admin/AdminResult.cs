using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.Admin;

/// <summary>
/// What an admin command refused, by form field, in the user's language. The key <see cref="Form"/> is for a
/// problem that belongs to no single field. An empty set means the command succeeded.
/// </summary>
public sealed class FieldErrors
{
    public const string Form = "";

    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string> All => _errors;

    /// <summary>The message for a field, or null: what a MudBlazor field's ErrorText wants.</summary>
    public string? this[string field] => _errors.GetValueOrDefault(field);

    /// <summary>Adds a message; a second one for the same field is appended, so Identity's password rules all show.</summary>
    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) && existing != message ? existing + " " + message : message;

    public bool Remove(string field) => _errors.Remove(field);

    public void Clear() => _errors.Clear();
}

/// <summary>The outcome of an admin command: a value, or the errors that refused it.</summary>
public sealed record AdminResult<T>(T? Value, FieldErrors Errors)
{
    public bool Succeeded => !Errors.Any;
}

public static class AdminResult
{
    public static AdminResult<T> Ok<T>(T value) => new(value, new FieldErrors());

    public static AdminResult<T> Refused<T>(FieldErrors errors) => new(default, errors);

    public static AdminResult<T> Refused<T>(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new(default, errors);
    }
}

/// <summary>Every admin handler checks the caller itself: the page's [Authorize] is not the only gate.</summary>
public static class AdminGuard
{
    public static void Demand(UserScope actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.ViaApiKey || !actor.IsIn(Roles.Admin))
            throw new UnauthorizedAccessException("Only an administrator can manage users and agencies.");
    }
}
