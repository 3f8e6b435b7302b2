using Civic.Hosting.Jobs;

namespace Civic.Hotline.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>Adds the reminder job (every five minutes), which reminds citizens a day and an hour before their call.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services) =>
        services.AddRecurringJob<ReminderJob>(ReminderJob.JobId, "*/5 * * * *");
}
