using System.Collections.Concurrent;
using System.Globalization;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Kernel.Application;

/// <summary>
/// Whether an enum value is one of its type's members: a plain enum only its declared values, a <c>[Flags]</c>
/// enum only combinations of declared bits. A number cast to an enum (<c>(CreditCategory)999</c>) is not.
/// </summary>
public static class EnumMembers
{
    /// <summary>The field error code of a value outside its enum.</summary>
    public const string InvalidCode = "invalid_enum";

    private static readonly ConcurrentDictionary<Type, (bool Flags, ulong Mask)> Shapes = new();

    /// <summary>Whether <paramref name="value"/> is a member (or, for <c>[Flags]</c>, a combination of members) of its type.</summary>
    public static bool IsDefined(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        var (flags, mask) = Shapes.GetOrAdd(type, static t => (
            t.IsDefined(typeof(FlagsAttribute), inherit: false),
            Enum.GetValues(t).Cast<Enum>().Aggregate(0UL, (all, member) => all | Bits(member))));
        return flags ? (Bits(value) & ~mask) == 0 : Enum.IsDefined(type, value);
    }

    /// <summary>The field error for <paramref name="value"/> in <paramref name="field"/>, or null when it is defined.</summary>
    public static FieldError? Check(string field, Enum value) =>
        IsDefined(value) ? null : new FieldError(field, InvalidCode, Message(field, value.GetType(), Convert.ToString(value, CultureInfo.InvariantCulture)));

    /// <summary>The Chinese message naming <paramref name="field"/>, the refused value and the allowed names.</summary>
    public static string Message(string field, Type enumType, string? value)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        var names = string.Join("、", Enum.GetNames(Nullable.GetUnderlyingType(enumType) ?? enumType));
        var shown = string.IsNullOrEmpty(value) ? "" : $"“{(value.Length > 32 ? value[..32] + "…" : value)}”";
        return $"字段“{field}”的值{shown}不是允许的取值，可选：{names}。";
    }

    private static ulong Bits(Enum value) => Type.GetTypeCode(Enum.GetUnderlyingType(value.GetType())) switch
    {
        TypeCode.Byte or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 => Convert.ToUInt64(value, CultureInfo.InvariantCulture),
        _ => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture)),
    };
}
