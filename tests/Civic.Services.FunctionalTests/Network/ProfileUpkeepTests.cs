using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Network;
using Civic.Network.Notifications;
using Civic.Network.ProfileUpkeep;
using Microsoft.Extensions.DependencyInjection;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using ProfileReportStatus = Civic.Contracts.Network.V1.ProfileReportStatus;
using Microsoft.EntityFrameworkCore;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class ProfileUpkeepTestsOnSqlite(NetworkOnSqlite fixture) : ProfileUpkeepTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class ProfileUpkeepTestsOnPostgres(NetworkOnPostgres fixture) : ProfileUpkeepTests(fixture), IClassFixture<NetworkOnPostgres>;

/// <summary>Profiles go stale (the daily job, confirmation, lower rank) and anyone may report an inaccurate one (stored, listed for the owner or a coordinator, resolved).</summary>
public abstract class ProfileUpkeepTests(ServiceFixture<ResourcePersonGrpcService> fixture) : ServiceTests<ResourcePersonGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Persons = ResourcePersonsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Upkeep = ProfileUpkeepReflection.Descriptor.Services[0];

    [Fact]
    public async Task Job_AsksOnceForAProfileNotConfirmedFor6Months_MarksItStale_ConfirmClearsIt()
    {
        var owner = $"bruger-{Guid.NewGuid():N}";
        var old = await PersonAsync("Gammel", owner);
        var fresh = await PersonAsync("Frisk", owner);
        await ConfirmedMonthsAgoAsync(old.Id, 7);
        await ConfirmedMonthsAgoAsync(fresh.Id, 5);

        await RunJobAsync();
        var firstAsked = await AskedAtAsync(old.Id);
        await RunJobAsync();
        var staleOld = await GetAsync(old.Id);
        var staleFresh = await GetAsync(fresh.Id);
        var confirmed = (await Host.CallWithTokenAsync<ConfirmResourcePersonRequest, ConfirmResourcePersonResponse>(Upkeep, "ConfirmResourcePerson",
            new() { Id = old.Id }, TestTokens.ForUser(owner, CivicRoles.Staff))).ResourcePerson;

        Assert.NotNull(firstAsked);
        Assert.Equal(firstAsked, await AskedAtAsync(old.Id));
        Assert.Null(await AskedAtAsync(fresh.Id));
        Assert.True(staleOld.Stale);
        Assert.False(staleFresh.Stale);
        Assert.False(confirmed.Stale);
        Assert.True(confirmed.ConfirmedAt.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.False((await GetAsync(old.Id)).Stale);
    }

    [Fact]
    public async Task Search_RanksAStaleProfileBelowAnEqualConfirmedOne()
    {
        var word = "upkeepord" + Guid.NewGuid().ToString("N")[..8].Replace('-', 'x');
        await PersonAsync("Første", "", word);
        await PersonAsync("Anden", "", word);
        var before = await SearchAsync(word);
        await ConfirmedMonthsAgoAsync(before[0], 7);
        await RunJobAsync();
        var after = await SearchAsync(word);

        // Equal profiles tie on score and go by id; staleness must turn that order round.
        Assert.Equal(2, before.Count);
        Assert.Equal([before[1], before[0]], after);
    }

    [Fact]
    public async Task Confirm_ByAnotherEmployee_PermissionDenied_Unknown_NotFound_NoId_InvalidArgument_CitizenDenied()
    {
        var person = await PersonAsync("Bekræft", $"bruger-{Guid.NewGuid():N}");
        await ConfirmedMonthsAgoAsync(person.Id, 7);
        var before = await ConfirmedAtAsync(person.Id);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => ConfirmAsync(person.Id, TestTokens.ForUser($"bruger-{Guid.NewGuid():N}", CivicRoles.Staff)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => ConfirmAsync(person.Id, TestTokens.For(CivicRoles.Citizen)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => ConfirmAsync("findes-ikke", TestTokens.For(CivicRoles.Coordinator)));
        var noId = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ConfirmAsync(" ", TestTokens.For(CivicRoles.Coordinator)));

        Assert.Equal(["id"], RpcAssert.ViolatedFields(noId));
        Assert.Equal(before, await ConfirmedAtAsync(person.Id));
    }

    [Fact]
    public async Task Report_Anonymous_OnPublicProfile_ListedForOwner_ResolvedOnce()
    {
        var owner = $"bruger-{Guid.NewGuid():N}";
        var person = await PersonAsync("Offentlig", owner, visibility: Visibility.Public);

        var report = (await ReportAsync(person.Id, "  Telefonnummeret er forkert.  ", null)).Report;
        var ownersList = (await ListAsync(TestTokens.ForUser(owner, CivicRoles.Staff))).Reports;
        var othersList = (await ListAsync(TestTokens.ForUser($"bruger-{Guid.NewGuid():N}", CivicRoles.Staff))).Reports;
        var coordinatorsList = (await ListAsync(TestTokens.For(CivicRoles.Coordinator))).Reports;
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => ResolveAsync(report.Id, "Ikke min", TestTokens.ForUser($"bruger-{Guid.NewGuid():N}", CivicRoles.Staff)));
        var resolved = (await ResolveAsync(report.Id, "Rettet i profilen.", TestTokens.ForUser(owner, CivicRoles.Staff))).Report;
        var twice = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => ResolveAsync(report.Id, "Igen", TestTokens.For(CivicRoles.Coordinator)));
        var openAfter = (await ListAsync(TestTokens.ForUser(owner, CivicRoles.Staff))).Reports;
        var allAfter = (await ListAsync(TestTokens.ForUser(owner, CivicRoles.Staff), includeResolved: true)).Reports;

        Assert.Equal("Telefonnummeret er forkert.", report.Reason);
        Assert.Equal(ProfileReportStatus.Open, report.Status);
        Assert.Equal(person.DisplayName, report.PersonName);
        Assert.Equal("", report.ReporterName);
        Assert.Equal([report.Id], ownersList.Select(r => r.Id));
        Assert.Empty(othersList);
        Assert.Contains(coordinatorsList, r => r.Id == report.Id);
        Assert.Equal(ProfileReportStatus.Resolved, resolved.Status);
        Assert.Equal("Rettet i profilen.", resolved.Resolution);
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Contains("Rettet i profilen.", twice.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(openAfter);
        Assert.Equal([ProfileReportStatus.Resolved], allAfter.Select(r => r.Status));
    }

    public static TheoryData<string> BadReasons => new("", "   ", new string('x', ProfileUpkeepRules.MaxTextLength + 1));

    [Theory]
    [MemberData(nameof(BadReasons))]
    public async Task Report_WithoutReasonOrTooLong_InvalidArgument_NothingStored(string reason)
    {
        var owner = $"bruger-{Guid.NewGuid():N}";
        var person = await PersonAsync("Grund", owner);

        var empty = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ReportAsync(person.Id, reason, TestTokens.For(CivicRoles.Staff)));

        Assert.Equal(["reason"], RpcAssert.ViolatedFields(empty));
        Assert.Empty((await ListAsync(TestTokens.ForUser(owner, CivicRoles.Staff), includeResolved: true)).Reports);
    }

    [Fact]
    public async Task Report_InternalProfileByOutsider_NotFound_UnknownPerson_NotFound_NothingStored()
    {
        var owner = $"bruger-{Guid.NewGuid():N}";
        var person = await PersonAsync("Intern", owner);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => ReportAsync(person.Id, "Forkert", null));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => ReportAsync(person.Id, "Forkert", TestTokens.For(CivicRoles.Citizen)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => ReportAsync("findes-ikke", "Forkert", TestTokens.For(CivicRoles.Staff)));
        var byStaff = (await ReportAsync(person.Id, "Forkert afdeling", TestTokens.ForUser("kollega-1", CivicRoles.Staff))).Report;

        Assert.Equal([byStaff.Id], (await ListAsync(TestTokens.ForUser(owner, CivicRoles.Staff), includeResolved: true)).Reports.Select(r => r.Id));
    }

    [Fact]
    public async Task Resolve_WithoutResolution_InvalidArgument_Unknown_NotFound_ListByCitizen_PermissionDenied()
    {
        var owner = $"bruger-{Guid.NewGuid():N}";
        var person = await PersonAsync("Afslut", owner);
        var report = (await ReportAsync(person.Id, "Forkert", TestTokens.For(CivicRoles.Staff))).Report;

        var noResolution = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ResolveAsync(report.Id, " ", TestTokens.ForUser(owner, CivicRoles.Staff)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => ResolveAsync("findes-ikke", "Rettet", TestTokens.For(CivicRoles.Coordinator)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => ListAsync(TestTokens.For(CivicRoles.Citizen)));
        var stillOpen = (await ListAsync(TestTokens.ForUser(owner, CivicRoles.Staff))).Reports;

        Assert.Equal(["resolution"], RpcAssert.ViolatedFields(noResolution));
        Assert.Equal([ProfileReportStatus.Open], stillOpen.Select(r => r.Status));
    }

    [Fact]
    public async Task Job_OwnerAskedByMailOnce_OwnerWithoutAddressAskedOnThePageOnly()
    {
        var contact = $"ejer-{Guid.NewGuid():N}@kommune.example";
        var withAddress = await PersonAsync("Med adresse", $"bruger-{Guid.NewGuid():N}", contactEmail: contact);
        var withoutAddress = await PersonAsync("Uden adresse", $"bruger-{Guid.NewGuid():N}");
        await ConfirmedMonthsAgoAsync(withAddress.Id, 7);
        await ConfirmedMonthsAgoAsync(withoutAddress.Id, 7);

        await RunJobAsync();
        await RunJobAsync();

        Assert.Equal([(NetworkMessages.ConfirmProfileKind, contact)], await NetworkOutbox.AboutAsync(Host, withAddress.Id));
        Assert.Empty(await NetworkOutbox.AboutAsync(Host, withoutAddress.Id));
        Assert.NotNull(await AskedAtAsync(withoutAddress.Id));
        var message = await NetworkOutbox.SingleAsync(Host, withAddress.Id, NetworkMessages.ConfirmProfileKind);
        Assert.Contains($"/ressourcenetvaerket/profiler/{withAddress.Id}", message.Body, StringComparison.Ordinal);
    }

    private async Task RunJobAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<StaleProfilesJob>(scope.ServiceProvider).RunAsync(TestContext.Current.CancellationToken);
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

    private async Task<DateTimeOffset> ConfirmedAtAsync(string id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        return await db.ResourcePersons.Where(p => p.Id == id).Select(p => p.ConfirmedAt).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<ResourcePerson> GetAsync(string id) =>
        (await Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Persons, "GetResourcePerson", new() { Id = id }, CivicRoles.Staff)).ResourcePerson;

    private async Task<List<string>> SearchAsync(string word) =>
        (await Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Persons, "SearchResourcePersons", new() { Query = word }, CivicRoles.Staff))
            .ResourcePersons.Select(p => p.Id).ToList();

    private Task<ConfirmResourcePersonResponse> ConfirmAsync(string id, string token) =>
        Host.CallWithTokenAsync<ConfirmResourcePersonRequest, ConfirmResourcePersonResponse>(Upkeep, "ConfirmResourcePerson", new() { Id = id }, token);

    private Task<ReportResourcePersonResponse> ReportAsync(string personId, string reason, string? token) =>
        Host.CallWithTokenAsync<ReportResourcePersonRequest, ReportResourcePersonResponse>(Upkeep, "ReportResourcePerson", new() { PersonId = personId, Reason = reason }, token);

    private Task<ListProfileReportsResponse> ListAsync(string token, bool includeResolved = false) =>
        Host.CallWithTokenAsync<ListProfileReportsRequest, ListProfileReportsResponse>(Upkeep, "ListProfileReports", new() { IncludeResolved = includeResolved }, token);

    private Task<ResolveProfileReportResponse> ResolveAsync(string id, string resolution, string token) =>
        Host.CallWithTokenAsync<ResolveProfileReportRequest, ResolveProfileReportResponse>(Upkeep, "ResolveProfileReport", new() { Id = id, Resolution = resolution }, token);

    private async Task<ResourcePerson> PersonAsync(string name, string ownerId, string otherCompetence = "", Visibility visibility = Visibility.Internal, string contactEmail = "") =>
        (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Persons, "CreateResourcePerson", new()
        {
            DisplayName = $"{name} {Guid.NewGuid().ToString("N")[..6]}",
            Organisation = "boern-og-unge",
            CompetenceIds = { "facilitering" },
            Competences = { otherCompetence.Length > 0 ? otherCompetence : "sparring" },
            CapacityHoursPerMonth = 4,
            OwnerId = ownerId,
            ContactEmail = contactEmail,
            OptedIn = true,
            Visibility = visibility,
            PublicFields = { ProfileField.Organisation, ProfileField.Competences },
        })).ResourcePerson;
}
