using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>Reads an enum column stored the way the model stores it (by name or by number), without per-row reflection.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class EnumColumn<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> byText = new(StringComparer.Ordinal);
    private readonly (byte[] Text, TEnum Value)[] utf8;

    /// <summary>Reads the model's conversion of <typeparamref name="TEnum"/> from <paramref name="property"/>.</summary>
    public EnumColumn(IProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var converter = property.GetTypeMapping().Converter;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (converter?.ConvertToProvider(value) is string text)
            {
                byText[text] = value;
            }
        }

        utf8 = [.. byText.Select(p => (System.Text.Encoding.UTF8.GetBytes(p.Key), p.Value))];
    }

    /// <summary>The value at <paramref name="column"/> of a SQLite statement's current row.</summary>
    public TEnum Read(SqliteStatement statement, int column)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return utf8.Length == 0 ? (TEnum)Enum.ToObject(typeof(TEnum), statement.Int64(column)) : Read(statement.Utf8(column));
    }

    /// <summary>The value stored as <paramref name="text"/> (UTF-8: the name, or the number when the model stores numbers).</summary>
    public TEnum Read(ReadOnlySpan<byte> text)
    {
        if (utf8.Length == 0)
        {
            return System.Buffers.Text.Utf8Parser.TryParse(text, out long number, out var consumed) && consumed == text.Length
                ? (TEnum)Enum.ToObject(typeof(TEnum), number)
                : throw new InvalidOperationException($"'{System.Text.Encoding.UTF8.GetString(text)}' is not a stored {typeof(TEnum).Name}.");
        }

        foreach (var (bytes, value) in utf8)
        {
            if (text.SequenceEqual(bytes))
            {
                return value;
            }
        }

        throw new InvalidOperationException($"'{System.Text.Encoding.UTF8.GetString(text)}' is not a stored {typeof(TEnum).Name}.");
    }

    /// <summary>The value at <paramref name="ordinal"/>.</summary>
    public TEnum Read(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (byText.Count == 0)
        {
            return (TEnum)Enum.ToObject(typeof(TEnum), reader.GetInt32(ordinal));
        }

        var text = reader.GetString(ordinal);
        return byText.TryGetValue(text, out var value)
            ? value
            : throw new InvalidOperationException($"'{text}' is not a stored {typeof(TEnum).Name}.");
    }
}
