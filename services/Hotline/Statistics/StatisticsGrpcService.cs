using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Grpc.Core;
using DepartmentMonthMessage = Civic.Contracts.Hotline.V1.DepartmentMonth;
using IdeaStatus = Civic.Hotline.Ideas.IdeaStatus;

namespace Civic.Hotline.Statistics;

/// <summary>civic.hotline.v1.StatisticsService: the directors' group and administrators see every department's month.</summary>
public sealed class StatisticsGrpcService(MonthlyStatistics statistics) : StatisticsService.StatisticsServiceBase
{
    [AllowRoles(CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<GetMonthlyStatisticsResponse> GetMonthlyStatistics(GetMonthlyStatisticsRequest request, ServerCallContext context)
    {
        var rows = await statistics.ForMonthAsync(request.Month, context.CancellationToken);
        var response = new GetMonthlyStatisticsResponse { Month = request.Month.Trim() };
        response.Departments.AddRange(rows.Select(r => new DepartmentMonthMessage
        {
            DepartmentId = r.DepartmentId, DepartmentCode = r.DepartmentCode, DepartmentName = r.DepartmentName,
            SlotsOffered = r.SlotsOffered, Booked = r.Booked, CallsHeld = r.CallsHeld, NoShows = r.NoShows,
            TopicQuestions = r.Topics[Bookings.TopicKind.Question], TopicIdeas = r.Topics[Bookings.TopicKind.Idea],
            TopicComplaints = r.Topics[Bookings.TopicKind.Complaint], TopicOther = r.Topics[Bookings.TopicKind.Other],
            IdeasReceived = r.Ideas[IdeaStatus.Received], IdeasUnderConsideration = r.Ideas[IdeaStatus.UnderConsideration],
            IdeasPlanned = r.Ideas[IdeaStatus.Planned], IdeasImplemented = r.Ideas[IdeaStatus.Implemented], IdeasDeclined = r.Ideas[IdeaStatus.Declined],
            SessionsCancelled = r.SessionsCancelled,
        }));
        return response;
    }
}
