namespace Civic.Hosting.Notifications;

/// <summary>A service's "&lt;Service&gt;:Notifications" settings.</summary>
public sealed class NotificationOptions
{
    /// <summary>Where people open the gateway; links in messages start here.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5100";

    /// <summary>How long a dispatcher holds a message it is delivering before another may try.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; set; } = 8;

    /// <summary>A link into the gateway, e.g. <c>Link("/direktoerlinjen/booking/DL-1")</c>.</summary>
    public string Link(string pathAndQuery) => PublicBaseUrl.TrimEnd('/') + pathAndQuery;
}
