using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DescPortal.Core.Custody;

/// <summary>
/// The custody chain of a stream (a case, a specimen): each event's SHA-256 covers the stream, the event's version,
/// its type, its data (which holds who did it and when: <c>Actor</c>, <c>At</c>) and the previous event's hash, so that
/// a changed, deleted or reordered event breaks the chain at that point.
/// <para>
/// The data is hashed in a canonical form, the same whether it comes from the object being appended or from the
/// stored JSON read back (keys sorted, numbers in one notation). A bearer's personal data (<see cref="PersonalDataAttribute"/>)
/// enters as <c>personal:sha256:&lt;SHA-256 of the stream's salt and the value&gt;</c>: erasure replaces the value by
/// <see cref="ErasedPrefix"/> and that digest and deletes the salt, and the chain still verifies.
/// </para>
/// </summary>
public static class CustodyChain
{
    /// <summary>The event header holding the event's hash (lower-case hex).</summary>
    public const string HashHeader = "custodyHash";

    /// <summary>The event header holding the previous event's hash; absent on a stream's first event.</summary>
    public const string PreviousHashHeader = "custodyPrevious";

    /// <summary>What an erased personal value is replaced by, followed by the digest it had.</summary>
    public const string ErasedPrefix = "erased:sha256:";

    private const string PersonalPrefix = "personal:sha256:";

    /// <summary>The hash of one event (lower-case hex).</summary>
    public static string Hash(Guid stream, long version, string type, string? previousHash, string canonicalData)
    {
        var text = string.Join('\n', "desc-custody-v1", stream.ToString("N"), version.ToString(CultureInfo.InvariantCulture), type,
            previousHash ?? "", canonicalData);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// The canonical data of an event of <paramref name="eventType"/> stored as <paramref name="json"/>: personal values
    /// replaced by their salted digests, keys sorted. Throws <see cref="MissingSaltException"/> when a personal value is
    /// present but the stream has no salt (it was erased, yet the value is there).
    /// </summary>
    public static string Canonical(string json, Type eventType, byte[]? salt)
    {
        var node = JsonNode.Parse(json);
        node = Personal(node, eventType, salt);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A new salt for a new stream.</summary>
    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(32);

    /// <summary>The digest that stands for a personal value in the chain.</summary>
    public static string Digest(byte[] salt, JsonNode? value)
    {
        var bytes = Encoding.UTF8.GetBytes(value?.ToJsonString() ?? "null");
        return Convert.ToHexStringLower(SHA256.HashData([.. salt, .. bytes]));
    }

    private static JsonNode? Personal(JsonNode? node, Type type, byte[]? salt)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is JsonArray array && ElementOf(type) is { } element)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var item = Personal(array[i], element, salt);
                if (!ReferenceEquals(item, array[i])) array[i] = item;
            }
            return array;
        }
        if (node is not JsonObject obj || !IsOurs(type)) return node;

        foreach (var property in PropertiesOf(type))
        {
            var key = obj.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            if (key is null) continue;
            if (property.IsDefined(typeof(PersonalDataAttribute)))
            {
                obj[key] = PersonalValue(obj[key], salt);
            }
            else
            {
                var child = obj[key];
                var replaced = Personal(child, property.PropertyType, salt);
                if (!ReferenceEquals(replaced, child)) obj[key] = replaced;
            }
        }
        return obj;
    }

    private static JsonValue PersonalValue(JsonNode? value, byte[]? salt)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(ErasedPrefix, StringComparison.Ordinal))
            return JsonValue.Create(PersonalPrefix + text[ErasedPrefix.Length..]);
        if (salt is null) throw new MissingSaltException();
        // Detached from its parent before it is replaced, so that the digest reads the value alone.
        return JsonValue.Create(PersonalPrefix + Digest(salt, value?.DeepClone()));
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    private static PropertyInfo[] PropertiesOf(Type type) =>
        Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance));

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("DescPortal.", StringComparison.Ordinal) == true && !type.IsEnum;

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                // PostgreSQL's jsonb may write a number in another notation than it was sent in (1E-05, 0.00001).
                var raw = value.ToJsonString();
                if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)) writer.WriteNumberValue(whole);
                else writer.WriteRawValue(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}

/// <summary>A personal value is stored, but the stream's salt is gone: the event cannot be checked.</summary>
public sealed class MissingSaltException() : Exception("A personal value is present but the stream has no salt.");
