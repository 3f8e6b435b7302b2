using Civic.Contracts.Panel.V1;
using Civic.Hosting.Errors;
using Google.Protobuf.WellKnownTypes;
using CaseMessage = Civic.Contracts.Panel.V1.Case;
using CasePhaseMessage = Civic.Contracts.Panel.V1.CasePhase;
using CoCreationTypeMessage = Civic.Contracts.Panel.V1.CoCreationType;

namespace Civic.Panel.Cases;

/// <summary>Between civic.panel.v1 messages and the case domain.</summary>
public static class CaseMapping
{
    public static CaseMessage ToMessage(Case @case)
    {
        var message = new CaseMessage
        {
            Id = @case.Id,
            Title = @case.Title,
            Summary = @case.Summary,
            OwningDepartment = @case.OwningDepartment,
            CoCreationType = ToMessage(@case.CoCreationType),
            Phase = ToMessage(@case.Phase),
            CreatedAt = Timestamp.FromDateTimeOffset(@case.CreatedAt),
            ScopeOfInfluence = @case.ScopeOfInfluence,
            Purpose = @case.Purpose,
            CoordinatorName = @case.CoordinatorName,
            CoordinatorSubject = @case.CoordinatorSubject,
        };
        message.SuccessCriteria.AddRange(@case.SuccessCriteria);
        message.Stakeholders.AddRange(@case.Stakeholders.Select(s => new Contracts.Panel.V1.Stakeholder { Name = s.Name, Interest = s.Interest }));
        message.PanelQuestions.AddRange(@case.PanelQuestions);
        message.NextPhaseChecklist.AddRange(CaseChecklist.ForNextPhase(@case).Select(ToMessage));
        message.ConveningChecklist.AddRange(CaseChecklist.ForConvening(@case).Select(ToMessage));
        message.TextFlags.AddRange(CaseTextFlags.Of(@case).Select(f => new Contracts.Panel.V1.CaseTextFlag
        {
            Field = f.Field,
            Kind = f.Kind == CaseTextFlagKind.EmailAddress ? Contracts.Panel.V1.CaseTextFlagKind.EmailAddress : Contracts.Panel.V1.CaseTextFlagKind.PhoneNumber,
        }));
        return message;
    }

    public static Contracts.Panel.V1.ChecklistItem ToMessage(ChecklistItem item) =>
        new() { Key = item.Key, Done = item.Done, LabelDa = item.LabelDa, LabelEn = item.LabelEn };

    public static CaseBrief ToBrief(UpdateCaseBriefRequest request) => new(
        request.Purpose,
        [.. request.SuccessCriteria],
        [.. request.Stakeholders.Select(s => new Stakeholder(s.Name, s.Interest))],
        [.. request.PanelQuestions]);

    public static PhaseTransition ToMessage(CasePhaseTransition transition) => new()
    {
        From = ToMessage(transition.FromPhase),
        To = ToMessage(transition.ToPhase),
        ChangedBy = transition.ChangedBy,
        ChangedByName = transition.ChangedByName,
        Reason = transition.Reason,
        ChangedAt = Timestamp.FromDateTimeOffset(transition.ChangedAt),
    };

    public static CasePhase ToDomain(CasePhaseMessage phase) => phase switch
    {
        CasePhaseMessage.Clarification => CasePhase.Clarification,
        CasePhaseMessage.Planning => CasePhase.Planning,
        CasePhaseMessage.Execution => CasePhase.Execution,
        CasePhaseMessage.Realisation => CasePhase.Realisation,
        CasePhaseMessage.Closed => CasePhase.Closed,
        _ => throw new ValidationException("phase", "The phase must be one of the CasePhase values.", "Fasen skal være en af CasePhase-værdierne."),
    };

    public static NewCase ToNewCase(CreateCaseRequest request)
    {
        if (!System.Enum.IsDefined(request.CoCreationType))
        {
            throw new ValidationException("co_creation_type",
                $"Co-creation type {(int)request.CoCreationType} is unknown; use one of the CoCreationType values, or leave it unspecified until the case is clarified.",
                $"Samskabelsestype {(int)request.CoCreationType} kendes ikke; brug en af CoCreationType-værdierne, eller lad den være uangivet, til sagen er afklaret.");
        }

        return new(request.Title, request.Summary, request.OwningDepartment, ToDomain(request.CoCreationType));
    }

    public static CoCreationType ToDomain(CoCreationTypeMessage type) => type switch
    {
        CoCreationTypeMessage.Equal => CoCreationType.Equal,
        CoCreationTypeMessage.Steered => CoCreationType.Steered,
        CoCreationTypeMessage.Facilitating => CoCreationType.Facilitating,
        CoCreationTypeMessage.Empowering => CoCreationType.Empowering,
        _ => CoCreationType.Unspecified,
    };

    public static CoCreationTypeMessage ToMessage(CoCreationType type) => type switch
    {
        CoCreationType.Equal => CoCreationTypeMessage.Equal,
        CoCreationType.Steered => CoCreationTypeMessage.Steered,
        CoCreationType.Facilitating => CoCreationTypeMessage.Facilitating,
        CoCreationType.Empowering => CoCreationTypeMessage.Empowering,
        _ => CoCreationTypeMessage.Unspecified,
    };

    public static CasePhaseMessage ToMessage(CasePhase phase) => phase switch
    {
        CasePhase.Clarification => CasePhaseMessage.Clarification,
        CasePhase.Planning => CasePhaseMessage.Planning,
        CasePhase.Execution => CasePhaseMessage.Execution,
        CasePhase.Realisation => CasePhaseMessage.Realisation,
        CasePhase.Closed => CasePhaseMessage.Closed,
        _ => CasePhaseMessage.Unspecified,
    };
}
