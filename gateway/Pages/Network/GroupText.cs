using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Network;

/// <summary>The network groups: the list and one group's members and notice board.</summary>
public static class GroupText
{
    public static readonly LocalText Title = new("Netværksgrupper", "Network groups");
    public static readonly LocalText Lead = new(
        "Grupper på tværs af forvaltninger og civilsamfund om et udfordringsområde. Medlemmerne deler erfaringer på gruppens opslagstavle.",
        "Groups across departments and civil society around a challenge area. Members share experience on the group's notice board.");
    public static readonly LocalText Link = new("Se netværksgrupperne", "See the network groups");
    public static readonly LocalText None = new("Der er ingen netværksgrupper endnu.", "There are no network groups yet.");
    public static readonly LocalText AreaLabel = new("Udfordringsområde", "Challenge area");
    public static readonly LocalText MemberCount = new("{0} medlemmer", "{0} members");
    public static readonly LocalText MembersHeading = new("Medlemmer", "Members");
    public static readonly LocalText NoMembers = new("Gruppen har ingen medlemmer endnu.", "The group has no members yet.");
    public static readonly LocalText NameColumn = new("Navn", "Name");
    public static readonly LocalText OrganisationColumn = new("Forvaltning eller organisation", "Department or organisation");
    public static readonly LocalText KindColumn = new("Fra", "From");
    public static readonly LocalText Partner = new("Civilsamfundet", "Civil society");
    public static readonly LocalText Staff = new("Kommunen", "The municipality");
    public static readonly LocalText NoticesHeading = new("Opslagstavle", "Notice board");
    public static readonly LocalText NoNotices = new("Der er ingen opslag endnu.", "There are no notices yet.");
    public static readonly LocalText PostedBy = new("{0}, {1}", "{0}, {1}");
    public static readonly LocalText NoticeLabel = new("Skriv et opslag", "Write a notice");
    public static readonly LocalText NoticeHint = new(
        "Kun gruppens medlemmer og netværkets koordinatorer kan skrive. Højst 4.000 tegn. Skriv aldrig CPR-numre eller andre personoplysninger om borgere.",
        "Only the group's members and the network's coordinators can post. At most 4,000 characters. Never write CPR numbers or other personal data about citizens.");
    public static readonly LocalText PostButton = new("Slå op", "Post");
    public static readonly LocalText Posted = new("Dit opslag er slået op.", "Your notice has been posted.");
    public static readonly LocalText NotFound = new("Vi kunne ikke finde gruppen.", "We could not find the group.");
    public static readonly LocalText Unavailable = new("Netværksgrupperne svarer ikke lige nu. Prøv igen om lidt.", "The network groups are not answering right now. Try again shortly.");
    public static readonly LocalText Back = new("Tilbage til netværksgrupperne", "Back to the network groups");
    public static readonly LocalText MeetingsHeading = new("Møder", "Meetings");
    public static readonly LocalText NoMeetings = new("Der er ingen kommende møder.", "There are no coming meetings.");
    public static readonly LocalText MeetingWhen = new("{0} til {1}", "{0} to {1}");
    public static readonly LocalText MeetingPlace = new("Sted", "Place");
    public static readonly LocalText MeetingOnline = new("Online", "Online");
    public static readonly LocalText MeetingAgenda = new("Dagsorden", "Agenda");
    public static readonly LocalText CalendarLink = new("Hent {0} til din kalender (.ics)", "Get {0} for your calendar (.ics)");
    public static readonly LocalText ScheduleHeading = new("Indkald til et møde", "Schedule a meeting");
    public static readonly LocalText MeetingTitleLabel = new("Mødets titel", "Title of the meeting");
    public static readonly LocalText MeetingDateLabel = new("Dato", "Date");
    public static readonly LocalText MeetingDateHint = new("Skriv datoen som år-måned-dag, fx 2027-01-14.", "Write the date as year-month-day, for example 2027-01-14.");
    public static readonly LocalText MeetingStartLabel = new("Starttid", "Start time");
    public static readonly LocalText MeetingEndLabel = new("Sluttid", "End time");
    public static readonly LocalText MeetingTimeHint = new("Dansk tid, fx 14:00.", "Danish time, for example 14:00.");
    public static readonly LocalText MeetingPlaceLabel = new("Sted", "Place");
    public static readonly LocalText MeetingPlaceHint = new("Angiv et sted, et onlinelink eller begge.", "Give a place, an online link or both.");
    public static readonly LocalText MeetingUrlLabel = new("Onlinelink", "Online link");
    public static readonly LocalText MeetingUrlHint = new("En hel https://-adresse.", "A whole https:// address.");
    public static readonly LocalText MeetingAgendaLabel = new("Dagsorden", "Agenda");
    public static readonly LocalText ScheduleButton = new("Indkald til mødet", "Schedule the meeting");
    public static readonly LocalText Scheduled = new("Mødet er indkaldt.", "The meeting is scheduled.");
    public static readonly LocalText MeetingDateInvalid = new("Skriv datoen som år-måned-dag, fx 2027-01-14.", "Write the date as year-month-day, for example 2027-01-14.");
    public static readonly LocalText MeetingTimeInvalid = new("Skriv tiden som time:minut, fx 14:00.", "Write the time as hour:minute, for example 14:00.");
}
