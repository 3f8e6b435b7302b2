using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GroupMessage = Civic.Contracts.Network.V1.NetworkGroup;
using MeetingMessage = Civic.Contracts.Network.V1.GroupMeeting;
using NoticeMessage = Civic.Contracts.Network.V1.GroupNotice;

namespace Civic.Network.Groups;

/// <summary>
/// civic.network.v1.NetworkGroupService: coordinators run the groups and schedule their meetings; the municipality's
/// people read them and get meetings as .ics; members post notices. Partners from civil society do all of that, for the
/// groups they are members of only (the directory checks).
/// </summary>
public sealed class NetworkGroupGrpcService(NetworkGroupDirectory directory) : NetworkGroupService.NetworkGroupServiceBase
{
    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<CreateGroupResponse> CreateGroup(CreateGroupRequest request, ServerCallContext context) =>
        new() { Group = ToMessage(await directory.CreateAsync(request.Name, request.ChallengeArea, request.Description, context.CancellationToken)) };

    [AllowRoles(CivicRoles.Partner, CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ListGroupsResponse> ListGroups(ListGroupsRequest request, ServerCallContext context) =>
        new() { Groups = { (await directory.ListAsync(request.ChallengeArea, NetworkCaller.From(context.User), context.CancellationToken)).Select(ToMessage) } };

    [AllowRoles(CivicRoles.Partner, CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<GetGroupResponse> GetGroup(GetGroupRequest request, ServerCallContext context) =>
        new() { Group = ToMessage(await directory.GetAsync(request.Id, NetworkCaller.From(context.User), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<AddMemberResponse> AddMember(AddMemberRequest request, ServerCallContext context) =>
        new() { Group = ToMessage(await directory.AddMemberAsync(request.GroupId, request.ResourcePersonId, context.CancellationToken)) };

    // Partners, staff and directors post only as members; the directory checks membership.
    [AllowRoles(CivicRoles.Partner, CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<PostNoticeResponse> PostNotice(PostNoticeRequest request, ServerCallContext context) =>
        new() { Notice = ToMessage(await directory.PostNoticeAsync(request.GroupId, request.Text, NetworkCaller.From(context.User), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<ScheduleMeetingResponse> ScheduleMeeting(ScheduleMeetingRequest request, ServerCallContext context)
    {
        var meeting = new NewGroupMeeting(request.Title, request.StartsAt?.ToDateTimeOffset(), request.EndsAt?.ToDateTimeOffset(), request.Place, request.OnlineUrl, request.Agenda);
        return new() { Meeting = ToMessage(await directory.ScheduleMeetingAsync(request.GroupId, meeting, NetworkCaller.From(context.User), context.CancellationToken)) };
    }

    [AllowRoles(CivicRoles.Partner, CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<GetMeetingCalendarResponse> GetMeetingCalendar(GetMeetingCalendarRequest request, ServerCallContext context)
    {
        var (ics, fileName) = await directory.MeetingCalendarAsync(request.GroupId, request.MeetingId, NetworkCaller.From(context.User), context.CancellationToken);
        return new() { Ics = ics, FileName = fileName };
    }

    private static GroupMessage ToMessage(NetworkGroupView view) => new()
    {
        Id = view.Group.Id,
        Name = view.Group.Name,
        ChallengeArea = view.Group.ChallengeArea,
        Description = view.Group.Description,
        Members =
        {
            view.Members.Select(m => new GroupMember
            {
                ResourcePersonId = m.Membership.ResourcePersonId,
                DisplayName = m.DisplayName,
                Organisation = m.Organisation,
                IsPartner = m.IsPartner,
                JoinedAt = Timestamp.FromDateTimeOffset(m.Membership.JoinedAt),
            }),
        },
        Notices = { view.Notices.Select(ToMessage) },
        Meetings = { view.Meetings.Select(ToMessage) },
        MemberCount = view.Members.Count,
        CreatedAt = Timestamp.FromDateTimeOffset(view.Group.CreatedAt),
    };

    private static MeetingMessage ToMessage(GroupMeeting meeting) => new()
    {
        Id = meeting.Id,
        Title = meeting.Title,
        StartsAt = Timestamp.FromDateTimeOffset(meeting.StartsAt),
        EndsAt = Timestamp.FromDateTimeOffset(meeting.EndsAt),
        Place = meeting.Place,
        OnlineUrl = meeting.OnlineUrl,
        Agenda = meeting.Agenda,
    };

    private static NoticeMessage ToMessage(GroupNotice notice) => new()
    {
        Id = notice.Id,
        AuthorName = notice.AuthorName,
        Text = notice.Text,
        PostedAt = Timestamp.FromDateTimeOffset(notice.PostedAt),
    };
}
