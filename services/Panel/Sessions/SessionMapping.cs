using Google.Protobuf.WellKnownTypes;
using ContributionMessage = Civic.Contracts.Panel.V1.Contribution;
using PlaceTypeMessage = Civic.Contracts.Panel.V1.PlaceType;
using SessionMessage = Civic.Contracts.Panel.V1.PanelSession;

namespace Civic.Panel.Sessions;

/// <summary>Between civic.panel.v1 session messages and the domain.</summary>
public static class SessionMapping
{
    public static SessionMessage ToMessage(PanelSession session, IEnumerable<Contribution> contributions)
    {
        var message = new SessionMessage
        {
            Id = session.Id,
            CaseId = session.CaseId,
            StartsAt = Timestamp.FromDateTimeOffset(session.StartsAt),
            PlaceType = session.PlaceType switch
            {
                PlaceType.AtHome => PlaceTypeMessage.AtHome,
                PlaceType.CultureHouse => PlaceTypeMessage.CultureHouse,
                PlaceType.Online => PlaceTypeMessage.Online,
                _ => PlaceTypeMessage.NeutralPlace,
            },
            Place = session.Place,
            Agenda = session.Agenda,
        };
        message.Contributions.AddRange(contributions.Select(ToMessage));
        return message;
    }

    public static ContributionMessage ToMessage(Contribution contribution) => new()
    {
        Id = contribution.Id,
        SessionId = contribution.SessionId,
        MemberId = contribution.MemberId,
        Text = contribution.Text,
        RecordedAt = Timestamp.FromDateTimeOffset(contribution.RecordedAt),
        ByMember = contribution.ByMember,
    };

    /// <summary>Null for an unspecified or unknown place type, which the desk refuses with a field violation.</summary>
    public static PlaceType? ToDomain(PlaceTypeMessage type) => type switch
    {
        PlaceTypeMessage.AtHome => PlaceType.AtHome,
        PlaceTypeMessage.CultureHouse => PlaceType.CultureHouse,
        PlaceTypeMessage.Online => PlaceType.Online,
        PlaceTypeMessage.NeutralPlace => PlaceType.NeutralPlace,
        _ => null,
    };
}
