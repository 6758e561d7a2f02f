using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Application;

public class EnumMembersTests
{
    [Flags]
    public enum Permissions
    {
        None = 0,
        Read = 1,
        Write = 2,
        Delete = 4,
    }

    public enum Big : ulong
    {
        Small = 1,
        Huge = ulong.MaxValue,
    }

    [Fact]
    public void Members_are_defined_and_numbers_outside_the_set_are_not()
    {
        Assert.True(EnumMembers.IsDefined(CreditCategory.Public));
        Assert.True(EnumMembers.IsDefined(ActivityType.Patent));
        Assert.False(EnumMembers.IsDefined((CreditCategory)999));
        Assert.False(EnumMembers.IsDefined((ActivityType)(-7)));
        Assert.False(EnumMembers.IsDefined((CreditUnit)42));
    }

    [Fact]
    public void A_flags_enum_takes_combinations_of_its_bits_only()
    {
        Assert.True(EnumMembers.IsDefined(Permissions.Read | Permissions.Delete));
        Assert.True(EnumMembers.IsDefined(Permissions.None));
        Assert.False(EnumMembers.IsDefined((Permissions)8));
        Assert.False(EnumMembers.IsDefined((Permissions)9));
    }

    [Fact]
    public void Unsigned_enums_are_checked_without_overflow()
    {
        Assert.True(EnumMembers.IsDefined(Big.Huge));
        Assert.False(EnumMembers.IsDefined((Big)2));
    }

    [Fact]
    public void The_field_error_names_the_field_the_value_and_the_members()
    {
        var error = EnumMembers.Check("category", (CreditCategory)999);

        Assert.NotNull(error);
        Assert.Equal("category", error.Field);
        Assert.Equal(EnumMembers.InvalidCode, error.Code);
        Assert.Contains("“category”", error.Message, StringComparison.Ordinal);
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.Contains("Public、Professional", error.Message, StringComparison.Ordinal);
        Assert.Null(EnumMembers.Check("category", CreditCategory.Professional));
    }
}
