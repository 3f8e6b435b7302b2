using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class HelpRequestTestsOnSqlite(NetworkOnSqlite fixture) : HelpRequestTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class HelpRequestTestsOnPostgres(NetworkOnPostgres fixture) : HelpRequestTests(fixture), IClassFixture<NetworkOnPostgres>;

/// <summary>The request flow, its bad inputs and the capacity ledger under concurrent approvals.</summary>
public abstract class HelpRequestTests(ServiceFixture<ResourcePersonGrpcService> fixture) : ServiceTests<ResourcePersonGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Persons = ResourcePersonsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Requests = RequestsReflection.Descriptor.Services[0];

    private static LocalDate InDays(int days)
    {
        var date = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(days);
        return new LocalDate { Year = date.Year, Month = date.Month, Day = date.Day };
    }

    [Fact]
    public async Task Flow_AskAcceptApproveComplete_HoursBookedAndEvidenceCounted()
    {
        var (person, owner, manager) = await PersonAsync(capacity: 10);

        var asked = await CallAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>("CreateHelpRequest", NewRequest(person.Id, hours: 4), "afdeling-1");
        var mine = await CallAsync<ListHelpRequestsRequest, ListHelpRequestsResponse>("ListHelpRequests", new() { View = HelpRequestView.AskedOfMe }, owner);
        var accepted = await CallAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>("RespondToHelpRequest",
            new() { Id = asked.HelpRequest.Id, Response = HelpResponse.Accept }, owner);
        var awaiting = await CallAsync<ListHelpRequestsRequest, ListHelpRequestsResponse>("ListHelpRequests", new() { View = HelpRequestView.AwaitingMyApproval }, manager);
        var approved = await CallAsync<ApproveHelpRequestRequest, ApproveHelpRequestResponse>("ApproveHelpRequest", new() { Id = asked.HelpRequest.Id, Hours = 4 }, manager);
        var completed = await CallAsync<CompleteHelpRequestRequest, CompleteHelpRequestResponse>("CompleteHelpRequest",
            new() { Id = asked.HelpRequest.Id, Rating = 5, Feedback = "Fremragende facilitering." }, "afdeling-1");
        var after = (await Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Persons, "GetResourcePerson", new() { Id = person.Id })).ResourcePerson;

        Assert.Equal(HelpRequestStatus.Proposed, asked.HelpRequest.Status);
        Assert.Equal([asked.HelpRequest.Id], mine.HelpRequests.Select(r => r.Id));
        Assert.Equal(HelpRequestStatus.Accepted, accepted.HelpRequest.Status);
        Assert.Equal([asked.HelpRequest.Id], awaiting.HelpRequests.Select(r => r.Id));
        Assert.Equal(HelpRequestStatus.Approved, approved.HelpRequest.Status);
        Assert.Equal(HelpRequestStatus.Completed, completed.HelpRequest.Status);
        Assert.Equal(1, after.CompletedAssignments);
        // The hours are booked in the month the request starts; that is this month unless it starts next month.
        var startsThisMonth = NewRequest(person.Id, 4).StartDate.Month == InDays(0).Month;
        Assert.Equal(startsThisMonth ? 6 : 10, after.AvailableHoursThisMonth);
    }

    [Fact]
    public async Task Queue_DeclineReturnsToQueue_CoordinatorAssignsFromSuggestions()
    {
        var competence = "konfliktmaegling";
        var (busy, _, _) = await PersonAsync(capacity: 4, competence);
        var (free, freeOwner, _) = await PersonAsync(capacity: 40, competence);
        var request = NewRequest(string.Empty, hours: 3);
        request.CompetenceIds.Add(competence);

        var queued = (await CallAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>("CreateHelpRequest", request, "afdeling-2")).HelpRequest;
        var queue = await CallAsync<ListHelpRequestsRequest, ListHelpRequestsResponse>("ListHelpRequests", new() { View = HelpRequestView.Queue, Page = new() { PageSize = 500 } }, "koordinator", CivicRoles.Coordinator);
        var suggestions = await CallAsync<SuggestResourcePersonsRequest, SuggestResourcePersonsResponse>("SuggestResourcePersons", new() { Id = queued.Id, Limit = 50 }, "koordinator", CivicRoles.Coordinator);
        await CallAsync<AssignHelpRequestRequest, AssignHelpRequestResponse>("AssignHelpRequest", new() { Id = queued.Id, PersonId = free.Id }, "koordinator", CivicRoles.Coordinator);
        var declined = (await CallAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>("RespondToHelpRequest",
            new() { Id = queued.Id, Response = HelpResponse.Unavailable }, freeOwner)).HelpRequest;

        Assert.Equal(HelpRequestStatus.Queued, queued.Status);
        Assert.Contains(queue.HelpRequests, r => r.Id == queued.Id);
        var ids = suggestions.ResourcePersons.Select(p => p.Id).ToList();
        Assert.Contains(free.Id, ids);
        Assert.Contains(busy.Id, ids);
        Assert.True(ids.IndexOf(free.Id) < ids.IndexOf(busy.Id), "The person with more free hours is suggested first.");
        Assert.Equal(HelpRequestStatus.Queued, declined.Status);
        Assert.Equal(HelpResponse.Unavailable, declined.LastResponse);
        Assert.Equal(string.Empty, declined.PersonId);
    }

    [Fact]
    public async Task Approve_FiftyInParallel_NeverBeyondTheBudget()
    {
        var (person, owner, manager) = await PersonAsync(capacity: 20);
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var id = (await CallAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>("CreateHelpRequest", NewRequest(person.Id, hours: 3), "afdeling-3")).HelpRequest.Id;
            await CallAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>("RespondToHelpRequest", new() { Id = id, Response = HelpResponse.Accept }, owner);
            ids.Add(id);
        }

        var outcomes = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                await CallAsync<ApproveHelpRequestRequest, ApproveHelpRequestResponse>("ApproveHelpRequest", new() { Id = id, Hours = 3 }, manager);
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        // 6 × 3 = 18 hours fit in 20; a seventh would make 21.
        Assert.Equal(6, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(44, outcomes.Count(o => o == StatusCode.FailedPrecondition));
        var approved = 0;
        foreach (var id in ids)
        {
            var request = (await CallAsync<GetHelpRequestRequest, GetHelpRequestResponse>("GetHelpRequest", new() { Id = id }, manager)).HelpRequest;
            approved += request.Status == HelpRequestStatus.Approved ? 1 : 0;
        }

        Assert.Equal(6, approved);
    }

    [Fact]
    public async Task Approve_BySomeoneNotTheManager_PermissionDeniedAndNothingBooked()
    {
        var (person, owner, _) = await PersonAsync(capacity: 10);
        var id = await AcceptedRequestAsync(person.Id, owner, hours: 2);

        foreach (var (user, role) in new[] { (owner, CivicRoles.Staff), ("en-anden-leder", CivicRoles.Director), ("administrator", CivicRoles.Admin) })
        {
            var exception = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
                CallAsync<ApproveHelpRequestRequest, ApproveHelpRequestResponse>("ApproveHelpRequest", new() { Id = id, Hours = 2 }, user, role));
            RpcAssert.ErrorInfo(exception, ErrorReason.NotAllowed);
        }

        Assert.Equal(HelpRequestStatus.Accepted, (await CallAsync<GetHelpRequestRequest, GetHelpRequestResponse>("GetHelpRequest", new() { Id = id }, owner)).HelpRequest.Status);
        Assert.Equal(10, (await Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Persons, "GetResourcePerson", new() { Id = person.Id })).ResourcePerson.AvailableHoursThisMonth);
    }

    [Fact]
    public async Task Approve_HoursBeyondTheRemainingBudget_FailedPreconditionAndNothingBooked()
    {
        var (person, owner, manager) = await PersonAsync(capacity: 10);
        var first = await AcceptedRequestAsync(person.Id, owner, hours: 8);
        var second = await AcceptedRequestAsync(person.Id, owner, hours: 3);
        await CallAsync<ApproveHelpRequestRequest, ApproveHelpRequestResponse>("ApproveHelpRequest", new() { Id = first, Hours = 8 }, manager);

        var exception = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () =>
            CallAsync<ApproveHelpRequestRequest, ApproveHelpRequestResponse>("ApproveHelpRequest", new() { Id = second, Hours = 3 }, manager));

        Assert.Contains("2 of 10 hours", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(HelpRequestStatus.Accepted, (await CallAsync<GetHelpRequestRequest, GetHelpRequestResponse>("GetHelpRequest", new() { Id = second }, manager)).HelpRequest.Status);
    }

    [Fact]
    public async Task Approve_OtherHoursThanAsked_FailedPrecondition_NoHours_InvalidArgument()
    {
        var (person, owner, manager) = await PersonAsync(capacity: 10);
        var id = await AcceptedRequestAsync(person.Id, owner, hours: 2);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () =>
            CallAsync<ApproveHelpRequestRequest, ApproveHelpRequestResponse>("ApproveHelpRequest", new() { Id = id, Hours = 5 }, manager));
        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            CallAsync<ApproveHelpRequestRequest, ApproveHelpRequestResponse>("ApproveHelpRequest", new() { Id = id }, manager));

        Assert.Equal(["hours"], RpcAssert.ViolatedFields(exception));
        Assert.Equal(HelpRequestStatus.Accepted, (await CallAsync<GetHelpRequestRequest, GetHelpRequestResponse>("GetHelpRequest", new() { Id = id }, manager)).HelpRequest.Status);
    }

    [Fact]
    public async Task Create_UnknownCompetenceIdPastDateAbsurdHours_InvalidArgumentAndNothingStored()
    {
        var (person, owner, _) = await PersonAsync(capacity: 10);
        var request = NewRequest(person.Id, hours: 100_000);
        request.CompetenceIds.Add("tankelæsning");
        request.StartDate = InDays(-1);
        request.EndDate = InDays(-1);

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CallAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>("CreateHelpRequest", request, "afdeling-4"));

        Assert.Equal(["competence_ids[0]", "start_date", "hours"], RpcAssert.ViolatedFields(exception));
        Assert.Empty((await CallAsync<ListHelpRequestsRequest, ListHelpRequestsResponse>("ListHelpRequests", new() { View = HelpRequestView.AskedOfMe }, owner)).HelpRequests);
        Assert.Empty((await CallAsync<ListHelpRequestsRequest, ListHelpRequestsResponse>("ListHelpRequests", new() { View = HelpRequestView.RequestedByMe }, "afdeling-4")).HelpRequests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Create_ZeroOrNegativeHours_InvalidArgument(int hours)
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            CallAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>("CreateHelpRequest", NewRequest(string.Empty, hours), "afdeling-5"));

        Assert.Equal(["hours"], RpcAssert.ViolatedFields(exception));
    }

    [Fact]
    public async Task Create_UnknownPerson_InvalidArgument()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            CallAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>("CreateHelpRequest", NewRequest("findes-ikke", 2), "afdeling-5"));

        Assert.Equal(["person_id"], RpcAssert.ViolatedFields(exception));
    }

    [Fact]
    public async Task Respond_BySomeoneElse_PermissionDenied_Complete_ByOthers_PermissionDenied_BeforeApproval_FailedPrecondition()
    {
        var (person, owner, _) = await PersonAsync(capacity: 10);
        var id = (await CallAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>("CreateHelpRequest", NewRequest(person.Id, 2), "afdeling-6")).HelpRequest.Id;

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => CallAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>(
            "RespondToHelpRequest", new() { Id = id, Response = HelpResponse.Accept }, "en-fremmed"));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => CallAsync<CompleteHelpRequestRequest, CompleteHelpRequestResponse>(
            "CompleteHelpRequest", new() { Id = id, Rating = 5 }, owner));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => CallAsync<CompleteHelpRequestRequest, CompleteHelpRequestResponse>(
            "CompleteHelpRequest", new() { Id = id, Rating = 5 }, "afdeling-6"));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => CallAsync<GetHelpRequestRequest, GetHelpRequestResponse>(
            "GetHelpRequest", new() { Id = id }, "en-fremmed"));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => CallAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>(
            "CreateHelpRequest", NewRequest(person.Id, 2), "borger", CivicRoles.Citizen));
    }

    private static CreateHelpRequestRequest NewRequest(string personId, int hours) => new()
    {
        Need = "Facilitering af et dialogmøde med forældre.",
        StartDate = InDays(2),
        EndDate = InDays(9),
        Hours = hours,
        Language = Language.Danish,
        PersonId = personId,
    };

    private async Task<string> AcceptedRequestAsync(string personId, string owner, int hours)
    {
        var id = (await CallAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>("CreateHelpRequest", NewRequest(personId, hours), "afdeling-7")).HelpRequest.Id;
        await CallAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>("RespondToHelpRequest", new() { Id = id, Response = HelpResponse.Accept }, owner);
        return id;
    }

    /// <summary>An opted-in person with their own owner and manager user ids.</summary>
    private async Task<(ResourcePerson Person, string Owner, string Manager)> PersonAsync(int capacity, string competence = "facilitering")
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var owner = $"ejer-{suffix}";
        var manager = $"leder-{suffix}";
        var person = (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Persons, "CreateResourcePerson", new()
        {
            DisplayName = $"Person {suffix}",
            Organisation = "boern-og-unge",
            CompetenceIds = { competence },
            Languages = { Language.Danish },
            CapacityHoursPerMonth = capacity,
            OwnerId = owner,
            ManagerId = manager,
            OptedIn = true,
        })).ResourcePerson;
        return (person, owner, manager);
    }

    private Task<TResponse> CallAsync<TRequest, TResponse>(string method, TRequest request, string userId, string role = CivicRoles.Staff)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        Host.CallWithTokenAsync<TRequest, TResponse>(Requests, method, request, TestTokens.ForUser(userId, role));
}
