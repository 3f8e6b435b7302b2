using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class NetworkGroupTestsOnSqlite(NetworkOnSqlite fixture) : NetworkGroupTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class NetworkGroupTestsOnPostgres(NetworkOnPostgres fixture) : NetworkGroupTests(fixture), IClassFixture<NetworkOnPostgres>;

/// <summary>Network groups around a challenge area: creation, members across departments and civil society, and the notice board.</summary>
public abstract class NetworkGroupTests(ServiceFixture<ResourcePersonGrpcService> fixture) : ServiceTests<ResourcePersonGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Persons = ResourcePersonsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Groups = NetworkGroupsReflection.Descriptor.Services[0];

    [Fact]
    public async Task Create_AddStaffAndPartner_GetShowsBothMembers()
    {
        var group = await CreateAsync("Ensomhed");
        var staff = await PersonAsync(PersonKind.Staff, "aeldre-og-handicap");
        var partner = await PersonAsync(PersonKind.Partner, "Ældre Sagen Aalborg");

        await AddAsync(group.Id, staff.Id);
        await AddAsync(group.Id, partner.Id);
        var got = (await Host.CallAsync<GetGroupRequest, GetGroupResponse>(Groups, "GetGroup", new() { Id = group.Id }, CivicRoles.Staff)).Group;
        var listed = (await Host.CallAsync<ListGroupsRequest, ListGroupsResponse>(Groups, "ListGroups", new() { ChallengeArea = "ensomhed" }, CivicRoles.Director)).Groups;

        Assert.Equal("Ensomhed", got.ChallengeArea);
        Assert.Equal(2, got.MemberCount);
        Assert.Contains(got.Members, m => m.ResourcePersonId == staff.Id && !m.IsPartner && m.Organisation == "aeldre-og-handicap");
        Assert.Contains(got.Members, m => m.ResourcePersonId == partner.Id && m.IsPartner);
        Assert.Contains(listed, g => g.Id == group.Id && g.MemberCount == 2);
        Assert.All(listed, g => Assert.Equal("Ensomhed", g.ChallengeArea));
    }

    [Theory]
    [InlineData("Trafik")]
    [InlineData("")]
    public async Task Create_UnknownChallengeArea_InvalidArgument_NothingStored(string area)
    {
        var name = $"Gruppe {Guid.NewGuid():N}";

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<CreateGroupRequest, CreateGroupResponse>(Groups, "CreateGroup", new() { Name = name, ChallengeArea = area }, CivicRoles.Coordinator));
        var all = (await Host.CallAsync<ListGroupsRequest, ListGroupsResponse>(Groups, "ListGroups", new(), CivicRoles.Staff)).Groups;

        Assert.Equal(["challenge_area"], RpcAssert.ViolatedFields(exception));
        Assert.DoesNotContain(all, g => g.Name == name);
    }

    [Fact]
    public async Task Create_NoName_InvalidArgument_StaffMayNotCreate_PermissionDenied()
    {
        var noName = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<CreateGroupRequest, CreateGroupResponse>(Groups, "CreateGroup", new() { Name = " ", ChallengeArea = "Integration" }, CivicRoles.Coordinator));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<CreateGroupRequest, CreateGroupResponse>(Groups, "CreateGroup", new() { Name = "Min gruppe", ChallengeArea = "Integration" }, CivicRoles.Staff));

        Assert.Equal(["name"], RpcAssert.ViolatedFields(noName));
    }

    [Fact]
    public async Task AddMember_NoPerson_InvalidArgument_UnknownPerson_NotFound_Twice_AlreadyExists_UnknownGroup_NotFound()
    {
        var group = await CreateAsync("Integration");
        var person = await PersonAsync(PersonKind.Staff, "beskaeftigelse");

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => AddAsync(group.Id, "findes-ikke"));
        var noId = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => AddAsync(group.Id, " "));
        await AddAsync(group.Id, person.Id);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => AddAsync(group.Id, person.Id));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => AddAsync("findes-ikke", person.Id));
        var got = (await Host.CallAsync<GetGroupRequest, GetGroupResponse>(Groups, "GetGroup", new() { Id = group.Id }, CivicRoles.Staff)).Group;

        Assert.Equal(["resource_person_id"], RpcAssert.ViolatedFields(noId));
        Assert.Equal([person.Id], got.Members.Select(m => m.ResourcePersonId));
    }

    [Fact]
    public async Task PostNotice_ByMember_StoredAsTextNewestFirst_NonMemberDenied_BadTextRefused()
    {
        var group = await CreateAsync("Mental sundhed");
        var ownerId = $"bruger-{Guid.NewGuid():N}";
        var member = await PersonAsync(PersonKind.Staff, "sundhed", ownerId);
        await AddAsync(group.Id, member.Id);
        const string Markup = "<script>alert(1)</script> Møde på tirsdag & kaffe";

        var first = (await PostAsync(group.Id, "Første opslag", TestTokens.ForUser(ownerId, CivicRoles.Staff))).Notice;
        var second = (await PostAsync(group.Id, Markup, TestTokens.ForUser(ownerId, CivicRoles.Staff))).Notice;
        var byCoordinator = (await PostAsync(group.Id, "Fra koordinatoren", TestTokens.For(CivicRoles.Coordinator))).Notice;
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => PostAsync(group.Id, "Udefra", TestTokens.ForUser($"bruger-{Guid.NewGuid():N}", CivicRoles.Staff)));
        var empty = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => PostAsync(group.Id, "   ", TestTokens.For(CivicRoles.Coordinator)));
        var tooLong = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => PostAsync(group.Id, new string('x', 4_001), TestTokens.For(CivicRoles.Coordinator)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => PostAsync("findes-ikke", "Hej", TestTokens.For(CivicRoles.Coordinator)));
        var board = (await Host.CallAsync<GetGroupRequest, GetGroupResponse>(Groups, "GetGroup", new() { Id = group.Id }, CivicRoles.Staff)).Group.Notices;

        Assert.Equal(member.DisplayName, first.AuthorName);
        Assert.Equal(Markup, second.Text);
        Assert.Equal([byCoordinator.Id, second.Id, first.Id], board.Select(n => n.Id));
        Assert.Equal(["text"], RpcAssert.ViolatedFields(empty));
        Assert.Equal(["text"], RpcAssert.ViolatedFields(tooLong));
    }

    [Fact]
    public async Task GetGroup_Unknown_NotFound_CitizenDenied()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallAsync<GetGroupRequest, GetGroupResponse>(Groups, "GetGroup", new() { Id = "findes-ikke" }, CivicRoles.Staff));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<ListGroupsRequest, ListGroupsResponse>(Groups, "ListGroups", new(), CivicRoles.Citizen));
    }

    private async Task<NetworkGroup> CreateAsync(string area) =>
        (await Host.CallAsync<CreateGroupRequest, CreateGroupResponse>(Groups, "CreateGroup",
            new() { Name = $"Netværk {Guid.NewGuid().ToString("N")[..6]}", ChallengeArea = area, Description = "Til test." }, CivicRoles.Coordinator)).Group;

    private Task<AddMemberResponse> AddAsync(string groupId, string personId) =>
        Host.CallAsync<AddMemberRequest, AddMemberResponse>(Groups, "AddMember", new() { GroupId = groupId, ResourcePersonId = personId }, CivicRoles.Coordinator);

    private Task<PostNoticeResponse> PostAsync(string groupId, string text, string token) =>
        Host.CallWithTokenAsync<PostNoticeRequest, PostNoticeResponse>(Groups, "PostNotice", new() { GroupId = groupId, Text = text }, token);

    private async Task<ResourcePerson> PersonAsync(PersonKind kind, string organisation, string ownerId = "") =>
        (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Persons, "CreateResourcePerson", new()
        {
            DisplayName = $"Medlem {Guid.NewGuid().ToString("N")[..6]}",
            Organisation = organisation,
            Kind = kind,
            CompetenceIds = { "facilitering" },
            CapacityHoursPerMonth = 4,
            OwnerId = ownerId,
            OptedIn = true,
        })).ResourcePerson;
}
