using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.ReferenceData;

public class JiningReferenceDataTests
{
    private static readonly (string GbCode, string Name)[] CountyLevelDivisions =
    [
        ("370811", "任城区"),
        ("370812", "兖州区"),
        ("370826", "微山县"),
        ("370827", "鱼台县"),
        ("370828", "金乡县"),
        ("370829", "嘉祥县"),
        ("370830", "汶上县"),
        ("370831", "泗水县"),
        ("370832", "梁山县"),
        ("370881", "曲阜市"),
        ("370883", "邹城市"),
    ];

    private static readonly string[] FunctionalZones = ["济宁高新区", "太白湖新区", "济宁经济技术开发区"];

    private static readonly RegionKind[] CountyLevelKinds = [RegionKind.District, RegionKind.County, RegionKind.CountyLevelCity];

    [Fact]
    public void Jining_has_exactly_the_11_county_level_divisions_of_GB_T_2260()
    {
        var divisions = JiningReferenceData.Regions
            .Where(r => CountyLevelKinds.Contains(r.Kind))
            .OrderBy(r => r.SortOrder)
            .Select(r => (r.GbCode!, r.Name));

        Assert.Equal(CountyLevelDivisions, divisions);
    }

    [Fact]
    public void A_county_level_division_is_coded_by_its_GB_code()
    {
        Assert.All(
            JiningReferenceData.Regions.Where(r => CountyLevelKinds.Contains(r.Kind)),
            r => Assert.Equal(r.GbCode, r.Code));
    }

    [Theory]
    [InlineData("任城区", RegionKind.District)]
    [InlineData("兖州区", RegionKind.District)]
    [InlineData("微山县", RegionKind.County)]
    [InlineData("曲阜市", RegionKind.CountyLevelCity)]
    [InlineData("邹城市", RegionKind.CountyLevelCity)]
    public void A_division_has_the_kind_its_name_says(string name, RegionKind kind)
    {
        Assert.Equal(kind, Assert.Single(JiningReferenceData.Regions, r => r.Name == name).Kind);
    }

    [Fact]
    public void The_city_is_370800_and_has_no_parent()
    {
        var city = Assert.Single(JiningReferenceData.Regions, r => r.Kind == RegionKind.City);

        Assert.Equal("370800", JiningReferenceData.CityCode);
        Assert.Equal("370800", city.Code);
        Assert.Equal("370800", city.GbCode);
        Assert.Equal("济宁市", city.Name);
        Assert.Null(city.ParentCode);
    }

    [Fact]
    public void The_three_functional_zones_have_no_GB_code()
    {
        var zones = JiningReferenceData.Regions.Where(r => r.Kind == RegionKind.FunctionalZone).ToArray();

        Assert.Equal(FunctionalZones, zones.OrderBy(z => z.SortOrder).Select(z => z.Name));
        Assert.All(zones, z => Assert.Null(z.GbCode));
    }

    [Fact]
    public void Every_region_but_the_city_belongs_to_the_city()
    {
        var regions = JiningReferenceData.Regions.Where(r => r.Kind != RegionKind.City).ToArray();

        Assert.Equal(14, regions.Length);
        Assert.All(regions, r => Assert.Equal(JiningReferenceData.CityCode, r.ParentCode));
    }

    [Fact]
    public void Region_codes_and_sort_orders_are_unique()
    {
        var regions = JiningReferenceData.Regions;

        Assert.Equal(15, regions.Count);
        Assert.Equal(regions.Count, regions.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(regions.Count, regions.Select(r => r.SortOrder).Distinct().Count());
    }

    [Fact]
    public void There_are_19_line_departments_in_the_order_of_the_SDK_codes()
    {
        Assert.Equal(19, JiningReferenceData.LineDepartments.Count);
        Assert.Equal(Departments.All, JiningReferenceData.LineDepartments.Select(d => d.Code));
        Assert.Equal(Enumerable.Range(1, 19), JiningReferenceData.LineDepartments.Select(d => d.SortOrder));
    }

    [Fact]
    public void The_SDK_names_19_distinct_department_codes()
    {
        Assert.Equal(19, Departments.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Line_department_codes_and_names_are_unique()
    {
        var departments = JiningReferenceData.LineDepartments;

        Assert.Equal(departments.Count, departments.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(departments.Count, departments.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_line_department_is_a_Jining_city_body_with_sector_and_English_name()
    {
        Assert.All(JiningReferenceData.LineDepartments, d =>
        {
            Assert.StartsWith("济宁市", d.Name, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(d.Sector));
            Assert.False(string.IsNullOrWhiteSpace(d.NameEn));
        });
    }

    [Theory]
    [InlineData(Departments.Education, "济宁市教育局")]
    [InlineData(Departments.Health, "济宁市卫生健康委员会")]
    [InlineData(Departments.Transport, "济宁市交通运输局")]
    [InlineData(Departments.HumanResourcesSocialSecurity, "济宁市人力资源和社会保障局")]
    public void A_department_code_maps_to_its_official_name(string code, string name)
    {
        Assert.Equal(name, Assert.Single(JiningReferenceData.LineDepartments, d => d.Code == code).Name);
    }

    /// <summary>People on the coordination group in the seed's appendix: data names departments, never people.</summary>
    [Theory]
    [InlineData("刘东利")]
    [InlineData("许一新")]
    [InlineData("张慧慧")]
    [InlineData("张凯华")]
    [InlineData("牛伟东")]
    [InlineData("张岩岩")]
    [InlineData("赵士举")]
    [InlineData("王书国")]
    [InlineData("张军")]
    [InlineData("卢洪涛")]
    [InlineData("王景珲")]
    [InlineData("刘峥")]
    [InlineData("贺纪书")]
    public void No_department_or_region_names_a_person_from_the_seed_appendix(string person)
    {
        Assert.DoesNotContain(JiningReferenceData.LineDepartments, d =>
            d.Name.Contains(person, StringComparison.Ordinal) || d.Sector.Contains(person, StringComparison.Ordinal));
        Assert.DoesNotContain(JiningReferenceData.Regions, r => r.Name.Contains(person, StringComparison.Ordinal));
    }
}
