using KnowledgeRenewal.Identity.Domain;

namespace KnowledgeRenewal.UnitTests.Audit;

/// <summary>How an audit record names the objects of a bulk write: the interceptor and every bulk writer use the same rule.</summary>
public sealed class AuditKeysTests
{
    [Fact]
    public void Up_to_the_limit_every_key_is_named()
    {
        var keys = Enumerable.Range(0, AuditKeys.MaxKeys).Select(_ => Guid.NewGuid()).ToList();

        var entityKey = AuditKeys.Join(keys);

        Assert.Equal(string.Join(",", keys.Select(k => k.ToString("D"))), entityKey);
    }

    [Fact]
    public void Beyond_the_limit_the_rest_is_marked_with_an_ellipsis()
    {
        var keys = Enumerable.Range(0, AuditKeys.MaxKeys + 5).Select(_ => Guid.NewGuid()).ToList();

        var entityKey = AuditKeys.Join(keys);

        Assert.Equal(AuditKeys.MaxKeys, entityKey.Split(',').Length - 1);
        Assert.EndsWith(",…", entityKey, StringComparison.Ordinal);
        Assert.StartsWith(keys[0].ToString("D"), entityKey, StringComparison.Ordinal);
        Assert.DoesNotContain(keys[AuditKeys.MaxKeys].ToString("D"), entityKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_keys_are_written_as_the_caller_formats_them() =>
        Assert.Equal("1,2,3", AuditKeys.Join(new List<int> { 1, 2, 3 }, k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
