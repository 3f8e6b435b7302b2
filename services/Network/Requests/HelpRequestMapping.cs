using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Hosting.Errors;
using Civic.Network.ResourcePersons;
using Google.Protobuf.WellKnownTypes;
using HelpRequestMessage = Civic.Contracts.Network.V1.HelpRequest;
using HelpRequestStatusMessage = Civic.Contracts.Network.V1.HelpRequestStatus;
using HelpResponseMessage = Civic.Contracts.Network.V1.HelpResponse;
using HelpRequestViewMessage = Civic.Contracts.Network.V1.HelpRequestView;

namespace Civic.Network.Requests;

/// <summary>Between civic.network.v1 request messages and the request domain.</summary>
public static class HelpRequestMapping
{
    public static HelpRequestMessage ToMessage(HelpRequest request) => new()
    {
        Id = request.Id,
        Need = request.Need,
        CompetenceIds = { request.CompetenceIds },
        StartDate = ToMessage(request.StartDate),
        EndDate = ToMessage(request.EndDate),
        Hours = request.Hours,
        Language = request.Language switch
        {
            WorkingLanguage.Danish => Language.Danish,
            WorkingLanguage.English => Language.English,
            _ => Language.Other,
        },
        PersonId = request.PersonId ?? string.Empty,
        PersonName = request.PersonName,
        Status = (HelpRequestStatusMessage)((int)request.Status + 1),
        LastResponse = request.LastResponse is { } response ? (HelpResponseMessage)((int)response + 1) : HelpResponseMessage.Unspecified,
        RequesterId = request.RequesterId,
        RequesterName = request.RequesterName,
        RequesterDepartment = request.RequesterDepartment,
        Rating = request.Rating,
        Feedback = request.Feedback,
        CreatedAt = Timestamp.FromDateTimeOffset(request.CreatedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(request.UpdatedAt),
        RemindedAt = request.RemindedAt is { } reminded && reminded > request.UpdatedAt ? Timestamp.FromDateTimeOffset(reminded) : null,
        EscalatedAt = request.EscalatedAt is { } escalated ? Timestamp.FromDateTimeOffset(escalated) : null,
        EscalatedFrom = request.EscalatedFrom,
    };

    /// <summary>Unspecified language means Danish; an end date left out means the start date.</summary>
    public static NewHelpRequest ToNewHelpRequest(CreateHelpRequestRequest request)
    {
        var violations = new FieldViolations();
        var start = ToDate(request.StartDate, "start_date", violations);
        var end = request.EndDate is null ? start : ToDate(request.EndDate, "end_date", violations);
        WorkingLanguage? language = request.Language switch
        {
            Language.Unspecified or Language.Danish => WorkingLanguage.Danish,
            Language.English => WorkingLanguage.English,
            Language.Other => WorkingLanguage.Other,
            _ => null,
        };
        if (language is null)
        {
            violations.Add("language", "The language must be LANGUAGE_DANISH, LANGUAGE_ENGLISH or LANGUAGE_OTHER.", "Sproget skal være LANGUAGE_DANISH, LANGUAGE_ENGLISH eller LANGUAGE_OTHER.");
        }

        violations.ThrowIfAny();
        return new NewHelpRequest(request.Need, request.CompetenceIds, start, end, request.Hours, language!.Value, request.PersonId);
    }

    public static HelpResponse ToResponse(HelpResponseMessage response) => response switch
    {
        HelpResponseMessage.Accept => HelpResponse.Accept,
        HelpResponseMessage.Decline => HelpResponse.Decline,
        HelpResponseMessage.Unavailable => HelpResponse.Unavailable,
        _ => throw new ValidationException("response", "The response must be HELP_RESPONSE_ACCEPT, HELP_RESPONSE_DECLINE or HELP_RESPONSE_UNAVAILABLE.",
            "Svaret skal være HELP_RESPONSE_ACCEPT, HELP_RESPONSE_DECLINE eller HELP_RESPONSE_UNAVAILABLE."),
    };

    public static HelpRequestView ToView(HelpRequestViewMessage view) => view switch
    {
        HelpRequestViewMessage.Unspecified or HelpRequestViewMessage.RequestedByMe => HelpRequestView.RequestedByMe,
        HelpRequestViewMessage.AskedOfMe => HelpRequestView.AskedOfMe,
        HelpRequestViewMessage.AwaitingMyApproval => HelpRequestView.AwaitingMyApproval,
        HelpRequestViewMessage.Queue => HelpRequestView.Queue,
        _ => throw new ValidationException("view", "Choose a view: HELP_REQUEST_VIEW_REQUESTED_BY_ME, _ASKED_OF_ME, _AWAITING_MY_APPROVAL or _QUEUE.",
            "Vælg en visning: HELP_REQUEST_VIEW_REQUESTED_BY_ME, _ASKED_OF_ME, _AWAITING_MY_APPROVAL eller _QUEUE."),
    };

    private static LocalDate ToMessage(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    private static DateOnly ToDate(LocalDate? date, string field, FieldViolations violations)
    {
        if (date is not null && date.Year is >= 1 and <= 9999 && date.Month is >= 1 and <= 12 && date.Day >= 1 && date.Day <= DateTime.DaysInMonth(date.Year, date.Month))
        {
            return new DateOnly(date.Year, date.Month, date.Day);
        }

        violations.Add(field, "A valid date (year, month 1-12, day of the month) is required.", "Der skal angives en gyldig dato (år, måned 1-12, dag i måneden).");
        return DateOnly.MinValue;
    }
}
