using Civic.Contracts.Common.V1;

namespace Civic.Contracts.Hotline.V1;

/// <summary>
/// What a citizen tells about themselves and their call, carried alike by a booking, a waitlist place and a lottery
/// request. Each message keeps its own fields on the wire; this lets the gateway fill them and the service read them in
/// one place each.
/// </summary>
public interface ICitizenDetails
{
    string Name { get; set; }

    string Phone { get; set; }

    string Email { get; set; }

    TopicKind TopicKind { get; set; }

    string Description { get; set; }

    Language Language { get; set; }

    string Needs { get; set; }

    bool Consent { get; set; }

    string IdempotencyKey { get; set; }
}

public sealed partial class CreateBookingRequest : ICitizenDetails;

public sealed partial class JoinWaitlistRequest : ICitizenDetails;

public sealed partial class RequestSessionRequest : ICitizenDetails;
