using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Network.Taxonomy;

namespace Civic.Services.FunctionalTests.Network;

public sealed class NetworkGroupDemoTestsOnSqlite(NetworkDemoOnSqlite fixture) : NetworkGroupDemoTests(fixture), IClassFixture<NetworkDemoOnSqlite>;

public sealed class NetworkGroupDemoTestsOnPostgres(NetworkDemoOnPostgres fixture) : NetworkGroupDemoTests(fixture), IClassFixture<NetworkDemoOnPostgres>;

/// <summary>The demo data: one group per challenge area, members from departments and civil society, notices, and the demo staff member in one group.</summary>
public abstract class NetworkGroupDemoTests(NetworkDemoFixture fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Groups = NetworkGroupsReflection.Descriptor.Services[0];

    [Fact]
    public async Task Demo_OneGroupPerChallengeArea_SixMembersAcrossDepartmentsAndCivilSociety_TwoNotices()
    {
        var groups = (await fixture.Host.CallAsync<ListGroupsRequest, ListGroupsResponse>(Groups, "ListGroups", new(), CivicRoles.Staff)).Groups;
        var families = groups.Single(g => g.ChallengeArea == "Udsatte familier");
        var detail = (await fixture.Host.CallAsync<GetGroupRequest, GetGroupResponse>(Groups, "GetGroup", new() { Id = families.Id }, CivicRoles.Staff)).Group;

        Assert.Equal(CompetenceTaxonomy.ChallengeAreas.Order(StringComparer.Ordinal), groups.Select(g => g.ChallengeArea));
        Assert.All(groups, g => Assert.Equal(6, g.MemberCount));
        Assert.All(groups, g => Assert.Contains(g.Members, m => m.IsPartner));
        Assert.All(groups, g => Assert.True(g.Members.Where(m => !m.IsPartner).Select(m => m.Organisation).Distinct().Count() > 1, g.Name));
        Assert.Contains(detail.Members, m => m.DisplayName == "Sofie Nielsen");
        Assert.Equal(2, detail.Notices.Count);
    }
}
