using Civic.Hosting.Jobs;

namespace Civic.Panel.Feedback;

/// <summary>Daily: escalates feedback still missing 30 days after a synthesis became final (coordinator, then department head).</summary>
public sealed partial class FeedbackEscalationJob(FeedbackDesk desk, ILogger<FeedbackEscalationJob> logger) : IRecurringJob
{
    public const string JobId = "panel:escalate-missing-feedback";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var escalation in await desk.EscalateOverdueAsync(cancellationToken))
        {
            LogEscalated(escalation.CaseId, escalation.Level, escalation.MissingCount);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Panel members without feedback on case {CaseId}: {Missing}; escalated to level {Level}.")]
    private partial void LogEscalated(string caseId, int level, int missing);
}
