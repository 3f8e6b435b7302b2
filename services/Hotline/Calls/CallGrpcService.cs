using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Hotline.Schedules;
using Grpc.Core;

namespace Civic.Hotline.Calls;

/// <summary>civic.hotline.v1.CallService: directors work on their own department's calls, administrators on any.</summary>
public sealed class CallGrpcService(CallDesk desk) : CallService.CallServiceBase
{
    [AllowRoles(CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ListCallsResponse> ListCalls(ListCallsRequest request, ServerCallContext context)
    {
        DateOnly? date = request.Date is { Year: > 0 } d
            ? DateOnly.TryParseExact($"{d.Year:0000}-{d.Month:00}-{d.Day:00}", "yyyy-MM-dd", out var parsed)
                ? parsed
                : throw new Hosting.Errors.ValidationException("date", "The date is not a calendar date.", "Datoen er ikke en gyldig dato.")
            : null;
        var list = await desk.ListAsync(context.User, request.DepartmentId, date, context.CancellationToken);
        var response = new ListCallsResponse();
        response.Calls.AddRange(list.Calls.Select(CallMapping.ToMessage));
        response.ComingDays.AddRange(list.ComingDays.Select(ScheduleMapping.ToMessage));
        return response;
    }

    [AllowRoles(CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<RecordCallOutcomeResponse> RecordCallOutcome(RecordCallOutcomeRequest request, ServerCallContext context) =>
        new() { Call = CallMapping.ToMessage(await desk.RecordOutcomeAsync(context.User, request.Reference, CallMapping.ToOutcome(request), context.CancellationToken)) };
}
