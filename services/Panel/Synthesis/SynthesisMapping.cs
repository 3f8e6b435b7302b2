using Google.Protobuf.WellKnownTypes;
using CommentMessage = Civic.Contracts.Panel.V1.SynthesisComment;
using StageMessage = Civic.Contracts.Panel.V1.SynthesisStage;
using SynthesisMessage = Civic.Contracts.Panel.V1.Synthesis;

namespace Civic.Panel.Synthesis;

/// <summary>Between civic.panel.v1 synthesis messages and the domain.</summary>
public static class SynthesisMapping
{
    public static SynthesisMessage ToMessage((CaseSynthesis Synthesis, IReadOnlyList<SynthesisComment> Comments)? found, string caseId)
    {
        if (found is not var (synthesis, comments))
        {
            return new SynthesisMessage { CaseId = caseId };
        }

        var message = new SynthesisMessage
        {
            CaseId = synthesis.CaseId,
            Text = synthesis.Text,
            Stage = synthesis.Stage switch
            {
                SynthesisStage.Draft => StageMessage.Draft,
                SynthesisStage.InReview => StageMessage.InReview,
                _ => StageMessage.Final,
            },
            UpdatedAt = Timestamp.FromDateTimeOffset(synthesis.UpdatedAt),
            FinalisedAt = synthesis.FinalisedAt is { } finalised ? Timestamp.FromDateTimeOffset(finalised) : null,
            NoteToMembers = synthesis.NoteToMembers,
            ReviewResponse = synthesis.ReviewResponse,
        };
        message.Comments.AddRange(comments.Select(ToMessage));
        return message;
    }

    public static CommentMessage ToMessage(SynthesisComment comment) => new()
    {
        MemberId = comment.MemberId,
        Text = comment.Text,
        CommentedAt = Timestamp.FromDateTimeOffset(comment.CommentedAt),
    };
}
