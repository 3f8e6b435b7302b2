using Civic.Hosting.Jobs;

namespace Civic.Panel.Invitations;

/// <summary>Every 15 minutes: reminds invited members who have not answered 48 hours before the deadline (<see cref="InvitationReminders"/>).</summary>
public sealed partial class InvitationReminderJob(InvitationReminders reminders, ILogger<InvitationReminderJob> logger) : IRecurringJob
{
    public const string JobId = "panel:remind-invitations";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sent = await reminders.SendDueAsync(cancellationToken);
        if (sent > 0)
        {
            LogReminded(sent);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded {Count} invited panel members whose deadline is near.")]
    private partial void LogReminded(int count);
}
