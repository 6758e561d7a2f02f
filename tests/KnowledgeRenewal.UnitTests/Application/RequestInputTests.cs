using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Application;

public class RequestInputTests
{
    [Fact]
    public void A_clean_request_has_no_errors()
    {
        var request = new Record(Guid.NewGuid(), "W/\"1\"", new Body("培训", CreditCategory.Public, "第一行\r\n第二行", [new Target("总目标", ActivityType.Patent)], [1, 2, 3]));

        Assert.Empty(RequestInput.Check(request));
        Assert.Empty(RequestInput.Check(null));
    }

    [Fact]
    public void A_body_s_fields_are_named_as_the_client_sent_them_and_deeper_fields_by_their_path()
    {
        var request = new Record(Guid.NewGuid(), null, new Body("标题\u0000", (CreditCategory)999, null, [new Target("甲", ActivityType.Patent), new Target("乙\u202E", (ActivityType)(-7))], []));

        var errors = RequestInput.Check(request);

        Assert.Equal(
            [("title", FreeText.InvalidCharacterCode), ("category", EnumMembers.InvalidCode), ("targets[1].name", FreeText.InvalidCharacterCode), ("targets[1].activity", EnumMembers.InvalidCode)],
            errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Only_fields_marked_multi_line_keep_line_breaks()
    {
        var single = RequestInput.Check(new Record(Guid.NewGuid(), null, new Body("标题\n换行", null, "说明\n换行", [], [])));

        Assert.Equal(["title"], single.Select(e => e.Field));
    }

    [Fact]
    public void Strings_and_enums_of_the_request_itself_lists_and_dictionaries_are_checked()
    {
        var request = new Review(Guid.NewGuid(), "理由\t说明", "评审\u2066", (CreditUnit)42, ["ok", "x\u0007"], new Dictionary<string, CreditCategory> { ["a\u202Eb"] = (CreditCategory)5 });

        var errors = RequestInput.Check(request);

        Assert.Equal(["step", "unit", "tags[1]", "labels", "labels.a\u202Eb"], errors.Select(e => e.Field));
    }

    [Fact]
    public void A_cycle_ends_the_walk()
    {
        var node = new Node { Name = "a" };
        node.Next = node;

        Assert.Empty(RequestInput.Check(new Walk(node)));
        node.Name = "a\0";
        Assert.Equal(["name"], RequestInput.Check(new Walk(node)).Select(e => e.Field));
    }

    [Fact]
    public void An_uploaded_file_s_name_is_left_to_where_it_is_stored()
    {
        var errors = RequestInput.Check(new Upload("报告\u202E", [new File("证书\u202Efdp.exe", [1])]));

        Assert.Equal(["title"], errors.Select(e => e.Field));
    }

    public sealed record Upload(string? Title, IReadOnlyList<File> Files);

    public sealed record File([property: DataType(DataType.Upload)] string? Name, byte[] Content);

    public sealed record Record(Guid Id, string? IfMatch, Body? Input);

    public sealed record Body(string? Title, CreditCategory? Category, [property: DataType(DataType.MultilineText)] string? Description, IReadOnlyList<Target> Targets, byte[] Content);

    public sealed record Target(string? Name, ActivityType Activity);

    public sealed record Review(Guid Id, [property: DataType(DataType.MultilineText)] string? Reason, string? Step, CreditUnit Unit, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, CreditCategory> Labels);

    public sealed record Walk(Node Start);

    public sealed class Node
    {
        public string? Name { get; set; }

        public Node? Next { get; set; }
    }
}
