using Civic.Contracts.Common.V1;
using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Panel.Audit;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static Civic.Services.FunctionalTests.Panel.Pool.PoolTestData;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel.Pool;

public sealed class MemberListTestsOnSqlite(PanelOnSqlite fixture) : MemberListTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class MemberListTestsOnPostgres(PanelOnPostgres fixture) : MemberListTests(fixture), IClassFixture<PanelOnPostgres>;

/// <summary>The staff list of members: filters, stable paging, an audit entry per member shown, and bad input refused with nothing logged.</summary>
public abstract class MemberListTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture), IAsyncLifetime
{
    private const string Reason = "Forberedelse af informationsmøde";

    public async ValueTask InitializeAsync() => await SeedSchemaAsync(Host);

    [Fact]
    public async Task ListMembers_FiltersAndPagesInNameOrder_AndLogsEveryMemberShownWithTheReason()
    {
        // A marker of this test's own in every address, so other tests' members in the same database do not count.
        var marker = "liste" + Guid.NewGuid().ToString("N")[..8];
        var carl = await ActiveMemberAsync(Host, "Carl Holm", $"carl.{marker}@example.dk");
        var anna = await ActiveMemberAsync(Host, "Anna Birk", $"anna.{marker}@example.dk");
        var westerner = SignUp("Bo Vest", $"bo.{marker}@example.dk");
        westerner.Features["district"] = "vest";
        var bo = await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", westerner, role: null);
        var dorte = await ActiveMemberAsync(Host, "Dorte Lund", $"dorte.{marker}@example.dk");

        var first = await ListAsync(new() { Page = new() { PageSize = 3 }, Reason = Reason, Text = marker.ToUpperInvariant() });
        var second = await ListAsync(new() { Page = new() { PageSize = 3, PageToken = first.Page.NextPageToken }, Reason = Reason, Text = marker.ToUpperInvariant() });
        var active = await ListAsync(new() { Page = new() { PageSize = 10 }, Reason = Reason, Text = marker, Status = MemberStatus.Active });
        var west = await ListAsync(new() { Page = new() { PageSize = 10 }, Reason = Reason, Text = marker, Features = { ["district"] = "vest", ["age_band"] = "30-44" } });
        var byName = await ListAsync(new() { Page = new() { PageSize = 10 }, Reason = Reason, Text = "dorte lund", Features = { ["district"] = "oest" } }, TestTokens.ForUser("koordinator-7", CivicRoles.Coordinator));

        Assert.Equal(["Anna Birk", "Bo Vest", "Carl Holm"], first.Members.Select(m => m.Name));
        Assert.Equal(4, first.Page.TotalSize);
        Assert.Equal(["Dorte Lund"], second.Members.Select(m => m.Name));
        Assert.Equal(string.Empty, second.Page.NextPageToken);
        Assert.Equal([anna.MemberId, carl.MemberId, dorte.MemberId], active.Members.Select(m => m.Id));
        Assert.Equal([bo.MemberId], west.Members.Select(m => m.Id));
        Assert.Equal(MemberStatus.Pending, west.Members[0].Status);
        Assert.Contains(dorte.MemberId, byName.Members.Select(m => m.Id));
        Assert.All(byName.Members, m => Assert.Equal("oest", m.Features["district"]));
        // Every member shown is in the audit log, once per list: Anna on the first page and "active", Bo on the first page and "west".
        Assert.Equal(2, await AuditCountAsync(Host, anna.MemberId, AuditActions.MemberList));
        Assert.Equal(2, await AuditCountAsync(Host, bo.MemberId, AuditActions.MemberList));
        var dorteLog = await Host.CallAsync<ListAuditEntriesRequest, ListAuditEntriesResponse>(AuditRpc, "ListAuditEntries", new() { SubjectId = dorte.MemberId });
        Assert.Equal(("koordinator-7", Reason), (dorteLog.Entries[0].Actor, dorteLog.Entries[0].Reason));
        Assert.Equal(3, dorteLog.Entries.Count(e => e.Action == AuditActions.MemberList));
    }

    [Fact]
    public async Task ListMembers_TextWithLikeWildcards_MatchesThemLiterally()
    {
        await ActiveMemberAsync(Host, "Frida Storm", "frida.wildcard@example.dk");

        var percent = await ListAsync(new() { Page = new() { PageSize = 10 }, Reason = Reason, Text = "frida%storm" });
        var underscore = await ListAsync(new() { Page = new() { PageSize = 10 }, Reason = Reason, Text = "frida_storm" });

        Assert.Empty(percent.Members);
        Assert.Empty(underscore.Members);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "page size 0", "page.page_size" },
        { "page size 201", "page.page_size" },
        { "no page", "page.page_size" },
        { "missing reason", "reason" },
        { "unknown feature value", "features.district" },
        { "unknown feature category", "features.shoe_size" },
        { "text of 101 characters", "text" },
        { "unknown status", "status" },
        { "page token of another filter", "page.page_token" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ListMembers_BadInput_InvalidArgumentNamingTheFieldAndNothingLogged(string bad, string field)
    {
        // Two members, so a list of one always has a next page whose token can be misused.
        await ActiveMemberAsync(Host, "Gustav Fejl", $"gustav.{Guid.NewGuid():N}@example.dk");
        await ActiveMemberAsync(Host, "Gunhild Fejl", $"gunhild.{Guid.NewGuid():N}@example.dk");
        var otherList = await ListAsync(new() { Page = new() { PageSize = 1 }, Reason = Reason });
        Assert.NotEmpty(otherList.Page.NextPageToken);
        var request = new ListMembersRequest { Page = new PageRequest { PageSize = 20 }, Reason = Reason };
        switch (bad)
        {
            case "page size 0": request.Page.PageSize = 0; break;
            case "page size 201": request.Page.PageSize = 201; break;
            case "no page": request.Page = null; break;
            case "missing reason": request.Reason = " "; break;
            case "unknown feature value": request.Features["district"] = "maanen"; break;
            case "unknown feature category": request.Features["shoe_size"] = "44"; break;
            case "text of 101 characters": request.Text = new string('a', 101); break;
            case "unknown status": request.Status = (MemberStatus)7; break;
            case "page token of another filter": request.Page.PageToken = otherList.Page.NextPageToken; request.Text = "gustav"; break;
        }

        var logged = await ListLogCountAsync();

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ListAsync(request));

        Assert.Equal([field], RpcAssert.ViolatedFields(exception));
        Assert.Equal(logged, await ListLogCountAsync());
    }

    [Fact]
    public async Task ListMembers_UnknownFeatureValue_MessageNamesTheValidValues()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            ListAsync(new() { Page = new() { PageSize = 10 }, Reason = Reason, Features = { ["household_type"] = "slot" } }));

        Assert.Contains("Valid values: alene, par, boernefamilie, enlig-forsoerger.", exception.Status.Detail, StringComparison.Ordinal);
    }

    private Task<ListMembersResponse> ListAsync(ListMembersRequest request, string? token = null) =>
        Host.CallWithTokenAsync<ListMembersRequest, ListMembersResponse>(PoolRpc, "ListMembers", request, token ?? TestTokens.For(CivicRoles.Coordinator));

    private Task<int> ListLogCountAsync() =>
        WithDbAsync(Host, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.MemberList, TestContext.Current.CancellationToken));
}
