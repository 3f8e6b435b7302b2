using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Defaults.Services;
using Civic.Hosting.Notifications;
using Civic.Network;
using Civic.Network.Notifications;
using Civic.Network.ProfileUpkeep;
using Civic.Network.Requests;
using Civic.Services.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

public sealed class NetworkMessageTestsOnSqlite(NetworkWithCoordinatorsOnSqlite fixture) : NetworkMessageTests(fixture), IClassFixture<NetworkWithCoordinatorsOnSqlite>;

public sealed class NetworkMessageTestsOnPostgres(NetworkWithCoordinatorsOnPostgres fixture) : NetworkMessageTests(fixture), IClassFixture<NetworkWithCoordinatorsOnPostgres>;

/// <summary>
/// The request flow and profile upkeep reach people by e-mail at the addresses on the profile: a request sent, hours
/// waiting for approval, reminders, an escalation to the coordinators, a profile to confirm; each once.
/// </summary>
public abstract class NetworkMessageTests(ServiceFixture<ResourcePersonGrpcService> fixture) : IAsyncDisposable
{
    private const string Requester = "afdeling-beskeder";
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Persons = ResourcePersonsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Requests = RequestsReflection.Descriptor.Services[0];

    private ServiceHost<ResourcePersonGrpcService> Host => fixture.Host;

