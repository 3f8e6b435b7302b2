using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Defaults.Services;
using Civic.Network;
using Civic.Network.Notifications;
using Civic.Network.Requests;
using Civic.Services.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HelpRequest = Civic.Contracts.Network.V1.HelpRequest;
using HelpRequestStatus = Civic.Contracts.Network.V1.HelpRequestStatus;
using HelpRequestView = Civic.Contracts.Network.V1.HelpRequestView;
using HelpResponse = Civic.Contracts.Network.V1.HelpResponse;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

/// <summary>The Network service with an address for the coordinators' queue.</summary>
public abstract class NetworkWithCoordinators(Backend backend) : ServiceFixture<ResourcePersonGrpcService>(CivicServices.Network.Name, backend)
{
    public const string CoordinatorsEmail = "koordinatorer@kommune.example";

    protected override IReadOnlyDictionary<string, string> HostSettings(StorageBackend storage) =>
        new Dictionary<string, string>(base.HostSettings(storage)) { [$"{NetworkContactsOptions.SectionName}:CoordinatorsEmail"] = CoordinatorsEmail };
}

public sealed class NetworkWithCoordinatorsOnSqlite() : NetworkWithCoordinators(Backend.Sqlite);

public sealed class NetworkWithCoordinatorsOnPostgres() : NetworkWithCoordinators(Backend.Postgres);

public sealed class RequestFollowUpTestsOnSqlite(NetworkWithCoordinatorsOnSqlite fixture) : RequestFollowUpTests(fixture), IClassFixture<NetworkWithCoordinatorsOnSqlite>;

public sealed class RequestFollowUpTestsOnPostgres(NetworkWithCoordinatorsOnPostgres fixture) : RequestFollowUpTests(fixture), IClassFixture<NetworkWithCoordinatorsOnPostgres>;

/// <summary>
/// The hourly follow-up: unanswered requests remind the person, then escalate to the coordinators' queue; pending
/// approvals remind the manager. Each step of the flow is e-mailed to the address on the profile (or the coordinators'), once.
/// </summary>
public abstract class RequestFollowUpTests(ServiceFixture<ResourcePersonGrpcService> fixture) : ServiceTests<ResourcePersonGrpcService>(fixture)
{
    private const string Requester = "afdeling-follow-up";
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Persons = ResourcePersonsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Requests = RequestsReflection.Descriptor.Services[0];

    [Fact]
    public async Task Job_RemindsAfter3Days_EscalatesAfter7_RemindsManager_Once_LeavesFreshAlone()
    {
        var (person, owner) = await PersonAsync();
        var waiting4Days = await RequestAsync(person.Id);
        var waiting8Days = await RequestAsync(person.Id);
        var accepted4Days = await RequestAsync(person.Id);
        await CallAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>("RespondToHelpRequest", new() { Id = accepted4Days, Response = HelpResponse.Accept }, owner);
        var fresh = await RequestAsync(person.Id);
        await WaitingSinceAsync(waiting4Days, 4);
        await WaitingSinceAsync(waiting8Days, 8);
        await WaitingSinceAsync(accepted4Days, 4);

        await RunJobAsync();
        var remindedAt = await RemindedAtAsync(waiting4Days);
        await RunJobAsync();
        var reminded = await GetAsync(waiting4Days);
        var escalated = await GetAsync(waiting8Days);
        var managerReminded = await GetAsync(accepted4Days);
        var untouched = await GetAsync(fresh);
        var queue = (await CallAsync<ListHelpRequestsRequest, ListHelpRequestsResponse>("ListHelpRequests",
            new() { View = HelpRequestView.Queue, Page = new PageRequest { PageSize = 500 } }, "koordinator", CivicRoles.Coordinator)).HelpRequests;

        Assert.Equal(remindedAt, await RemindedAtAsync(waiting4Days));
        Assert.Equal(HelpRequestStatus.Proposed, reminded.Status);
        Assert.NotNull(reminded.RemindedAt);
        Assert.Null(reminded.EscalatedAt);
        Assert.Equal(HelpRequestStatus.Queued, escalated.Status);
        Assert.Equal("", escalated.PersonId);
        Assert.Equal(person.DisplayName, escalated.EscalatedFrom);
        Assert.NotNull(escalated.EscalatedAt);
        Assert.Null(escalated.RemindedAt);
        Assert.Contains(queue, r => r.Id == waiting8Days);
        Assert.Equal(HelpRequestStatus.Accepted, managerReminded.Status);
        Assert.NotNull(managerReminded.RemindedAt);
        Assert.Equal(HelpRequestStatus.Proposed, untouched.Status);
        Assert.Null(untouched.RemindedAt);
        Assert.Null(untouched.EscalatedAt);
    }

    [Fact]
    public async Task Job_AnsweredAfterAReminder_NotEscalated_RemindedAtNoLongerShown()
    {
        var (person, owner) = await PersonAsync();
        var id = await RequestAsync(person.Id);
        await WaitingSinceAsync(id, 4);
        await RunJobAsync();

        await CallAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>("RespondToHelpRequest", new() { Id = id, Response = HelpResponse.Accept }, owner);
        await RunJobAsync();
        var answered = await GetAsync(id);

        Assert.Equal(HelpRequestStatus.Accepted, answered.Status);
        Assert.Null(answered.RemindedAt);
        Assert.Null(answered.EscalatedAt);
    }

