using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Courses;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>
/// The shared course catalog (课程库) under <c>/api/courses</c>: every business user reads it; the program office adds
/// courses for any base, provider or association, a base's or provider's staff for their own organization, and adds
/// materials (PDF, JPEG or PNG, ≤ 10 MB, ≤ 20 per course) as multipart field <c>file</c>.
/// </summary>
internal static class CoursesApi
{
    private const string Tag = "课程库 (course catalog)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCoursesApi(this IEndpointRouteBuilder endpoints)
    {
        var courses = endpoints.MapGroup("/api/courses").WithTags(Tag).RequireAuthorization(PlatformPolicies.BusinessUser);
        string[] writers = [.. CourseRules.Writers];

        courses.MapGet("/", (string? search, string? subjectId, Guid? developerOrganizationId, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListCourses(search, subjectId, developerOrganizationId, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListCourses")
            .WithSummary("The course catalog by title; filters search (title or developer), subjectId (e.g. public:GX-WLAQ), developerOrganizationId; pageSize ≤ 100.")
            .Produces<Paged<CourseView>>();

        courses.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetCourse(id), ct).ConfigureAwait(false)))
            .WithName("GetCourse")
            .WithSummary("One course with its materials (names, types, sizes) and its ETag; 404 when there is none.")
            .Produces<CourseView>();

        courses.MapPost("/", async ([FromBody] CourseInput body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateCourse(body), ct).ConfigureAwait(false);
                return http.Created($"/api/courses/{created.Value.Id}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("CreateCourse")
            .WithSummary("Adds a course: title, description, subjectId, hours (0.5–200), mode (Offline/Online/Mixed), developerOrganizationId (a base or provider; staff: their own) or associationName (program office). 201 with its ETag; 400 course.unknown_subject / course.invalid_developer; 403 course.write_forbidden.")
            .Produces<CourseView>(StatusCodes.Status201Created);

        courses.MapPost("/{id:guid}/materials", async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType)
                {
                    throw new PlatformException("course.multipart_required", StatusCodes.Status415UnsupportedMediaType, "请以表单提交",
                        "请以 multipart/form-data 提交课程资料，文件放在字段 file 中。");
                }

                var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
                var file = form.Files.GetFile("file");
                if (file is not null && file.Length > CourseRules.MaxMaterialBytes)
                {
                    var problem = CourseRules.CheckMaterial(new byte[CourseRules.MaxMaterialBytes + 1])!;
                    throw new PlatformException(CourseProblemCodes.InvalidMaterial, 400, "课程资料不符合要求", problem.Message, [problem]);
                }

                using var buffer = new MemoryStream();
                if (file is not null)
                {
                    await file.CopyToAsync(buffer, ct).ConfigureAwait(false);
                }

                var material = await mediator.Send(new AddCourseMaterial(id, file?.FileName, buffer.ToArray()), ct).ConfigureAwait(false);
                return Results.Created($"/api/courses/{id:D}/materials/{material.Id:D}", material);
            })
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("AddCourseMaterial")
            .WithSummary("Adds a material (multipart/form-data, field file: PDF, JPG or PNG recognised from its bytes, ≤ 10 MB; ≤ 20 per course). 201; 400 course.invalid_material; 403 course.write_forbidden (not the developer); 409 course.too_many_materials.")
            .Produces<CourseMaterialView>(StatusCodes.Status201Created);

        courses.MapGet("/{id:guid}/materials/{materialId:guid}", async (Guid id, Guid materialId, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetCourseMaterial(id, materialId), ct).ConfigureAwait(false);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("GetCourseMaterial")
            .WithSummary("Downloads a course's material; 404 when the course has no such material.");
        return endpoints;
    }
}
