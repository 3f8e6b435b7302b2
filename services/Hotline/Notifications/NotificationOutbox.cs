using System.Globalization;
using Civic.Hosting.Notifications;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Civic.Hotline.Ideas;
using Civic.Hotline.Schedules;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Civic.Hotline.Notifications;

/// <summary>
/// Puts messages for a citizen into the outbox of the caller's unit of work, so they are saved in the
/// same transaction as the change. Bodies hold <see cref="ManageLinkPlaceholder"/> rather than the manage
/// link: the dispatcher fills it in at delivery, so no token is ever stored.
/// </summary>
public sealed class NotificationOutbox(HotlineDbContext db, TimeProvider timeProvider)
{
    public const string ManageLinkPlaceholder = "{manage-link}";

    public void BookingConfirmed(Booking booking, Slot slot)
    {
        var when = Local(slot.StartsAt);
        var text = $"Din tid på Direktørlinjen er booket: {when}. Direktøren ringer til {booking.Phone}. Bookingnummer {booking.Reference}. Se, flyt eller aflys: {ManageLinkPlaceholder}";
        Add(booking, NotificationKind.BookingConfirmed, "Din tid på Direktørlinjen er booket", text, CalendarFor(booking, slot));
    }

    public void BookingCancelled(Booking booking) =>
        Add(booking, NotificationKind.BookingCancelled, "Din tid på Direktørlinjen er aflyst",
            $"Din booking {booking.Reference} ({Local(booking.SlotStartsAt)}) er aflyst. Du kan booke en ny tid på Direktørlinjen.", null);

    public void BookingMoved(Booking booking, Slot slot) =>
        Add(booking, NotificationKind.BookingMoved, "Din tid på Direktørlinjen er flyttet",
            $"Din booking {booking.Reference} er flyttet til {Local(slot.StartsAt)}. Se, flyt eller aflys: {ManageLinkPlaceholder}", CalendarFor(booking, slot));

    public void IdeaStatusChanged(Booking booking, Idea idea) =>
        Add(booking, NotificationKind.IdeaStatusChanged, "Nyt om din idé",
            $"Din idé \"{idea.Title}\" har fået status: {StatusText(idea.Status)}.{(idea.DeclineReason is null ? string.Empty : " Begrundelse: " + idea.DeclineReason)} Følg den her: {ManageLinkPlaceholder}", null);

    private void Add(Booking booking, NotificationKind kind, string subject, string body, string? calendar)
    {
        var now = timeProvider.GetStoredUtcNow();
        db.Notifications.Add(OutboxMessage.Create(kind.ToString(), MessageChannel.Sms, booking.Phone, subject, body, now, booking.Id));
        if (booking.Email is not null)
        {
            db.Notifications.Add(OutboxMessage.Create(kind.ToString(), MessageChannel.Email, booking.Email, subject, body, now, booking.Id, calendar));
        }
    }

    private static string CalendarFor(Booking booking, Slot slot)
    {
        var calendar = new Ical.Net.Calendar();
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{booking.Id}@direktoerlinjen",
            Summary = "Direktørlinjen: direktøren ringer dig op",
            Description = $"Bookingnummer {booking.Reference}. Direktøren ringer til {booking.Phone}.",
            DtStart = new CalDateTime(slot.StartsAt.UtcDateTime),
            DtEnd = new CalDateTime(slot.EndsAt.UtcDateTime),
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, HotlineTime.Zone).ToString("dddd 'den' d. MMMM yyyy 'kl.' HH:mm", CultureInfo.GetCultureInfo("da-DK"));

    private static string StatusText(IdeaStatus status) => status switch
    {
        IdeaStatus.UnderConsideration => "under overvejelse",
        IdeaStatus.Planned => "planlagt",
        IdeaStatus.Implemented => "gennemført",
        IdeaStatus.Declined => "afvist",
        _ => "modtaget",
    };
}