    [Fact]
    public async Task RequestFlow_EachStepMailsTheRightAddressOnce()
    {
        var (person, owner, contact, manager) = await PersonAsync(withAddresses: true);
        var accepted = await RequestAsync(person.Id);
        await CallAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>("RespondToHelpRequest", new() { Id = accepted, Response = HelpResponse.Accept }, owner);
        var unanswered = await RequestAsync(person.Id);
        var forgotten = await RequestAsync(person.Id);
        await WaitingSinceAsync(accepted, 4);
        await WaitingSinceAsync(unanswered, 4);
        await WaitingSinceAsync(forgotten, 8);

        await RunAsync<RequestFollowUpJob>();
        await RunAsync<RequestFollowUpJob>();

        Assert.Equal(
            [(NetworkMessages.RequestSentKind, contact), (NetworkMessages.ApprovalNeededKind, manager), (NetworkMessages.ManagerReminderKind, manager)],
            await MessagesAboutAsync(accepted));
        Assert.Equal([(NetworkMessages.RequestSentKind, contact), (NetworkMessages.PersonReminderKind, contact)], await MessagesAboutAsync(unanswered));
        Assert.Equal(
            [(NetworkMessages.RequestSentKind, contact), (NetworkMessages.EscalatedKind, NetworkWithCoordinators.CoordinatorsEmail)],
            await MessagesAboutAsync(forgotten));
        var reminder = await MessageAsync(unanswered, NetworkMessages.PersonReminderKind);
        Assert.Contains("Facilitering af et dialogmøde", reminder.Body, StringComparison.Ordinal);
        Assert.Contains("/ressourcenetvaerket/anmodninger", reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestFlow_ProfileWithoutAddresses_NothingQueued_FlowStillWorks()
    {
        var (person, owner, _, _) = await PersonAsync(withAddresses: false);
        var id = await RequestAsync(person.Id);
        await CallAsync<RespondToHelpRequestRequest, RespondToHelpRequestResponse>("RespondToHelpRequest", new() { Id = id, Response = HelpResponse.Accept }, owner);
        await WaitingSinceAsync(id, 4);

        await RunAsync<RequestFollowUpJob>();
        var request = (await CallAsync<GetHelpRequestRequest, GetHelpRequestResponse>("GetHelpRequest", new() { Id = id }, Requester)).HelpRequest;

        Assert.Empty(await MessagesAboutAsync(id));
        Assert.Equal(Civic.Contracts.Network.V1.HelpRequestStatus.Accepted, request.Status);
        Assert.NotNull(request.RemindedAt);
    }

    [Fact]
    public async Task StaleProfiles_OwnerAskedByMailOnce_OwnerWithoutAddressAskedOnThePageOnly()
    {
        var (withAddress, _, contact, _) = await PersonAsync(withAddresses: true);
        var (withoutAddress, _, _, _) = await PersonAsync(withAddresses: false);
        await ConfirmedMonthsAgoAsync(withAddress.Id, 7);
        await ConfirmedMonthsAgoAsync(withoutAddress.Id, 7);

        await RunAsync<StaleProfilesJob>();
        await RunAsync<StaleProfilesJob>();

        Assert.Equal([(NetworkMessages.ConfirmProfileKind, contact)], await MessagesAboutAsync(withAddress.Id));
        Assert.Empty(await MessagesAboutAsync(withoutAddress.Id));
        Assert.NotNull(await AskedAtAsync(withoutAddress.Id));
        var message = await MessageAsync(withAddress.Id, NetworkMessages.ConfirmProfileKind);
        Assert.Contains($"/ressourcenetvaerket/profiler/{withAddress.Id}", message.Body, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (fixture.Storage is not null)
        {
            Assert.Empty(Host.ErrorLogs());
        }

        return ValueTask.CompletedTask;
    }

    private async Task RunAsync<TJob>()
        where TJob : Civic.Hosting.Jobs.IRecurringJob
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<TJob>(scope.ServiceProvider).RunAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<(string Kind, string Recipient)>> MessagesAboutAsync(string aboutId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var messages = await db.Notifications.AsNoTracking().Where(m => m.AboutId == aboutId).ToListAsync(TestContext.Current.CancellationToken);
        return [.. messages.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => (m.Kind, m.Recipient))];
    }

    private async Task<OutboxMessage> MessageAsync(string aboutId, string kind)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        return await db.Notifications.AsNoTracking().SingleAsync(m => m.AboutId == aboutId && m.Kind == kind, TestContext.Current.CancellationToken);
    }

    private async Task WaitingSinceAsync(string id, int days)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var at = DateTimeOffset.UtcNow.AddDays(-days);
        await db.HelpRequests.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.UpdatedAt, at), TestContext.Current.CancellationToken);
    }

    private async Task ConfirmedMonthsAgoAsync(string id, int months)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var at = DateTimeOffset.UtcNow.AddMonths(-months);
        await db.ResourcePersons.Where(p => p.Id == id).ExecuteUpdateAsync(set => set.SetProperty(p => p.ConfirmedAt, at), TestContext.Current.CancellationToken);
    }

    private async Task<DateTimeOffset?> AskedAtAsync(string id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        return await db.ResourcePersons.Where(p => p.Id == id).Select(p => p.ConfirmationRequestedAt).SingleAsync(TestContext.Current.CancellationToken);
    }

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

    private async Task<(ResourcePerson Person, string Owner, string Contact, string Manager)> PersonAsync(bool withAddresses)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var contact = withAddresses ? $"person-{suffix}@kommune.example" : string.Empty;
        var manager = withAddresses ? $"leder-{suffix}@kommune.example" : string.Empty;
        var person = (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Persons, "CreateResourcePerson", new()
        {
            DisplayName = $"Besked {suffix}",
            Organisation = "boern-og-unge",
            CompetenceIds = { "facilitering" },
            Languages = { Language.Danish },
            CapacityHoursPerMonth = 20,
            OwnerId = $"ejer-{suffix}",
            ManagerId = $"leder-{suffix}",
            ContactEmail = contact,
            ManagerEmail = manager,
            OptedIn = true,
        })).ResourcePerson;
        return (person, $"ejer-{suffix}", contact, manager);
    }

    private Task<TResponse> CallAsync<TRequest, TResponse>(string method, TRequest request, string userId, string role = CivicRoles.Staff)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        Host.CallWithTokenAsync<TRequest, TResponse>(Requests, method, request, TestTokens.ForUser(userId, role));
}
