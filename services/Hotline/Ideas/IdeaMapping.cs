using Google.Protobuf.WellKnownTypes;
using IdeaMessage = Civic.Contracts.Hotline.V1.Idea;
using IdeaStatusMessage = Civic.Contracts.Hotline.V1.IdeaStatus;

namespace Civic.Hotline.Ideas;

/// <summary>Between civic.hotline.v1 idea messages and the idea domain.</summary>
public static class IdeaMapping
{
    /// <summary>The idea as a message; <paramref name="withFlag"/>: whether the caller may see its 30-day follow-up flag (<see cref="Calls.DepartmentScope.FlagsSeenByAsync"/>).</summary>
    public static IdeaMessage ToMessage(Idea idea, bool withFlag) => new()
    {
        Id = idea.Id,
        DepartmentId = idea.DepartmentId,
        Title = idea.Title,
        Description = idea.Description,
        Status = (IdeaStatusMessage)(int)idea.Status,
        DeclineReason = idea.DeclineReason ?? string.Empty,
        CreatedAt = Timestamp.FromDateTimeOffset(idea.CreatedAt),
        StatusChangedAt = Timestamp.FromDateTimeOffset(idea.StatusChangedAt),
        FlaggedAt = withFlag && idea.FlaggedAt is { } flagged ? Timestamp.FromDateTimeOffset(flagged) : null,
    };

    public static IdeaStatus? ToStatus(IdeaStatusMessage status) =>
        status is IdeaStatusMessage.Unspecified || !System.Enum.IsDefined(status) ? null : (IdeaStatus)(int)status;
}
