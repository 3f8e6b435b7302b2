using Civic.Hosting.Jobs;

namespace Civic.Network.Requests;

/// <summary>Hourly: reminds people and managers of requests waiting for them, and escalates unanswered ones to the coordinators' queue.</summary>
public sealed partial class RequestFollowUpJob(RequestFollowUp followUp, ILogger<RequestFollowUpJob> logger) : IRecurringJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await followUp.RunAsync(cancellationToken);
        if (result.Escalated + result.PeopleReminded + result.ManagersReminded > 0)
        {
            Log.FollowedUp(logger, result.Escalated, result.PeopleReminded, result.ManagersReminded);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Requests followed up: {Escalated} escalated to the coordinators' queue, {People} people and {Managers} managers reminded")]
        public static partial void FollowedUp(ILogger logger, int escalated, int people, int managers);
    }
}
