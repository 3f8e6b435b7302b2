using System.Globalization;
using Civic.Hosting.Calendar;
using Civic.Hosting.Notifications;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Civic.Hotline.Ideas;
using Civic.Hotline.Schedules;

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

    /// <summary>A reminder that the director calls soon (<paramref name="before"/>: a day or an hour).</summary>
    public void BookingReminder(Booking booking, TimeSpan before) =>
        Add(booking, NotificationKind.BookingReminder, before >= TimeSpan.FromDays(1) ? "Påmindelse: Direktørlinjen ringer i morgen" : "Påmindelse: Direktørlinjen ringer om lidt",
            $"Påmindelse: direktøren ringer til {booking.Phone} {Local(booking.SlotStartsAt)}. Bookingnummer {booking.Reference}. Kan du ikke alligevel, så aflys eller flyt her: {ManageLinkPlaceholder}", null);

    /// <summary>The municipality cancelled the session; the citizen may rebook with priority until <paramref name="rebookUntil"/>.</summary>
    public void SessionCancelled(Booking booking, string reason, DateTimeOffset? rebookUntil) =>
        Add(booking, NotificationKind.SessionCancelled, "Direktørlinjen: din telefontid er aflyst",
            $"Kommunen har aflyst telefontiden {Local(booking.SlotStartsAt)} ({booking.Reference}). Begrundelse: {reason}."
            + (rebookUntil is { } until
                ? $" Vi beklager. Du har fortrinsret til en ny tid indtil {Local(until)} – også i telefontider, hvor bookingen ikke er åbnet endnu. Vælg her: {ManageLinkPlaceholder}"
                : " Du kan booke en ny tid på Direktørlinjen."),
            null);

    public void WaitlistJoined(Booking entry, Session session) =>
        Add(entry, NotificationKind.WaitlistJoined, "Du er på ventelisten til Direktørlinjen",
            $"Du er på ventelisten til telefontiden {Local(session.StartsAt)} ({entry.Reference}). Bliver en tid ledig, får du et tilbud, som du tager imod her: {ManageLinkPlaceholder}", null);

    /// <summary>A lottery request was received; the citizen hears when the draw happens.</summary>
    public void SessionRequested(Booking entry, Session session) =>
        Add(entry, NotificationKind.SessionRequested, "Vi har modtaget din anmodning til Direktørlinjen",
            $"Vi har modtaget din anmodning om en tid i telefontiden {Local(session.StartsAt)} ({entry.Reference}). Tiderne fordeles ved lodtrækning {Local(session.RequestWindowClosesAt!.Value)}; "
            + $"det giver ingen fordel at komme først. Du hører fra os, når der er trukket lod. Se eller træk anmodningen tilbage: {ManageLinkPlaceholder}", null);

    /// <summary>The draw gave the citizen no seat: they are on the session's waitlist.</summary>
    public void LotteryLost(Booking entry, Session session) =>
        Add(entry, NotificationKind.LotteryLost, "Lodtrækningen til Direktørlinjen: du er på ventelisten",
            $"Der er trukket lod om tiderne {Local(session.StartsAt)}, og du fik desværre ikke en tid ({entry.Reference}). Du er skrevet på ventelisten: "
            + $"bliver en tid ledig, får du et tilbud, som du tager imod her: {ManageLinkPlaceholder}", null);

    public void WaitlistOffer(Booking entry, DateTimeOffset expiresAt) =>
        Add(entry, NotificationKind.WaitlistOffer, "En tid på Direktørlinjen er ledig til dig",
            $"En tid er blevet ledig: {Local(entry.SlotStartsAt)}. Vi holder den til dig indtil {Local(expiresAt)}. Tag imod den her: {ManageLinkPlaceholder}", null);

    public void WaitlistOfferLapsed(Booking entry) =>
        Add(entry, NotificationKind.WaitlistOfferLapsed, "Tilbuddet fra Direktørlinjen er udløbet",
            $"Du tog ikke imod tiden {Local(entry.SlotStartsAt)} ({entry.Reference}) i tide, så den går videre til den næste på ventelisten. Du kan booke en ny tid på Direktørlinjen.", null);

    public void IdeaStatusChanged(Booking booking, Idea idea) =>
        Add(booking, NotificationKind.IdeaStatusChanged, "Nyt om din idé",
            $"Din idé \"{idea.Title}\" har fået status: {StatusText(idea.Status)}.{(idea.DeclineReason is null ? string.Empty : " Begrundelse: " + idea.DeclineReason)} Følg den her: {ManageLinkPlaceholder}", null);

    /// <summary>To the department: an idea has had no status change for 30 days.</summary>
    public void IdeaWithoutFeedback(Departments.Department department, Idea idea) =>
        AddForDepartment(department, NotificationKind.IdeaWithoutFeedback, $"Idé uden svar i 30 dage: {idea.Title}",
            $"Idéen \"{idea.Title}\" kom ind {Local(idea.CreatedAt)} og har stadig status modtaget. Borgeren har krav på at høre, hvad der sker med den: "
            + "giv den en ny status på Direktørlinjen (under overvejelse, planlagt, gennemført eller afvist med begrundelse).");

    /// <summary>To the department at 07:00: today's call list in brief (times and topics; names and numbers are on the call list page).</summary>
    public void MorningCallList(Departments.Department department, Session session, IReadOnlyList<Calls.CallListLine> calls) =>
        AddForDepartment(department, NotificationKind.MorningCallList, $"Direktørlinjen i dag: {calls.Count} opkald",
            $"Telefontid i dag {Local(session.StartsAt)}–{TimeZoneInfo.ConvertTime(session.EndsAt, HotlineTime.Zone):HH:mm}: {calls.Count} bookede opkald."
            + string.Concat(calls.Select(c => $"\n- kl. {TimeZoneInfo.ConvertTime(c.StartsAt, HotlineTime.Zone):HH:mm}: {TopicText(c.TopicKind)}"
                + (c.Language == BookingLanguage.Danish ? string.Empty : " (ikke dansk)") + (c.HasNeeds ? " – se behov" : string.Empty)))
            + "\nSe hele listen med navne og numre under Direktørlinjen › Opkaldsliste.");

    private void AddForDepartment(Departments.Department department, NotificationKind kind, string subject, string body) =>
        db.Notifications.Add(OutboxMessage.Create(
            kind.ToString(), MessageChannel.Email, department.ContactEmail ?? throw new InvalidOperationException($"Department {department.Id} has no address."),
            subject, body, timeProvider.GetStoredUtcNow()));

    private static string TopicText(TopicKind kind) => kind switch
    {
        TopicKind.Question => "spørgsmål",
        TopicKind.Idea => "idé til forbedring",
        TopicKind.Complaint => "klage",
        _ => "andet",
    };

    private void Add(Booking booking, NotificationKind kind, string subject, string body, string? calendar)
    {
        var now = timeProvider.GetStoredUtcNow();
        db.Notifications.Add(OutboxMessage.Create(kind.ToString(), MessageChannel.Sms, booking.Phone, subject, body, now, booking.Id));
        if (booking.Email is not null)
        {
            db.Notifications.Add(OutboxMessage.Create(kind.ToString(), MessageChannel.Email, booking.Email, subject, body, now, booking.Id, calendar));
        }
    }

    private static string CalendarFor(Booking booking, Slot slot) => CalendarFiles.Of(new CalendarEntry(
        $"{booking.Id}@direktoerlinjen",
        "Direktørlinjen: direktøren ringer dig op",
        $"Bookingnummer {booking.Reference}. Direktøren ringer til {booking.Phone}.",
        slot.StartsAt,
        slot.EndsAt));

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
