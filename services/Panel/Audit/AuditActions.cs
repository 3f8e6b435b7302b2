namespace Civic.Panel.Audit;

/// <summary>
/// Every action code the audit log records. The administrators' audit page in the gateway names each one
/// (PanelOversightText; Civic.Gateway.Tests checks that none is left unnamed).
/// </summary>
public static class AuditActions
{
    // Cases: changes and reads of case data, and a panel member's own actions on a case.
    public const string CaseCreate = "case.create";
    public const string CaseRead = "case.read";
    public const string CaseList = "case.list";
    public const string CaseMaterialRead = "case.material.read";
    public const string CaseScopeOfInfluence = "case.scope-of-influence";
    public const string CaseBrief = "case.brief";
    public const string CasePhase = "case.phase";
    public const string CaseCoordinator = "case.coordinator";
    public const string CaseDraw = "case.draw";
    public const string CaseInvite = "case.invite";
    public const string CaseInvitationAnswer = "case.invitation.answer";
    public const string CaseInvitationRemind = "case.invitation.remind";
    public const string CaseInvitationClose = "case.invitation.close";
    public const string CaseConfidentiality = "case.confidentiality";
    public const string CaseSession = "case.session";
    public const string CaseContribution = "case.contribution";
    public const string CaseSynthesisDraft = "case.synthesis.draft";
    public const string CaseSynthesisReview = "case.synthesis.review";
    public const string CaseSynthesisComment = "case.synthesis.comment";
    public const string CaseSynthesisFinal = "case.synthesis.final";
    public const string CaseFeedback = "case.feedback";
    public const string CaseFeedbackEscalate = "case.feedback.escalate";
    public const string CaseEvaluation = "case.evaluation";

    // Pool members: their personal data.
    public const string MemberSignUp = "member.sign-up";
    public const string MemberSignUpAgain = "member.sign-up-again";
    public const string MemberSignUpAssisted = "member.sign-up-assisted";
    public const string MemberConfirm = "member.confirm";
    public const string MemberRead = "member.read";
    public const string MemberList = "member.list";
    public const string MemberExport = "member.export";
    public const string MemberRenewConsent = "member.renew-consent";
    public const string MemberRenewalRequested = "member.renewal-requested";
    public const string MemberInactivityReminder = "member.inactivity-reminder";
    public const string MemberErase = "member.erase";

    // The feature schema the pool is described by.
    public const string FeatureSchemaAddCategory = "feature-schema.add-category";
    public const string FeatureSchemaAddValue = "feature-schema.add-value";
    public const string FeatureSchemaUpdateCategory = "feature-schema.update-category";
    public const string FeatureSchemaUpdateValue = "feature-schema.update-value";
    public const string FeatureSchemaReorder = "feature-schema.reorder";
    public const string FeatureSchemaRetire = "feature-schema.retire";
}
