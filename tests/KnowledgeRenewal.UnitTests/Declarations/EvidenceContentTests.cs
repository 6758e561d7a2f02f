using System.Text;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;

namespace KnowledgeRenewal.UnitTests.Declarations;

/// <summary>Evidence files: the type comes from the bytes, never the name; names are safe to store and send back.</summary>
public sealed class EvidenceContentTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

    [Fact]
    public void Pdf_png_and_jpeg_are_recognised_by_their_bytes()
    {
        Assert.Equal(EvidenceContent.Pdf, EvidenceContent.Detect(Pdf));
        Assert.Equal(EvidenceContent.Png, EvidenceContent.Detect(Png));
        Assert.Equal(EvidenceContent.Jpeg, EvidenceContent.Detect(Jpeg));
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("PK\u0003\u0004 a docx or zip")]
    [InlineData(" %PDF-1.4 with a leading space")]
    [InlineData("GIF89a")]
    public void Anything_else_is_not_evidence_whatever_it_is_called(string content)
    {
        Assert.Null(EvidenceContent.Detect(Encoding.UTF8.GetBytes(content)));
        var errors = EvidenceContent.Check([new UploadedEvidence("证书.pdf", Encoding.UTF8.GetBytes(content))], 5);
        Assert.Equal(("evidence[0]", "evidence_type_not_allowed"), (Assert.Single(errors).Field, errors[0].Code));
        Assert.Contains("证书", errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("会议证书.pdf", EvidenceContent.Pdf, "会议证书.pdf")]
    [InlineData("../../etc/passwd.pdf", EvidenceContent.Pdf, "passwd.pdf")]
    [InlineData("C:\\Users\\张三\\照片.JPEG", EvidenceContent.Jpeg, "照片.jpg")]
    [InlineData("scan.png", EvidenceContent.Pdf, "scan.png.pdf")]
    [InlineData("invoice\u202Egpj.exe", EvidenceContent.Pdf, "invoicegpj.exe.pdf")]
    [InlineData("a\"b;c\r\nd.pdf", EvidenceContent.Pdf, "abcd.pdf")]
    [InlineData("  ..  ", EvidenceContent.Png, "证明材料.png")]
    [InlineData(null, EvidenceContent.Pdf, "证明材料.pdf")]
    public void File_names_keep_only_a_safe_last_segment_with_the_extension_of_the_content(string? raw, string contentType, string expected) =>
        Assert.Equal(expected, EvidenceContent.SafeFileName(raw, contentType));

    [Fact]
    public void Long_names_are_cut_keeping_the_extension_and_whole_characters()
    {
        var fits = EvidenceContent.SafeFileName(new string('证', 249) + "😀😀😀😀😀😀.pdf", EvidenceContent.Pdf);
        var wouldSplit = EvidenceContent.SafeFileName(new string('证', 250) + "😀😀😀😀😀😀.pdf", EvidenceContent.Pdf);

        Assert.Equal(255, fits.Length);
        Assert.EndsWith("证😀.pdf", fits, StringComparison.Ordinal);
        Assert.Equal(254, wouldSplit.Length); // the emoji would not fit whole: it is left out, not cut in half
        Assert.EndsWith("证.pdf", wouldSplit, StringComparison.Ordinal);
    }

    [Fact]
    public void One_to_the_limit_of_files_none_empty()
    {
        Assert.Equal("evidence_required", Assert.Single(EvidenceContent.Check([], 5)).Code);
        Assert.Equal("evidence_too_many", Assert.Single(EvidenceContent.Check([.. Enumerable.Repeat(new UploadedEvidence("a.pdf", Pdf), 6)], 5)).Code);
        Assert.Equal(("evidence[1]", "evidence_empty"), Single(EvidenceContent.Check([new UploadedEvidence("a.pdf", Pdf), new UploadedEvidence("b.pdf", [])], 5)));
        Assert.Empty(EvidenceContent.Check([new UploadedEvidence("a.pdf", Pdf), new UploadedEvidence("b.png", Png), new UploadedEvidence("c.jpg", Jpeg)], 5));
    }

    private static (string, string) Single(IReadOnlyList<KnowledgeRenewal.Sdk.FieldError> errors) => (Assert.Single(errors).Field, errors[0].Code);
}
