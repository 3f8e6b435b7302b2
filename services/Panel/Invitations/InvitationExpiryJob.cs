using Civic.Hosting.Jobs;

namespace Civic.Panel.Invitations;

/// <summary>Expires unanswered invitations past their deadline (and those of withdrawn members) and invites the next fitting reserve.</summary>
public sealed partial class InvitationExpiryJob(InvitationDesk desk, ILogger<InvitationExpiryJob> logger) : IRecurringJob
{
    public const string JobId = "panel:expire-invitations";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var closed = await desk.ExpireAndRefillAsync(cancellationToken);
        if (closed > 0)
        {
            LogClosed(closed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} panel invitations (expired or withdrawn) and refilled their seats from the reserves.")]
    private partial void LogClosed(int count);
}
