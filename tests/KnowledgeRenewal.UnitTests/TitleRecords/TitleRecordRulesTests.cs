using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.TitleRecords;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.TitleRecords;

/// <summary>The title-evaluation record's period rules, its assembly into the signed document and the signature (ADR 0029).</summary>
public sealed class TitleRecordRulesTests
{
    [Fact]
    public void A_period_defaults_to_the_program_start_and_this_year()
    {
        Assert.Equal(new TitleRecordPeriod(2023, 2026), TitleRecordRules.Period(null, null, 2026));
        Assert.Equal(new TitleRecordPeriod(2024, 2025), TitleRecordRules.Period(2024, 2025, 2026));
        Assert.Equal(new TitleRecordPeriod(2023, 2030), TitleRecordRules.Period(null, null, 2035));
        Assert.Equal(new TitleRecordPeriod(2023, 2023), TitleRecordRules.Period(null, null, 2020));
        Assert.Equal(new[] { 2024, 2025, 2026 }, new TitleRecordPeriod(2024, 2026).Years);
        Assert.True(new TitleRecordPeriod(2024, 2026).Overlaps(2022, 2024));
        Assert.False(new TitleRecordPeriod(2024, 2026).Overlaps(2027, 2029));
    }

    [Theory]
    [InlineData(2022, 2024, "from", TitleRecordRules.YearOutsideProgram)]
    [InlineData(2024, 2031, "to", TitleRecordRules.YearOutsideProgram)]
    [InlineData(2026, 2024, "to", TitleRecordRules.PeriodReversed)]
    [InlineData(2027, null, "to", TitleRecordRules.PeriodReversed)]
    public void Bad_periods_are_refused_naming_the_field_with_a_stable_code(int? from, int? to, string field, string code)
    {
        var refused = Assert.Throws<RequestValidationException>(() => TitleRecordRules.Period(from, to, 2026));
        var error = Assert.Single(refused.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(code, error.Code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
    }

    [Theory]
    [InlineData(null, "xlsx")]
    [InlineData(" JSON ", "json")]
    [InlineData("xlsx", "xlsx")]
    public void Formats_are_xlsx_or_json(string? asked, string format) => Assert.Equal(format, TitleRecordRules.Format(asked));

    [Fact]
    public void Other_formats_are_refused()
    {
        var refused = Assert.Throws<RequestValidationException>(() => TitleRecordRules.Format("pdf"));
        Assert.Equal(TitleRecordRules.UnknownFormat, Assert.Single(refused.Errors).Code);
    }

    [Fact]
    public void Canonical_form_sorts_members_drops_white_space_and_writes_numbers_shortest()
    {
        var node = JsonNode.Parse("""{ "b": [1.50, 2.0, "x\n\"y\""], "a": { "z": true, "é": null, "A": 12.25 } }""");
        Assert.Equal("""{"a":{"A":12.25,"z":true,"é":null},"b":[1.5,2,"x\n\"y\""]}""".Replace("\n", "\\n", StringComparison.Ordinal), Encoding.UTF8.GetString(TitleRecordSignatures.Canonical(node)));
    }

    [Fact]
    public void A_signed_record_verifies_after_reformatting_and_fails_after_any_change()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var document = Signed(key, "kid-1");
        var verify = Verifier(key, "kid-1");

        Assert.Equal(TitleRecordCheck.Valid, TitleRecordSignatures.Verify(document, verify));

        // Pretty-printed and members reordered by a consumer: still the same record.
        var reformatted = JsonNode.Parse(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }))!.AsObject();
        var record = reformatted["record"]!.AsObject();
        var years = record["years"]!.DeepClone();
        record.Remove("years");
        record["years"] = years;
        Assert.Equal(TitleRecordCheck.Valid, TitleRecordSignatures.Verify(reformatted, verify));

        // One hour more: invalid.
        var tampered = JsonNode.Parse(document.ToJsonString())!;
        tampered["record"]!["years"]![0]!["totalHours"] = 91;
        Assert.Equal(TitleRecordCheck.Invalid, TitleRecordSignatures.Verify(tampered, verify));

        // Another person's name: invalid.
        var renamed = JsonNode.Parse(document.ToJsonString())!;
        renamed["record"]!["person"]!["name"] = "李四";
        Assert.Equal(TitleRecordCheck.Invalid, TitleRecordSignatures.Verify(renamed, verify));

