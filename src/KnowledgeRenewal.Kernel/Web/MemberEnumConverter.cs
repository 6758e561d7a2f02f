using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeRenewal.Kernel.Application;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// Enums in JSON: written by name; read by name (case-insensitive, as the platform writes them) or by number — but
/// only a member of the enum (a <c>[Flags]</c> enum only combinations of its members). <c>"category": 999</c>,
/// <c>"999"</c> or an unknown name fail the read with <see cref="UndefinedEnumValueException"/>, which the
/// exception handler answers with a 400 naming the field. Registered once for every JSON body of the API.
/// </summary>
public sealed class MemberEnumConverterFactory : JsonConverterFactory
{
    private readonly JsonStringEnumConverter names = new();

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(MemberEnumConverter<>).MakeGenericType(typeToConvert), names.CreateConverter(typeToConvert, options));
}

/// <summary>Reads <typeparamref name="T"/> with the framework's name converter and refuses anything but its members.</summary>
internal sealed class MemberEnumConverter<T>(JsonConverter inner) : JsonConverter<T>
    where T : struct, Enum
{
    private readonly JsonConverter<T> inner = (JsonConverter<T>)inner;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var raw = Raw(ref reader);
        T value;
        try
        {
            value = inner.Read(ref reader, typeToConvert, options);
        }
        catch (JsonException)
        {
            throw new UndefinedEnumValueException(typeof(T), raw);
        }

        return EnumMembers.IsDefined(value) ? value : throw new UndefinedEnumValueException(typeof(T), raw);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var raw = Raw(ref reader);
        T value;
        try
        {
            value = inner.ReadAsPropertyName(ref reader, typeToConvert, options);
        }
        catch (JsonException)
        {
            throw new UndefinedEnumValueException(typeof(T), raw);
        }

        return EnumMembers.IsDefined(value) ? value : throw new UndefinedEnumValueException(typeof(T), raw);
    }

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.WriteAsPropertyName(writer, value, options);

    private static string? Raw(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String or JsonTokenType.PropertyName => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        _ => null,
    };
}

/// <summary>A JSON value that is not a member of its enum; the JSON reader adds the field's path.</summary>
internal sealed class UndefinedEnumValueException : JsonException
{
    /// <summary>Creates the error.</summary>
    public UndefinedEnumValueException(Type enumType, string? value)
        : base($"The value is not a member of {enumType.Name}.")
    {
        EnumType = enumType;
        Value = value;
    }

    /// <summary>The enum the field takes.</summary>
    public Type EnumType { get; }

    /// <summary>The value as sent (null when it was not a string or number).</summary>
    public string? Value { get; }
}
