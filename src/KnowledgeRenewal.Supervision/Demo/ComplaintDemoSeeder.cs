using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.UseCases.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.Demo;

/// <summary>
/// Demo complaints in every state, dated back from today with the real deadlines: one waiting to be assigned, one past
/// its assign deadline (escalated), one assigned to 任城区 (demo.county-admin's) on time, one assigned to the health
/// department (demo.department-admin's) and past its resolve deadline, one referred, one resolved on time and one
/// resolved late. Each is against a real demo object (a project, a class, the demo provider, a base).
/// </summary>
internal sealed class ComplaintDemoSeeder(PlatformDbContext db, IPersonalDataProtector protector, WorkingDayCalendar calendar, IOptions<ComplaintOptions> options, TimeProvider clock)
    : IDemoDataSeeder
{
    /// <inheritdoc />
    public string Key => "supervision.complaints";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 95;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await db.Complaints.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var project = await db.Projects.Where(p => p.Status == ProjectStatus.Published || p.Status == ProjectStatus.InProgress)
            .OrderBy(p => p.Number).Select(p => new { p.Id, Name = p.Number + " " + p.Title, p.RegionCode }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var provider = await db.TrainingProviders.OrderBy(p => p.Code).Select(p => new { p.Id, p.Name, p.RegionCode }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var educationBase = await db.EducationBases.OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var trainingClass = await db.TrainingClasses.OrderBy(c => c.StartDate).ThenBy(c => c.Id).Select(c => new { c.Id, c.Title, c.RegionCode }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var county = await db.Organizations.FirstOrDefaultAsync(o => o.Type == OrganizationType.CountyBureau && o.RegionCode == "370811", cancellationToken).ConfigureAwait(false);
        var health = await db.Organizations.FirstOrDefaultAsync(o => o.Type == OrganizationType.LineDepartment && o.DepartmentCode == Departments.Health, cancellationToken).ConfigureAwait(false);
        if (project is null || provider is null || educationBase is null || trainingClass is null || county is null || health is null)
        {
            return;
        }

        var settings = options.Value;
        var today = ProgramCalendar.Today(clock);
        var faker = context.Faker;
        Complaint New(SupervisedObjectKind kind, Guid id, string name, string? region, string subject, string content, int workingDaysAgo)
        {
            var filedOn = Back(today, workingDaysAgo);
            var phone = "13" + faker.Random.Number(5, 9).ToString(System.Globalization.CultureInfo.InvariantCulture) + faker.Random.ReplaceNumbers("########");
            var complaint = new Complaint
            {
                Code = ComplaintCodes.New(),
                ObjectKind = kind,
                ObjectId = id,
                ObjectName = name,
                ObjectRegionCode = region,
                Subject = subject,
                Content = content,
                ContactName = faker.Name.LastName() + faker.Name.FirstName(),
                ContactPhoneCipher = protector.Protect(phone),
                ContactPhoneMasked = FileComplaintValidator.Mask(phone),
                FiledAt = Noon(filedOn),
                FiledOn = filedOn,
            };
            complaint.Receive(ComplaintRules.AssignBy(calendar, settings, filedOn));
            return complaint;
        }

        void Assign(Complaint complaint, Organization to, int workingDaysAgo, string note)
        {
            var on = Back(today, workingDaysAgo);
            var county = to.Type == OrganizationType.CountyBureau;
            complaint.Assign(to.Id, to.Name, county ? to.RegionCode : null, county ? null : to.DepartmentCode, note, "demo.program-office", Noon(on), ComplaintRules.ResolveBy(calendar, settings, on));
        }

        var waiting = New(SupervisedObjectKind.Class, trainingClass.Id, trainingClass.Title, trainingClass.RegionCode, "培训班实际授课学时不足",
            "通知写明集中授课 3 天，实际只上了 2 天课，第三天安排自学，但证书仍按 3 天的学时登记。", 1);
        var escalated = New(SupervisedObjectKind.Provider, provider.Id, provider.Name, provider.RegionCode, "报名时收取资料费未开票",
            "报名时每人另收资料费 200 元，现场只收现金，没有开具票据，也没有说明收费依据。", settings.AssignWithinWorkingDays + 4);
        var assigned = New(SupervisedObjectKind.Project, project.Id, project.Name, project.RegionCode, "项目签到与实际参训人数不符",
            "项目第二天下午会场不足 30 人，但签到表上有 80 多人签名，怀疑代签。", 4);
        Assign(assigned, county, 2, "请核实签到表与现场照片、视频，必要时约谈举办单位。");
        var late = New(SupervisedObjectKind.Base, educationBase.Id, educationBase.Name, null, "基地住宿条件与申报不符",
            "基地申报材料写有标准间住宿，实际安排在多人间，且距离培训场地较远，无接送。", settings.ResolveWithinWorkingDays + 9);
        Assign(late, health, settings.ResolveWithinWorkingDays + 6, "请会同基地所在单位核实住宿安排和申报材料。");
        var referred = New(SupervisedObjectKind.Provider, provider.Id, provider.Name, provider.RegionCode, "培训期间餐饮卫生问题",
            "培训第二天午餐后多名学员腹泻，怀疑食堂卫生问题。", 9);
        referred.Refer("市市场监督管理局", "食品安全问题由市场监管部门依法处理，已将投诉材料转交。", "已转交市市场监督管理局办理：食品安全问题由市场监管部门依法处理，已将投诉材料转交。",
            "demo.program-office", Noon(Back(today, 7)), Back(today, 7), 0);
        var resolved = New(SupervisedObjectKind.Project, project.Id, project.Name, project.RegionCode, "项目课程内容与申报不一致",
            "申报的是数字化转型专题，实际课程一半时间在推销软件产品。", 20);
        Assign(resolved, county, 17, "请调取课程安排和授课课件核实。");
        resolved.Resolve(ComplaintFinding.PartlySubstantiated, "调取课件和现场录像：第二天下午的课程以产品介绍为主，与申报内容不符；已责令举办单位整改，并扣减该时段学时。",
            "经核实，部分课程内容与申报不一致，已责令举办单位整改，相应时段不计学时。感谢您的监督。", "demo.county-admin", Noon(Back(today, 8)), Back(today, 8), 0);
        var resolvedLate = New(SupervisedObjectKind.Class, trainingClass.Id, trainingClass.Title, trainingClass.RegionCode, "结业证书迟迟未发放",
            "培训班结束两个月了，学时还没有登记，证书也没有发放。", settings.AssignWithinWorkingDays + settings.ResolveWithinWorkingDays + 20);
        Assign(resolvedLate, health, settings.ResolveWithinWorkingDays + 14, "请督促举办机构上传名单并登记学时。");
        var resolvedOn = Back(today, 3);
        resolvedLate.Resolve(ComplaintFinding.Substantiated, "举办机构未按时上传培训名单，已督促其上传，学时已于近日登记。",
            "情况属实。举办机构已上传培训名单，学时已登记，可在“我的学时”中查看。", "demo.department-admin", Noon(resolvedOn), resolvedOn,
            ComplaintRules.WorkingDaysOverdue(calendar, resolvedLate.DueOn, resolvedOn));
        db.Complaints.AddRange(waiting, escalated, assigned, late, referred, resolved, resolvedLate);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    // The day n working days before (China time).
    private DateOnly Back(DateOnly from, int workingDays)
    {
        var day = from;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    // 10:00 China time as UTC.
    private static DateTime Noon(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(10, 0)), ProgramCalendar.TimeZone);
}
