using System.Net;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.Audit;

/// <summary>The audit log's query (behind <c>GET /api/audit/records</c>) and the endpoints' protection.</summary>
public sealed class AuditQueryTests
{
    [Fact]
    public async Task Records_are_listed_newest_first_with_filters_and_paging()
    {
        await using var host = await AuditHost.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            await host.RecordAsync(new AuditEvent(AuditActions.SignIn, i % 2 == 0 ? AuditOutcome.Failure : AuditOutcome.Success, UserName: $"user{i}"));
        }

        var page = await host.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(
            new ListAuditRecords(Action: AuditActions.SignIn, Outcome: AuditOutcome.Failure, Page: 1, PageSize: 3)));
        var second = await host.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(
            new ListAuditRecords(Action: AuditActions.SignIn, Outcome: AuditOutcome.Failure, Page: 2, PageSize: 3)));

        Assert.Equal(4, page.Total);
        Assert.Equal(["user6", "user4", "user2"], page.Items.Select(r => r.UserName));
        Assert.Equal(["user0"], second.Items.Select(r => r.UserName));
    }

    [Fact]
    public async Task The_time_window_filters_in_UTC()
    {
        await using var host = await AuditHost.StartAsync();
        await host.RecordAsync(new AuditEvent(AuditActions.SignOut, UserName: "window"));
        var record = (await host.RecordsAsync())[^1];

        var inside = await host.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(
            new ListAuditRecords(From: record.OccurredAt.AddSeconds(-1), To: record.OccurredAt.AddSeconds(1), Action: AuditActions.SignOut)));
        var after = await host.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(
            new ListAuditRecords(From: record.OccurredAt.AddSeconds(1), Action: AuditActions.SignOut)));

        Assert.Equal(["window"], inside.Items.Select(r => r.UserName));
        Assert.Empty(after.Items);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 0)]
    [InlineData(1, 201)]
    public async Task Paging_out_of_range_is_refused(int pageNumber, int pageSize)
    {
        await using var host = await AuditHost.StartAsync();

        var refused = await Record.ExceptionAsync(() => host.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(new ListAuditRecords(Page: pageNumber, PageSize: pageSize))));

        Assert.IsType<RequestValidationException>(refused);
    }

    [Theory]
    [InlineData("/api/audit/records")]
    [InlineData("/api/audit/verify")]
    [InlineData("/odata/audit/AuditRecords")]
    public async Task Anonymous_callers_get_nothing_from_the_audit_endpoints(string url)
    {
        await using var host = await AuditHost.StartAsync();
        using var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Found or HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
        Assert.DoesNotContain("\"sequence\"", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_purge()
    {
        await using var host = await AuditHost.StartAsync();
        using var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await host.HeadAsync();

        using var response = await client.PostAsync(new Uri("/api/audit/purge", UriKind.Relative), null);

        Assert.False(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(before.LastSequence, (await host.HeadAsync()).LastSequence);
    }
}
