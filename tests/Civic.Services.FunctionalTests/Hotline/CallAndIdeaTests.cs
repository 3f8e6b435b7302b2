using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Grpc.Core;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class CallAndIdeaTestsOnSqlite(HotlineOnSqlite fixture) : CallAndIdeaTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class CallAndIdeaTestsOnPostgres(HotlineOnPostgres fixture) : CallAndIdeaTests(fixture), IClassFixture<HotlineOnPostgres>;

public abstract class CallAndIdeaTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Calls = CallsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Ideas = IdeasReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Bookings = BookingsReflection.Descriptor.Services[0];

    [Fact]
    public async Task Director_TodaysCalls_ListedMarkedAndTheIdeaFollowedByTheCitizen()
    {
        var (department, reference, token) = await CallTodayAsync();
        var director = TestTokens.For(CivicRoles.Director, department.Code);

        var list = await Host.CallWithTokenAsync<ListCallsRequest, ListCallsResponse>(Calls, "ListCalls", new(), director);
        var marked = (await Host.CallWithTokenAsync<RecordCallOutcomeRequest, RecordCallOutcomeResponse>(Calls, "RecordCallOutcome", new()
        {
            Reference = reference, Result = CallResult.Answered, Summary = "Talte om cykelparkering", FollowUps = "Vejafdelingen ser på det",
            Referral = ReferralKind.Navigator, ReferralNote = "Familien ønsker en navigator", EscalateToPanel = true, EscalationNote = "Svær sag",
        }, director)).Call;
        var idea = (await Host.CallWithTokenAsync<RegisterIdeaRequest, RegisterIdeaResponse>(Ideas, "RegisterIdea",
            new() { BookingReference = reference, Title = "Flere cykelstativer ved skolen", Description = "Forslag fra en forælder" }, director)).Idea;
        await ChangeAsync(idea.Id, IdeaStatus.UnderConsideration, director);
        await ChangeAsync(idea.Id, IdeaStatus.Planned, director);
        var seen = (await Host.CallAsync<GetBookingRequest, GetBookingResponse>(Bookings, "GetBooking", new() { Reference = reference, ManageToken = token }, role: null)).Booking;
        var board = await Host.CallAsync<ListIdeasRequest, ListIdeasResponse>(Ideas, "ListIdeas", new() { DepartmentId = department.Id }, role: null);

        Assert.Equal(reference, Assert.Single(list.Calls).Booking.Reference);
        Assert.Equal(CallResult.Answered, marked.Outcome.Result);
        Assert.Equal(ReferralKind.Navigator, marked.Outcome.Referral);
        Assert.True(marked.Outcome.EscalateToPanel);
        Assert.Equal($"test-{CivicRoles.Director}", marked.Outcome.RecordedBy);
        Assert.Equal(IdeaStatus.Planned, Assert.Single(seen.Ideas).Status);
        var onBoard = Assert.Single(board.Ideas);
        Assert.Equal("Flere cykelstativer ved skolen", onBoard.Title);
        Assert.DoesNotContain(seen.Phone, onBoard.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeIdeaStatus_DeclineWithoutReason_InvalidArgumentAndUnchanged()
    {
        var (department, reference, _) = await CallTodayAsync();
        var director = TestTokens.For(CivicRoles.Director, department.Code);
        var idea = (await Host.CallWithTokenAsync<RegisterIdeaRequest, RegisterIdeaResponse>(Ideas, "RegisterIdea", new() { BookingReference = reference, Title = "Idé" }, director)).Idea;

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ChangeAsync(idea.Id, IdeaStatus.Declined, director));
        var declined = await ChangeAsync(idea.Id, IdeaStatus.Declined, director, "Der er ikke plads");

        Assert.Equal(["decline_reason"], RpcAssert.ViolatedFields(exception));
        Assert.Equal("Der er ikke plads", declined.DeclineReason);
    }

    [Theory]
    [InlineData(IdeaStatus.Planned)]
    [InlineData(IdeaStatus.Implemented)]
    [InlineData(IdeaStatus.Received)]
    public async Task ChangeIdeaStatus_SkippingOrBackwards_FailedPrecondition(IdeaStatus target)
    {
        var (department, reference, _) = await CallTodayAsync();
        var director = TestTokens.For(CivicRoles.Director, department.Code);
        var idea = (await Host.CallWithTokenAsync<RegisterIdeaRequest, RegisterIdeaResponse>(Ideas, "RegisterIdea", new() { BookingReference = reference, Title = "Idé" }, director)).Idea;

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => ChangeAsync(idea.Id, target, director));
    }

    [Fact]
    public async Task Director_OfAnotherDepartment_PermissionDeniedAndNothingRecorded()
    {
        var (department, reference, _) = await CallTodayAsync();
        var other = await HotlineData.CreateDepartmentAsync(Host);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallWithTokenAsync<RecordCallOutcomeRequest, RecordCallOutcomeResponse>(Calls, "RecordCallOutcome",
            new() { Reference = reference, Result = CallResult.NoShow }, TestTokens.For(CivicRoles.Director, other.Code)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallWithTokenAsync<RegisterIdeaRequest, RegisterIdeaResponse>(Ideas, "RegisterIdea",
            new() { BookingReference = reference, Title = "Idé" }, TestTokens.For(CivicRoles.Director, other.Code)));
        var list = await Host.CallAsync<ListCallsRequest, ListCallsResponse>(Calls, "ListCalls", new() { DepartmentId = department.Id });
        Assert.Null(Assert.Single(list.Calls).Outcome);
    }

    [Theory]
    [InlineData(CivicRoles.Citizen)]
    [InlineData(CivicRoles.Staff)]
    public async Task ListCalls_NotDirectorOrAdmin_PermissionDenied(string role)
    {
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallAsync<ListCallsRequest, ListCallsResponse>(Calls, "ListCalls", new(), role));
    }

    [Fact]
    public async Task RecordCallOutcome_BeforeTheCallsDay_FailedPrecondition()
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);
        var now = TimeProvider.System.GetUtcNow();
        var slotId = await HotlineData.InsertSessionAsync(Host, now.AddDays(3), now.AddDays(-1), now.AddDays(2), departmentId: department.Id);
        var (reference, _) = await HotlineData.InsertBookingAsync(Host, slotId, now.AddDays(3));

        var exception = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Host.CallWithTokenAsync<RecordCallOutcomeRequest, RecordCallOutcomeResponse>(Calls, "RecordCallOutcome",
            new() { Reference = reference, Result = CallResult.Answered }, TestTokens.For(CivicRoles.Director, department.Code)));

        Assert.Contains("record its outcome on that day", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordCallOutcome_NoResult_InvalidArgument()
    {
        var (department, reference, _) = await CallTodayAsync();

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallWithTokenAsync<RecordCallOutcomeRequest, RecordCallOutcomeResponse>(Calls, "RecordCallOutcome",
            new() { Reference = reference }, TestTokens.For(CivicRoles.Director, department.Code)));

        Assert.Equal(["result"], RpcAssert.ViolatedFields(exception));
    }

    private async Task<Idea> ChangeAsync(string id, IdeaStatus status, string token, string reason = "") =>
        (await Host.CallWithTokenAsync<ChangeIdeaStatusRequest, ChangeIdeaStatusResponse>(Ideas, "ChangeIdeaStatus", new() { Id = id, Status = status, DeclineReason = reason }, token)).Idea;

    /// <summary>A new department with one booked call an hour ago (today in Copenhagen, except just after midnight).</summary>
    private async Task<(Department Department, string Reference, string Token)> CallTodayAsync()
    {
        var department = await HotlineData.CreateDepartmentAsync(Host);
        var now = TimeProvider.System.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, Civic.Hotline.Schedules.HotlineTime.Zone);
        var startsAt = local.Hour >= 1 ? now.AddMinutes(-30) : now.AddMinutes(30);
        var slotId = await HotlineData.InsertSessionAsync(Host, startsAt, now.AddDays(-10), now.AddDays(-1), departmentId: department.Id);
        var (reference, token) = await HotlineData.InsertBookingAsync(Host, slotId, startsAt);
        return (department, reference, token);
    }
}