        // A key the platform never published, or no signature at all.
        var otherKid = JsonNode.Parse(document.ToJsonString())!;
        otherKid["signature"]!["kid"] = "kid-2";
        Assert.Equal(TitleRecordCheck.UnknownKey, TitleRecordSignatures.Verify(otherKid, verify));
        var unsigned = JsonNode.Parse(document.ToJsonString())!.AsObject();
        unsigned.Remove("signature");
        Assert.Equal(TitleRecordCheck.Malformed, TitleRecordSignatures.Verify(unsigned, verify));
        Assert.Equal(TitleRecordCheck.Malformed, TitleRecordSignatures.Verify(JsonNode.Parse("[1]"), verify));

        // Signed by someone else's key under the platform's kid: invalid.
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Equal(TitleRecordCheck.Invalid, TitleRecordSignatures.Verify(Signed(forger, "kid-1"), verify));
    }

    [Fact]
    public void The_record_holds_hours_per_year_and_category_cycles_and_certificates_with_their_verification_links()
    {
        var record = TitleRecordViews.Record(Person(), new TitleRecordPeriod(2024, 2025), new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc), "https://jn.example/");

        Assert.Equal("2026-12-07T08:00:00Z", record["generatedAt"]!.GetValue<string>());
        Assert.Equal(2024, record["period"]!["from"]!.GetValue<int>());
        Assert.Equal(90m, record["totalHours"]!.GetValue<decimal>());
        Assert.True(record["person"]!["personalDataMasked"]!.GetValue<bool>());
        Assert.Equal("3708**********1234", record["person"]!["idNumber"]!.GetValue<string>());
        var year = record["years"]![0]!;
        Assert.Equal(2024, year["year"]!.GetValue<int>());
        Assert.Equal(30m, year["publicHours"]!.GetValue<decimal>());
        Assert.Equal(60m, year["professionalHours"]!.GetValue<decimal>());
        var cycle = record["cycles"]![0]!;
        Assert.Equal("达标", cycle["statusLabel"]!.GetValue<string>());
        var certificate = record["certificates"]![0]!;
        Assert.Equal("JNJX-2024-000001", certificate["number"]!.GetValue<string>());
        Assert.Equal("https://jn.example/verify/ABCDEFGHJKLMNPQRSTUV", certificate["verificationUrl"]!.GetValue<string>());
    }

    [Fact]
    public void The_workbook_has_a_row_per_person_and_year_cycle_and_certificate()
    {
        using var workbook = TitleRecordViews.Workbook([Person()], new TitleRecordPeriod(2024, 2025));
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(workbook);
        Assert.Equal(new[] { "学时", "达标", "证书", "说明" }, sheets);
        workbook.Position = 0;
        var hours = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "学时").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, hours.Count);
        Assert.Equal("2024", hours[0]["学年"]);
        Assert.Equal("30", hours[0]["公需科目学时"]);
        Assert.Equal("90", hours[0]["合计学时"]);
        Assert.Equal("0", hours[1]["合计学时"]);
        workbook.Position = 0;
        var certificates = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "证书").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("https://jn.example/verify/ABCDEFGHJKLMNPQRSTUV", Assert.Single(certificates)["验证链接"]);
    }

    private static TitleRecordPerson Person() => new(
        Guid.Parse("0193b1a0-0000-7000-8000-000000000001"),
        "张三",
        "3708**********1234",
        "138****0000",
        false,
        "任城医院",
        "370811",
        "health",
        [new TitleRecordYear(2024, 30m, 60m, 90m, 0m), new TitleRecordYear(2025, 0m, 0m, 0m, 6m)],
        [new TitleRecordCycle(2024, 2024, "卫生健康", ComplianceStatus.Met, "达标", 90m, 90m, 30m, 60m, [])],
        [new TitleRecordCertificate("JNJX-2024-000001", 2024, 1, CertificateStatus.Valid, "有效", 90m, "https://jn.example/verify/ABCDEFGHJKLMNPQRSTUV")]);

    private static JsonObject Signed(ECDsa key, string kid) => TitleRecordSignatures.Sign(
        TitleRecordViews.Record(Person(), new TitleRecordPeriod(2024, 2025), new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc), "https://jn.example/"),
        kid,
        "https://jn.example/api/public/credential-keys",
        "https://jn.example" + TitleRecordRules.VerifyPath,
        data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    private static Func<string, byte[], byte[], bool?> Verifier(ECDsa key, string kid) => (k, data, signature) =>
        k == kid ? key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation) : null;
}