    [Fact]
    public async Task RequestFlow_EachStepMailsTheRightAddressOnce()
    {
        var (person, owner) = await PersonAsync();
        var (contact, manager) = (person.ContactEmail, person.ManagerEmail);
        var accepted = await RequestAsync(person.Id);
        await CallAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>("RespondToHelpRequest", new() { Id = accepted, Response = HelpResponse.Accept }, owner);
        var unanswered = await RequestAsync(person.Id);
        var forgotten = await RequestAsync(person.Id);
        await WaitingSinceAsync(accepted, 4);
        await WaitingSinceAsync(unanswered, 4);
        await WaitingSinceAsync(forgotten, 8);

        await RunJobAsync();
        await RunJobAsync();

        Assert.Equal(
            [(NetworkMessages.RequestSentKind, contact), (NetworkMessages.ApprovalNeededKind, manager), (NetworkMessages.ManagerReminderKind, manager)],
            await NetworkOutbox.AboutAsync(Host, accepted));
        Assert.Equal([(NetworkMessages.RequestSentKind, contact), (NetworkMessages.PersonReminderKind, contact)], await NetworkOutbox.AboutAsync(Host, unanswered));
        Assert.Equal(
            [(NetworkMessages.RequestSentKind, contact), (NetworkMessages.EscalatedKind, NetworkWithCoordinators.CoordinatorsEmail)],
            await NetworkOutbox.AboutAsync(Host, forgotten));
        var reminder = await NetworkOutbox.SingleAsync(Host, unanswered, NetworkMessages.PersonReminderKind);
        Assert.Contains("Facilitering af et dialogmøde", reminder.Body, StringComparison.Ordinal);
        Assert.Contains("/ressourcenetvaerket/anmodninger", reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestFlow_ProfileWithoutAddresses_NothingQueued_FlowStillWorks()
    {
        var (person, owner) = await PersonAsync(withAddresses: false);
        var id = await RequestAsync(person.Id);
        await CallAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>("RespondToHelpRequest", new() { Id = id, Response = HelpResponse.Accept }, owner);
        await WaitingSinceAsync(id, 4);

        await RunJobAsync();
        var request = await GetAsync(id);

        Assert.Empty(await NetworkOutbox.AboutAsync(Host, id));
        Assert.Equal(HelpRequestStatus.Accepted, request.Status);
        Assert.NotNull(request.RemindedAt);
    }

    private async Task RunJobAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<RequestFollowUpJob>(scope.ServiceProvider).RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Moves the request's last change <paramref name="days"/> days back, as if it had waited that long.</summary>
    private async Task WaitingSinceAsync(string id, int days)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var at = DateTimeOffset.UtcNow.AddDays(-days);
        await db.HelpRequests.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.UpdatedAt, at), TestContext.Current.CancellationToken);
    }

    private async Task<DateTimeOffset?> RemindedAtAsync(string id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        return await db.HelpRequests.Where(r => r.Id == id).Select(r => r.RemindedAt).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<HelpRequest> GetAsync(string id) =>
        (await CallAsync<GetHelpRequestRequest, GetHelpRequestResponse>("GetHelpRequest", new() { Id = id }, Requester)).HelpRequest;

    private async Task<string> RequestAsync(string personId)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        return (await CallAsync<CreateHelpRequestRequest, CreateHelpRequestResponse>("CreateHelpRequest", new()
        {
            Need = "Facilitering af et dialogmøde med forældre.",
            StartDate = new LocalDate { Year = start.Year, Month = start.Month, Day = start.Day },
            Hours = 2,
            Language = Language.Danish,
            PersonId = personId,
        }, Requester)).HelpRequest.Id;
    }

    /// <summary>An opted-in profile with an owner and a manager, and (unless told otherwise) both their work e-mails.</summary>
    private async Task<(ResourcePerson Person, string Owner)> PersonAsync(bool withAddresses = true)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var person = (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Persons, "CreateResourcePerson", new()
        {
            DisplayName = $"Opfølgning {suffix}",
            Organisation = "boern-og-unge",
            CompetenceIds = { "facilitering" },
            Languages = { Language.Danish },
            CapacityHoursPerMonth = 20,
            OwnerId = $"ejer-{suffix}",
            ManagerId = $"leder-{suffix}",
            ContactEmail = withAddresses ? $"person-{suffix}@kommune.example" : string.Empty,
            ManagerEmail = withAddresses ? $"leder-{suffix}@kommune.example" : string.Empty,
            OptedIn = true,
        })).ResourcePerson;
        return (person, $"ejer-{suffix}");
    }

    private Task<TResponse> CallAsync<TRequest, TResponse>(string method, TRequest request, string userId, string role = CivicRoles.Staff)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        Host.CallWithTokenAsync<TRequest, TResponse>(Requests, method, request, TestTokens.ForUser(userId, role));
}
