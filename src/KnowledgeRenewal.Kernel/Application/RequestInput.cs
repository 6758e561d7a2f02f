using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Kernel.Application;

/// <summary>
/// Checks everything a request carries, whatever brought it (a JSON body, a form, a multipart upload, a page, a
/// query string): every string follows <see cref="FreeText"/> (multi-line where the property is marked
/// <c>[DataType(DataType.MultilineText)]</c>; the name of an uploaded file, marked <c>[DataType(DataType.Upload)]</c>,
/// is the client machine's and is cleaned where it is stored instead), every enum value is one of its members
/// (<see cref="EnumMembers"/>).
/// It walks the request's properties, its body objects and their lists; a body (an object property of the request
/// itself) is what the client sent, so its fields are named as the client named them (<c>title</c>, not
/// <c>input.title</c>); deeper fields by their path (<c>targets[0].name</c>).
/// </summary>
public static class RequestInput
{
    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Type, Member[]> MembersByType = new();

    /// <summary>Every field error of <paramref name="request"/> (empty when it is clean).</summary>
    public static IReadOnlyList<FieldError> Check(object? request)
    {
        var errors = new List<FieldError>();
        if (request is not null)
        {
            var walk = new Walk(errors);
            foreach (var member in MembersOf(request.GetType()))
            {
                var value = member.Read(request);
                var body = member.Kind == MemberKind.Object;
                walk.Value(value, member, body ? "" : member.JsonName, depth: 1);
            }
        }

        return errors;
    }

    private static Member[] MembersOf(Type type) => MembersByType.GetOrAdd(type, static t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Where(p => DataTypeOf(p) != DataType.Upload)
            .Select(p => new Member(p, KindOf(p.PropertyType), DataTypeOf(p) == DataType.MultilineText, JsonNameOf(p.Name)))
            .Where(m => m.Kind != MemberKind.Other)]);

    private static MemberKind KindOf(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string))
        {
            return MemberKind.Text;
        }

        if (plain.IsEnum)
        {
            return MemberKind.Enum;
        }

        if (plain == typeof(byte[]) || !typeof(IEnumerable).IsAssignableFrom(plain))
        {
            return IsPlatformObject(plain) ? MemberKind.Object : MemberKind.Other;
        }

        if (typeof(IDictionary).IsAssignableFrom(plain) || ElementType(plain) is { IsGenericType: true } pair && pair.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            return MemberKind.Dictionary;
        }

        return ElementType(plain) is { } element && KindOf(element) != MemberKind.Other ? MemberKind.List : MemberKind.Other;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    // The platform's and the modules' own types: inputs are made of them, framework types (streams, principals) are not.
    private static bool IsPlatformObject(Type type) =>
        type.IsClass && type.Namespace is { } ns && (ns == "KnowledgeRenewal" || ns.StartsWith("KnowledgeRenewal.", StringComparison.Ordinal));

    private static DataType? DataTypeOf(PropertyInfo property) => property.GetCustomAttribute<DataTypeAttribute>()?.DataType;

    private static string JsonNameOf(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private enum MemberKind
    {
        Other,
        Text,
        Enum,
        Object,
        List,
        Dictionary,
    }

    private sealed record Member(PropertyInfo Property, MemberKind Kind, bool MultiLine, string JsonName)
    {
        public object? Read(object owner)
        {
            try
            {
                return Property.GetValue(owner);
            }
            catch (TargetInvocationException)
            {
                // A computed property that cannot be read is no input.
                return null;
            }
        }
    }

    private sealed class Walk(List<FieldError> errors)
    {
        private readonly HashSet<object> seen = new(ReferenceEqualityComparer.Instance);

        public void Value(object? value, Member member, string path, int depth)
        {
            switch (value)
            {
                case null:
                    return;
                case string text:
                    Add(FreeText.Check(path, text, member.MultiLine));
                    return;
                case Enum option:
                    Add(EnumMembers.Check(path, option));
                    return;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        Entry(entry.Key, entry.Value, member, path, depth);
                    }

                    return;
                case IEnumerable items when value is not byte[]:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is not null && item.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
                        {
                            Entry(type.GetProperty("Key")!.GetValue(item), type.GetProperty("Value")!.GetValue(item), member, path, depth);
                        }
                        else
                        {
                            Value(item, member, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), depth + 1);
                        }

                        index++;
                    }

                    return;
                default:
                    if (IsPlatformObject(value.GetType()))
                    {
                        Object(value, path, depth);
                    }

                    return;
            }
        }

        private void Entry(object? key, object? value, Member member, string path, int depth)
        {
            var name = Convert.ToString(key, CultureInfo.InvariantCulture) ?? "";
            if (key is string text)
            {
                Add(FreeText.Check(path, text, multiLine: false));
            }
            else if (key is Enum option)
            {
                Add(EnumMembers.Check(path, option));
            }

            Value(value, member, Join(path, name), depth + 1);
        }

        private void Object(object value, string path, int depth)
        {
            if (depth > MaxDepth || !seen.Add(value))
            {
                return;
            }

            foreach (var member in MembersOf(value.GetType()))
            {
                Value(member.Read(value), member, Join(path, member.JsonName), depth + 1);
            }
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

        private void Add(FieldError? error)
        {
            if (error is not null)
            {
                errors.Add(error);
            }
        }
    }
}
