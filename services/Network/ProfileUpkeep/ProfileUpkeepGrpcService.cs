using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Hosting.Paging;
using Civic.Network.ResourcePersons;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ProfileReportMessage = Civic.Contracts.Network.V1.ProfileReport;
using ProfileReportStatusMessage = Civic.Contracts.Network.V1.ProfileReportStatus;

namespace Civic.Network.ProfileUpkeep;

/// <summary>civic.network.v1.ProfileUpkeepService: profile confirmation and reports of inaccurate profiles.</summary>
public sealed class ProfileUpkeepGrpcService(ProfileUpkeepDesk desk, ResourcePersonDirectory persons) : ProfileUpkeepService.ProfileUpkeepServiceBase
{
    [AllowRoles(CivicRoles.Partner, CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ConfirmResourcePersonResponse> ConfirmResourcePerson(ConfirmResourcePersonRequest request, ServerCallContext context)
    {
        await desk.ConfirmAsync(request.Id, NetworkCaller.From(context.User), context.CancellationToken);
        var (person, available) = await persons.GetInFullAsync(request.Id, context.CancellationToken);
        return new() { ResourcePerson = ResourcePersonMapping.ToMessage(person, available) };
    }

    [AllowAnonymous]
    public override async Task<ReportResourcePersonResponse> ReportResourcePerson(ReportResourcePersonRequest request, ServerCallContext context)
    {
        var report = await desk.ReportAsync(request.PersonId, request.Reason, NetworkCaller.From(context.User), context.CancellationToken);
        return new() { Report = ToMessage(report) };
    }

    [AllowRoles(CivicRoles.Partner, CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ListProfileReportsResponse> ListProfileReports(ListProfileReportsRequest request, ServerCallContext context)
    {
        var caller = NetworkCaller.From(context.User);
        var page = PageRequests.Read(request.Page, $"network.profile-reports:{caller.UserId}:{caller.IsCoordinatorOrAdmin}:{request.IncludeResolved}");
        var reports = await desk.ListAsync(caller, request.IncludeResolved, page, context.CancellationToken);
        return new() { Reports = { reports.Items.Select(ToMessage) }, Page = reports.Info };
    }

    [AllowRoles(CivicRoles.Partner, CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ResolveProfileReportResponse> ResolveProfileReport(ResolveProfileReportRequest request, ServerCallContext context)
    {
        var report = await desk.ResolveAsync(request.Id, request.Resolution, NetworkCaller.From(context.User), context.CancellationToken);
        return new() { Report = ToMessage(report) };
    }

    private static ProfileReportMessage ToMessage(ProfileReport report) => new()
    {
        Id = report.Id,
        PersonId = report.PersonId,
        PersonName = report.PersonName,
        Reason = report.Reason,
        ReporterName = report.ReporterName,
        Status = report.Status == ProfileReportStatus.Open ? ProfileReportStatusMessage.Open : ProfileReportStatusMessage.Resolved,
        Resolution = report.Resolution,
        CreatedAt = Timestamp.FromDateTimeOffset(report.CreatedAt),
        ResolvedAt = report.ResolvedAt is { } resolved ? Timestamp.FromDateTimeOffset(resolved) : null,
    };
}
