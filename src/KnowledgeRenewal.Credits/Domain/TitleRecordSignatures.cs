using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>What checking a signed title-evaluation record found.</summary>
public enum TitleRecordCheck
{
    /// <summary>The signature matches the record under the named key.</summary>
    Valid = 1,

    /// <summary>The record or the signature was changed (the signature does not match).</summary>
    Invalid = 2,

    /// <summary>The key id is not one of the platform's published keys.</summary>
    UnknownKey = 3,

    /// <summary>Not a signed record (no <c>record</c> object, no <c>signature</c> with <c>alg</c> ES256, <c>kid</c> and <c>value</c>).</summary>
    Malformed = 4,
}

/// <summary>
/// How title-evaluation records are signed (ADR 0029). The document is <c>{"type", "record", "signature"}</c>; the
/// signature is ES256 (ECDSA P-256 with SHA-256, r‖s, base64url) by the credential-signing key over the UTF-8 bytes of
/// the <c>record</c> object canonicalized by RFC 8785 (JCS): members sorted by their UTF-16 code units, no white
/// space, strings with only <c>"</c>, <c>\</c> and control characters escaped, numbers in their shortest round-trip
/// form. So any consumer re-serializing the document (pretty-printing, reordering) still verifies, and any change of a
/// value fails. <c>signature.kid</c> names the key (RFC 7638 thumbprint) in the published key set.
/// </summary>
public static class TitleRecordSignatures
{
    /// <summary>The algorithm (JOSE name).</summary>
    public const string Algorithm = "ES256";

    /// <summary>The canonicalization, as named in the document.</summary>
    public const string Canonicalization = "RFC8785-JCS";

    /// <summary>The Chinese label of a check.</summary>
    public static string Label(TitleRecordCheck check) => check switch
    {
        TitleRecordCheck.Valid => "签名有效，文档未被改动",
        TitleRecordCheck.Invalid => "签名无效：文档内容或签名已被改动",
        TitleRecordCheck.UnknownKey => "签名密钥不是本平台公布的密钥",
        TitleRecordCheck.Malformed => "不是本平台签发的职称评审继续教育记录文档",
        _ => check.ToString(),
    };

    /// <summary>The signed document of <paramref name="record"/>.</summary>
    /// <param name="record">The record (becomes the document's <c>record</c>; not copied).</param>
    /// <param name="keyId">The signing key's id.</param>
    /// <param name="keySetUrl">Where the public keys are published.</param>
    /// <param name="verifyUrl">Where a document can be checked online.</param>
    /// <param name="sign">Signs bytes with ES256 (r‖s).</param>
    public static JsonObject Sign(JsonObject record, string keyId, string keySetUrl, string verifyUrl, Func<byte[], byte[]> sign)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(sign);
        var value = System.Buffers.Text.Base64Url.EncodeToString(sign(Canonical(record)));
        return new JsonObject
        {
            ["type"] = TitleRecordRules.DocumentType,
            ["record"] = record,
            ["signature"] = new JsonObject
            {
                ["alg"] = Algorithm,
                ["kid"] = keyId,
                ["canonicalization"] = Canonicalization,
                ["signedMember"] = "record",
                ["keySetUrl"] = keySetUrl,
                ["verifyUrl"] = verifyUrl,
                ["value"] = value,
            },
        };
    }

    /// <summary>Checks a document.</summary>
    /// <param name="document">The document as received.</param>
    /// <param name="verify">Verifies (kid, data, signature): null when the kid is not a published key.</param>
    public static TitleRecordCheck Verify(JsonNode? document, Func<string, byte[], byte[], bool?> verify)
    {
        ArgumentNullException.ThrowIfNull(verify);
        if (document is not JsonObject root
            || root["record"] is not JsonObject record
            || root["signature"] is not JsonObject signature
            || Text(signature["alg"]) != Algorithm
            || Text(signature["kid"]) is not { Length: > 0 } kid
            || Text(signature["value"]) is not { Length: > 0 } value)
        {
            return TitleRecordCheck.Malformed;
        }

        byte[] bytes;
        try
        {
            bytes = System.Buffers.Text.Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return TitleRecordCheck.Invalid;
        }

        return verify(kid, Canonical(record), bytes) switch
        {
            null => TitleRecordCheck.UnknownKey,
            true => TitleRecordCheck.Valid,
            false => TitleRecordCheck.Invalid,
        };
    }

    /// <summary>The RFC 8785 canonical form of <paramref name="node"/>, UTF-8.</summary>
    public static byte[] Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    String(text, name);
                    text.Append(':');
                    Write(text, value);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Write(text, array[i]);
                }

                text.Append(']');
                break;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        String(text, value.GetValue<string>());
                        break;
                    case JsonValueKind.Number:
                        text.Append(Number(value));
                        break;
                    case JsonValueKind.True:
                        text.Append("true");
                        break;
                    case JsonValueKind.False:
                        text.Append("false");
                        break;
                    default:
                        text.Append("null");
                        break;
                }

                break;
        }
    }

    // ECMAScript Number.prototype.toString for the values a record holds (hours, years, counts): the shortest
    // round-trip form, no exponent for integers up to 10^21.
    private static string Number(JsonValue value)
    {
        var number = JsonSerializer.Deserialize<double>(value.ToJsonString());
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            throw new InvalidOperationException("JSON numbers are finite.");
        }

        if (number == Math.Floor(number) && Math.Abs(number) < 1e21)
        {
            return number.ToString("0", CultureInfo.InvariantCulture);
        }

        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void String(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
