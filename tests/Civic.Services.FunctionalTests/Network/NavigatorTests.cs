using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Network.Navigators;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NavigatorRole = Civic.Contracts.Network.V1.NavigatorRole;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class NavigatorTestsOnSqlite(NetworkOnSqlite fixture) : NavigatorTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class NavigatorTestsOnPostgres(NetworkOnPostgres fixture) : NavigatorTests(fixture), IClassFixture<NetworkOnPostgres>;

/// <summary>Families, their two navigators, hand-over, and the job that flags families left without one.</summary>
public abstract class NavigatorTests(ServiceFixture<ResourcePersonGrpcService> fixture) : ServiceTests<ResourcePersonGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Persons = ResourcePersonsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Navigators = NavigatorsReflection.Descriptor.Services[0];

    [Theory]
    [InlineData("010190-1234")]
    [InlineData("0101901234")]
    [InlineData("FAM-0101901234")]
    [InlineData("FAM-01-01-90-12-34")]
    public async Task Register_ReferenceLikeACprNumber_RefusedAsPersonalDataAndNothingStored(string reference)
    {
        var (primary, secondary) = (await NavigatorAsync(), await NavigatorAsync());

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => RegisterAsync(reference, primary.Id, secondary.Id));

        Assert.Equal(["reference"], RpcAssert.ViolatedFields(exception));
        RpcAssert.ErrorInfo(exception, ErrorReason.PersonalDataInText);
        Assert.DoesNotContain(reference, exception.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<GetFamilyRequest, GetFamilyResponse>(Navigators, "GetFamily", new() { Reference = reference }));
    }

    [Fact]
    public async Task Register_ThenGet_BothNavigatorsNamed()
    {
        var (primary, secondary) = (await NavigatorAsync(), await NavigatorAsync());
        var reference = Reference();

        await RegisterAsync(reference.ToLowerInvariant(), primary.Id, secondary.Id);
        var family = (await Host.CallAsync<GetFamilyRequest, GetFamilyResponse>(Navigators, "GetFamily", new() { Reference = reference }, CivicRoles.Staff)).Family;

        Assert.Equal(reference, family.Reference);
        Assert.Equal(primary.DisplayName, family.PrimaryNavigatorName);
        Assert.Equal(secondary.DisplayName, family.SecondaryNavigatorName);
        Assert.Null(family.FlaggedAt);
    }

    [Fact]
    public async Task Register_UnknownNavigator_InvalidArgument_Twice_AlreadyExists()
    {
        var (primary, secondary) = (await NavigatorAsync(), await NavigatorAsync());
        var reference = Reference();

        var unknown = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => RegisterAsync(reference, "findes-ikke", secondary.Id));
        await RegisterAsync(reference, primary.Id, secondary.Id);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => RegisterAsync(reference, primary.Id, secondary.Id));

        Assert.Equal(["primary_navigator_id"], RpcAssert.ViolatedFields(unknown));
    }

    [Fact]
    public async Task Job_NavigatorLeaves_FamilyFlagged_HandOverClearsTheFlag()
    {
        var (primary, secondary, successor) = (await NavigatorAsync(), await NavigatorAsync(), await NavigatorAsync());
        var reference = Reference();
        await RegisterAsync(reference, primary.Id, secondary.Id);

        // The primary navigator leaves the network: their profile is no longer opted in.
        var profile = new CreateResourcePersonRequest { DisplayName = primary.DisplayName, Organisation = primary.Organisation, OptedIn = false };
        await Host.CallAsync<UpdateResourcePersonRequest, UpdateResourcePersonResponse>(Persons, "UpdateResourcePerson", new() { Id = primary.Id, Profile = profile });
        await RunJobAsync();
        await RunJobAsync();
        var unattended = await Host.CallAsync<ListUnattendedFamiliesRequest, ListUnattendedFamiliesResponse>(Navigators, "ListUnattendedFamilies", new(), CivicRoles.Coordinator);
        var handedOver = await Host.CallAsync<HandOverFamilyRequest, HandOverFamilyResponse>(Navigators, "HandOverFamily",
            new() { Reference = reference, Role = NavigatorRole.Primary, NewNavigatorId = successor.Id }, CivicRoles.Staff);
        await RunJobAsync();
        var after = await Host.CallAsync<ListUnattendedFamiliesRequest, ListUnattendedFamiliesResponse>(Navigators, "ListUnattendedFamilies", new(), CivicRoles.Coordinator);

        var flagged = Assert.Single(unattended.Families, f => f.Reference == reference);
        Assert.Equal(string.Empty, flagged.PrimaryNavigatorName);
        Assert.NotNull(flagged.FlaggedAt);
        Assert.Equal(successor.DisplayName, handedOver.Family.PrimaryNavigatorName);
        Assert.Null(handedOver.Family.FlaggedAt);
        Assert.DoesNotContain(after.Families, f => f.Reference == reference);
    }

    [Fact]
    public async Task HandOver_ToTheOtherNavigator_FailedPrecondition_NoRole_InvalidArgument()
    {
        var (primary, secondary) = (await NavigatorAsync(), await NavigatorAsync());
        var reference = Reference();
        await RegisterAsync(reference, primary.Id, secondary.Id);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Host.CallAsync<HandOverFamilyRequest, HandOverFamilyResponse>(Navigators, "HandOverFamily",
            new() { Reference = reference, Role = NavigatorRole.Primary, NewNavigatorId = secondary.Id }));
        var noRole = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<HandOverFamilyRequest, HandOverFamilyResponse>(Navigators, "HandOverFamily",
            new() { Reference = reference, NewNavigatorId = secondary.Id }));

        Assert.Equal(["role"], RpcAssert.ViolatedFields(noRole));
    }

    private static string Reference() => $"FAM-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    private async Task RunJobAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<UnattendedFamiliesJob>(scope.ServiceProvider).RunAsync(TestContext.Current.CancellationToken);
    }

    private Task<RegisterFamilyResponse> RegisterAsync(string reference, string primary, string secondary) =>
        Host.CallAsync<RegisterFamilyRequest, RegisterFamilyResponse>(Navigators, "RegisterFamily",
            new() { Reference = reference, Department = "boern-og-unge", PrimaryNavigatorId = primary, SecondaryNavigatorId = secondary });

    private async Task<ResourcePerson> NavigatorAsync() =>
        (await Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Persons, "CreateResourcePerson", new()
        {
            DisplayName = $"Navigatør {Guid.NewGuid().ToString("N")[..6]}",
            Organisation = "boern-og-unge",
            CompetenceIds = { "navigation" },
            CapacityHoursPerMonth = 6,
            OptedIn = true,
        })).ResourcePerson;
}
