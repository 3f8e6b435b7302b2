using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Network.Taxonomy;
using Civic.Services.FunctionalTests.Infrastructure;

namespace Civic.Services.FunctionalTests.Network;

public sealed class NetworkGroupDemoTestsOnSqlite(NetworkDemoOnSqlite fixture) : NetworkGroupDemoTests(fixture), IClassFixture<NetworkDemoOnSqlite>;

public sealed class NetworkGroupDemoTestsOnPostgres(NetworkDemoOnPostgres fixture) : NetworkGroupDemoTests(fixture), IClassFixture<NetworkDemoOnPostgres>;

/// <summary>The demo data: one group per challenge area, members from departments and civil society, notices, and the demo staff member in one group.</summary>
public abstract class NetworkGroupDemoTests(NetworkDemoFixture fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Groups = NetworkGroupsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Persons = ResourcePersonsReflection.Descriptor.Services[0];

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

    /// <summary>
    /// What the browser test clicks through: the demo partner opens every member of her groups, and among them are
    /// internal profiles (of which she sees the shared fields only).
    /// </summary>
    [Fact]
    public async Task Demo_PartnerOpensEveryFellowMember_InternalProfilesAmongThem()
    {
        var token = TestTokens.ForUser(Civic.Network.ResourcePersons.DemoResourcePersons.DemoPartnerUserId, CivicRoles.Partner);
        var groups = (await fixture.Host.CallWithTokenAsync<ListGroupsRequest, ListGroupsResponse>(Groups, "ListGroups", new(), token)).Groups;
        var internalIds = new HashSet<string>();
        foreach (var member in groups.SelectMany(g => g.Members).DistinctBy(m => m.ResourcePersonId))
        {
            var seen = (await fixture.Host.CallWithTokenAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Persons, "GetResourcePerson", new() { Id = member.ResourcePersonId }, token)).ResourcePerson;
            Assert.Equal(member.DisplayName, seen.DisplayName);
            Assert.Equal(string.Empty, seen.ContactEmail);
            if (seen.Visibility == Visibility.Internal)
            {
                internalIds.Add(seen.Id);
            }
        }

        // The group the browser test opens has some.
        var loneliness = groups.Single(g => g.Name == "Netværk om ensomhed");
        Assert.Contains(loneliness.Members, m => !m.IsPartner && internalIds.Contains(m.ResourcePersonId));
    }
}
