using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class GroupMeetingTestsOnSqlite(NetworkOnSqlite fixture) : GroupMeetingTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class GroupMeetingTestsOnPostgres(NetworkOnPostgres fixture) : GroupMeetingTests(fixture), IClassFixture<NetworkOnPostgres>;

/// <summary>A group's coordinator schedules meetings; the group shows the coming ones, soonest first, each as an .ics file; bad meetings change nothing.</summary>
public abstract class GroupMeetingTests(ServiceFixture<ResourcePersonGrpcService> fixture) : ServiceTests<ResourcePersonGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Groups = NetworkGroupsReflection.Descriptor.Services[0];

    [Fact]
    public async Task Schedule_TwoMeetings_GroupShowsThemSoonestFirst_CalendarHasTheMeeting()
    {
        var group = await CreateAsync();
        var later = await ScheduleAsync(Meeting(group.Id, days: 14, place: "Rådhuset, lokale 2", url: ""));
        var sooner = await ScheduleAsync(Meeting(group.Id, days: 7, place: "", url: "https://moede.example/abc"));

        var got = (await Host.CallAsync<GetGroupRequest, GetGroupResponse>(Groups, "GetGroup", new() { Id = group.Id }, CivicRoles.Staff)).Group;
        var calendar = await Host.CallAsync<GetMeetingCalendarRequest, GetMeetingCalendarResponse>(Groups, "GetMeetingCalendar",
            new() { GroupId = group.Id, MeetingId = sooner.Meeting.Id }, CivicRoles.Staff);

        Assert.Equal([sooner.Meeting.Id, later.Meeting.Id], got.Meetings.Select(m => m.Id));
        Assert.Equal("Rådhuset, lokale 2", got.Meetings[1].Place);
        Assert.Equal("1. Velkommen\n2. Erfaringer", got.Meetings[0].Agenda);
        var parsed = Ical.Net.Calendar.Load(calendar.Ics) ?? throw new InvalidOperationException("No calendar.");
        var meeting = Assert.Single(parsed.Events);
        Assert.Equal($"{group.Name}: Netværksmøde", meeting.Summary);
        Assert.Equal($"{sooner.Meeting.Id}@ressourcenetvaerket", meeting.Uid);
        Assert.Equal(sooner.Meeting.StartsAt.ToDateTime(), meeting.DtStart?.AsUtc);
        Assert.Equal(new Uri("https://moede.example/abc"), meeting.Url);
        Assert.EndsWith(".ics", calendar.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_BadMeetings_InvalidArgumentOnTheField_NothingStored()
    {
        var group = await CreateAsync();

        var past = Meeting(group.Id, days: -1, place: "Rådhuset", url: "");
        var backwards = Meeting(group.Id, days: 3, place: "Rådhuset", url: "");
        backwards.EndsAt = Timestamp.FromDateTimeOffset(backwards.StartsAt.ToDateTimeOffset().AddMinutes(-30));
        var nowhere = Meeting(group.Id, days: 3, place: " ", url: "");
        var insecure = Meeting(group.Id, days: 3, place: "", url: "http://moede.example/abc");
        var untitled = Meeting(group.Id, days: 3, place: "Rådhuset", url: "");
        untitled.Title = "  ";

        Assert.Equal(["starts_at"], RpcAssert.ViolatedFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ScheduleAsync(past))));
        Assert.Equal(["ends_at"], RpcAssert.ViolatedFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ScheduleAsync(backwards))));
        Assert.Equal(["place"], RpcAssert.ViolatedFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ScheduleAsync(nowhere))));
        Assert.Equal(["online_url"], RpcAssert.ViolatedFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ScheduleAsync(insecure))));
        Assert.Equal(["title"], RpcAssert.ViolatedFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ScheduleAsync(untitled))));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => ScheduleAsync(Meeting("findes-ikke", days: 3, place: "Rådhuset", url: "")));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<ScheduleMeetingRequest, ScheduleMeetingResponse>(Groups, "ScheduleMeeting", Meeting(group.Id, days: 3, place: "Rådhuset", url: ""), CivicRoles.Staff));

        var got = (await Host.CallAsync<GetGroupRequest, GetGroupResponse>(Groups, "GetGroup", new() { Id = group.Id }, CivicRoles.Staff)).Group;
        Assert.Empty(got.Meetings);
    }

    [Fact]
    public async Task Calendar_UnknownMeeting_NotFound_CitizenDenied()
    {
        var group = await CreateAsync();
        var meeting = await ScheduleAsync(Meeting(group.Id, days: 2, place: "Rådhuset", url: ""));

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Host.CallAsync<GetMeetingCalendarRequest, GetMeetingCalendarResponse>(Groups, "GetMeetingCalendar",
            new() { GroupId = group.Id, MeetingId = "findes-ikke" }, CivicRoles.Staff));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Host.CallAsync<GetMeetingCalendarRequest, GetMeetingCalendarResponse>(Groups, "GetMeetingCalendar",
            new() { GroupId = group.Id, MeetingId = meeting.Meeting.Id }, CivicRoles.Citizen));
    }

    private static ScheduleMeetingRequest Meeting(string groupId, int days, string place, string url)
    {
        // Whole minutes: the stored instant is compared with the calendar's, which has no fractions of a second.
        var start = DateTimeOffset.UtcNow.AddDays(days);
        start = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.Zero);
        return new()
        {
            GroupId = groupId,
            Title = "Netværksmøde",
            StartsAt = Timestamp.FromDateTimeOffset(start),
            EndsAt = Timestamp.FromDateTimeOffset(start.AddHours(2)),
            Place = place,
            OnlineUrl = url,
            Agenda = "1. Velkommen\n2. Erfaringer",
        };
    }

    private async Task<NetworkGroup> CreateAsync() =>
        (await Host.CallAsync<CreateGroupRequest, CreateGroupResponse>(Groups, "CreateGroup",
            new() { Name = $"Møder {Guid.NewGuid().ToString("N")[..6]}", ChallengeArea = "Ensomhed" }, CivicRoles.Coordinator)).Group;

    private Task<ScheduleMeetingResponse> ScheduleAsync(ScheduleMeetingRequest request) =>
        Host.CallAsync<ScheduleMeetingRequest, ScheduleMeetingResponse>(Groups, "ScheduleMeeting", request, CivicRoles.Coordinator);
}
