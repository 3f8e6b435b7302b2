using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class PartnerAccessTestsOnSqlite(NetworkOnSqlite fixture) : PartnerAccessTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class PartnerAccessTestsOnPostgres(NetworkOnPostgres fixture) : PartnerAccessTests(fixture), IClassFixture<NetworkOnPostgres>;

/// <summary>
/// A civil-society partner signed in: their own groups (read, post, meetings), the requests sent to their profile, their
/// own profile, the shared fields of their fellow group members' profiles; every other group and profile is NOT_FOUND
/// to them and nothing of the municipality's is theirs to change.
/// </summary>
public abstract class PartnerAccessTests(ServiceFixture<ResourcePersonGrpcService> fixture) : ServiceTests<ResourcePersonGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Persons = ResourcePersonsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Groups = NetworkGroupsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Requests = RequestsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Upkeep = ProfileUpkeepReflection.Descriptor.Services[0];

    [Fact]
    public async Task Groups_PartnerSeesAndPostsInOwnGroupOnly_OtherGroupsNotFound_NothingPosted()
    {
        var (partner, token) = await PartnerAsync();
        var own = await GroupAsync("Ensomhed");
        var other = await GroupAsync("Ensomhed");
        await Host.CallAsync<AddMemberRequest, AddMemberResponse>(Groups, "AddMember", new() { GroupId = own.Id, ResourcePersonId = partner.Id }, CivicRoles.Coordinator);

        var listed = (await Host.CallWithTokenAsync<ListGroupsRequest, ListGroupsResponse>(Groups, "ListGroups", new(), token)).Groups;
        var got = (await Host.CallWithTokenAsync<GetGroupRequest, GetGroupResponse>(Groups, "GetGroup", new() { Id = own.Id }, token)).Group;
        var posted = (await Host.CallWithTokenAsync<PostNoticeRequest, PostNoticeResponse>(Groups, "PostNotice", new() { GroupId = own.Id, Text = "Vi har plads til to nye besøgsvenner." }, token)).Notice;
        var hidden = await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallWithTokenAsync<GetGroupRequest, GetGroupResponse>(Groups, "GetGroup", new() { Id = other.Id }, token));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallWithTokenAsync<PostNoticeRequest, PostNoticeResponse>(Groups, "PostNotice", new() { GroupId = other.Id, Text = "Hej fra en udenforstående." }, token));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallWithTokenAsync<GetMeetingCalendarRequest, GetMeetingCalendarResponse>(Groups, "GetMeetingCalendar", new() { GroupId = other.Id, MeetingId = "x" }, token));
        var otherAsStaff = (await Host.CallAsync<GetGroupRequest, GetGroupResponse>(Groups, "GetGroup", new() { Id = other.Id }, CivicRoles.Staff)).Group;

        Assert.Equal([own.Id], listed.Select(g => g.Id));
        Assert.Contains(got.Members, m => m.ResourcePersonId == partner.Id && m.IsPartner);
        Assert.Equal(partner.DisplayName, posted.AuthorName);
        Assert.Equal($"No network group has the id '{other.Id}'.", hidden.Status.Detail);
        Assert.Empty(otherAsStaff.Notices);
    }

    [Fact]
    public async Task Groups_PartnerWithoutProfile_SeesNoGroup()
    {
        await GroupAsync("Integration");

        var listed = (await Host.CallWithTokenAsync<ListGroupsRequest, ListGroupsResponse>(Groups, "ListGroups", new(),
            TestTokens.ForUser($"partner-{Guid.NewGuid():N}", CivicRoles.Partner))).Groups;

        Assert.Empty(listed);
    }

    [Fact]
    public async Task Requests_PartnerAnswersTheOneSentToThem_CannotAskOrSeeTheQueue()
    {
        var (partner, token) = await PartnerAsync();
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var id = (await Host.CallWithTokenAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>(Requests, "CreateHelpRequest", new()
        {
            Need = "Besøgsvenner til en ensom borger.",
            StartDate = new LocalDate { Year = start.Year, Month = start.Month, Day = start.Day },
            Hours = 2,
            Language = Language.Danish,
            PersonId = partner.Id,
        }, TestTokens.ForUser("afdeling-partnertest", CivicRoles.Staff))).HelpRequest.Id;

        var askedOfMe = (await Host.CallWithTokenAsync<ListHelpRequestsRequest, ListHelpRequestsResponse>(Requests, "ListHelpRequests",
            new() { View = HelpRequestView.AskedOfMe }, token)).HelpRequests;
        var answered = (await Host.CallWithTokenAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>(Requests, "RespondToHelpRequest",
            new() { Id = id, Response = HelpResponse.Accept }, token)).HelpRequest;
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallWithTokenAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>(Requests, "CreateHelpRequest",
            new() { Need = "En partner spørger.", StartDate = new LocalDate { Year = start.Year, Month = start.Month, Day = start.Day }, Hours = 1, Language = Language.Danish }, token));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallWithTokenAsync<ListHelpRequestsRequest, ListHelpRequestsResponse>(Requests, "ListHelpRequests",
            new() { View = HelpRequestView.Queue }, token));

        Assert.Equal([id], askedOfMe.Select(r => r.Id));
        Assert.Equal(HelpRequestStatus.Accepted, answered.Status);
    }

    [Fact]
    public async Task Profile_PartnerEditsOwn_CannotMakeItStaff_NothingChanged()
    {
        var (partner, token) = await PartnerAsync();
        var edit = Profile(partner.DisplayName, PersonKind.Partner, "Besøgsvenner og fællesspisning.");
        var asStaff = Profile(partner.DisplayName, PersonKind.Staff, "Nu er jeg ansat.");

        var edited = (await Host.CallWithTokenAsync<UpdateResourcePersonRequest, UpdateResourcePersonResponse>(Persons, "UpdateResourcePerson",
            new() { Id = partner.Id, Profile = edit }, token)).ResourcePerson;
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallWithTokenAsync<UpdateResourcePersonRequest, UpdateResourcePersonResponse>(
            Persons, "UpdateResourcePerson", new() { Id = partner.Id, Profile = asStaff }, token));
        var stored = (await Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Persons, "GetResourcePerson", new() { Id = partner.Id }, CivicRoles.Staff)).ResourcePerson;

        Assert.Equal("Besøgsvenner og fællesspisning.", edited.Description);
        Assert.Equal(PersonKind.Partner, stored.Kind);
        Assert.Equal("Besøgsvenner og fællesspisning.", stored.Description);
    }

    [Fact]
    public async Task Profile_PartnerReadsAndReportsFellowGroupMember_SharedFieldsOnly_OthersNotFound()
    {
        var (partner, token) = await PartnerAsync();
        var group = await GroupAsync("Ensomhed");
        var otherGroup = await GroupAsync("Ensomhed");
        var fellow = await StaffAsync("Fælles medlem");
        var inOtherGroup = await StaffAsync("Andet netværk");
        var inNoGroup = await StaffAsync("Uden netværk");
        foreach (var (groupId, personId) in new[] { (group.Id, partner.Id), (group.Id, fellow.Id), (otherGroup.Id, inOtherGroup.Id) })
        {
            await Host.CallAsync<AddMemberRequest, AddMemberResponse>(Groups, "AddMember", new() { GroupId = groupId, ResourcePersonId = personId }, CivicRoles.Coordinator);
        }

        var seen = (await Host.CallWithTokenAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Persons, "GetResourcePerson", new() { Id = fellow.Id }, token)).ResourcePerson;
        var report = (await Host.CallWithTokenAsync<ReportResourcePersonRequest, ReportResourcePersonResponse>(Upkeep, "ReportResourcePerson",
            new() { PersonId = fellow.Id, Reason = "Telefonnummeret i beskrivelsen er forkert." }, token)).Report;
        foreach (var stranger in new[] { inOtherGroup.Id, inNoGroup.Id })
        {
            var notFound = await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
                Host.CallWithTokenAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Persons, "GetResourcePerson", new() { Id = stranger }, token));
            Assert.Contains(stranger, notFound.Status.Detail, StringComparison.Ordinal);
            await RpcAssert.FailsAsync(StatusCode.NotFound, () => Host.CallWithTokenAsync<ReportResourcePersonRequest, ReportResourcePersonResponse>(Upkeep, "ReportResourcePerson",
                new() { PersonId = stranger, Reason = "Forkert." }, token));
        }

        // Another partner in no group with them sees nothing of the fellow member either.
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Host.CallWithTokenAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Persons, "GetResourcePerson",
            new() { Id = fellow.Id }, TestTokens.ForUser($"partner-{Guid.NewGuid():N}", CivicRoles.Partner)));

        Assert.Equal("Fælles medlem", seen.DisplayName);
        Assert.Equal("Jeg er med i netværket.", seen.Description);
        Assert.Contains(seen.TaxonomyCompetences, c => c.Id == "frivillighed");
        // Organisation, role, languages and capacity are internal-only on this profile; so are manager, owner and e-mails.
        Assert.Equal(string.Empty, seen.Organisation);
        Assert.Equal(string.Empty, seen.Role);
        Assert.Empty(seen.Languages);
        Assert.Equal(0, seen.CapacityHoursPerMonth);
        Assert.Equal(0, seen.AvailableHoursThisMonth);
        Assert.Equal(string.Empty, seen.ManagerId);
        Assert.Equal(string.Empty, seen.OwnerId);
        Assert.Equal(string.Empty, seen.ContactEmail);
        Assert.Equal(fellow.Id, report.PersonId);
    }

    private async Task<NetworkGroup> GroupAsync(string area) =>
        (await Host.CallAsync<CreateGroupRequest, CreateGroupResponse>(Groups, "CreateGroup",
            new() { Name = $"Netværk {Guid.NewGuid().ToString("N")[..6]}", ChallengeArea = area, Description = "Til test." }, CivicRoles.Coordinator)).Group;

    /// <summary>A partner's profile (created by a coordinator, owned by the partner) and the partner's token.</summary>
    private async Task<(ResourcePerson Person, string Token)> PartnerAsync()
    {
        var owner = $"partner-{Guid.NewGuid():N}";
        var request = Profile($"Frivillig {owner[8..14]}", PersonKind.Partner, "Jeg er besøgsven.");
        request.OwnerId = owner;
        var person = (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Persons, "CreateResourcePerson", request, CivicRoles.Coordinator)).ResourcePerson;
        return (person, TestTokens.ForUser(owner, CivicRoles.Partner));
    }

    /// <summary>An internal staff profile (the default visibility) that shares only its competences and description.</summary>
    private async Task<ResourcePerson> StaffAsync(string name)
    {
        var request = Profile(name, PersonKind.Staff, "Jeg er med i netværket.");
        request.Organisation = "aeldre-og-handicap";
        request.Role = "Socialrådgiver";
        request.ManagerId = "leder-partnertest";
        request.ContactEmail = "medarbejder@kommune.example";
        request.PublicFields.Add(ProfileField.Competences);
        request.PublicFields.Add(ProfileField.Description);
        return (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Persons, "CreateResourcePerson", request, CivicRoles.Coordinator)).ResourcePerson;
    }

    private static CreateResourcePersonRequest Profile(string name, PersonKind kind, string description) => new()
    {
        DisplayName = name,
        Organisation = "Ældre Sagen Aalborg",
        Kind = kind,
        CompetenceIds = { "frivillighed" },
        Languages = { Language.Danish },
        CapacityHoursPerMonth = 6,
        Description = description,
        OptedIn = true,
    };
}
