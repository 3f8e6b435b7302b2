using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Cases;
using Civic.Panel.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Synthesis;

/// <summary>The synthesis of a case: drafted by the coordinator, reviewed by the members, then final. Each step is audited (never the texts).</summary>
public sealed class SynthesisDesk(PanelDbContext db, CaseRegistry cases, AuditLog audit, TimeProvider timeProvider)
{
    public const int MaxTextLength = 20000;

    public async Task<(CaseSynthesis Synthesis, IReadOnlyList<SynthesisComment> Comments)> SaveDraftAsync(string caseId, string text, CaseScope scope, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .Required("text", text, "the synthesis", "syntesen")
            .MaxLength("text", text.Trim(), MaxTextLength, "the synthesis", "syntesen")
            .ThrowIfAny();
        var @case = await cases.GetAsync(caseId, scope, cancellationToken);
        var synthesis = await db.Syntheses.SingleOrDefaultAsync(s => s.CaseId == @case.Id, cancellationToken);
        var first = synthesis is null;
        if (synthesis is null)
        {
            synthesis = new CaseSynthesis { CaseId = @case.Id, Text = text.Trim(), Stage = SynthesisStage.Draft };
            db.Syntheses.Add(synthesis);
        }
        else if (synthesis.Stage != SynthesisStage.Draft)
        {
            throw new FailedPreconditionException(
                "The synthesis is in review or final; the members comment on the text they were shown, so it is no longer changed.",
                "Syntesen er til kommentering eller endelig; medlemmerne kommenterer den tekst, de fik vist, så den ændres ikke længere.");
        }

        synthesis.Text = text.Trim();
        synthesis.UpdatedAt = timeProvider.GetStoredUtcNow();
        audit.Changed(AuditActions.CaseSynthesisDraft, "case", @case.Id, first ? "The synthesis was drafted" : "The synthesis draft was revised");
        await db.SaveChangesAsync(cancellationToken);
        return (synthesis, []);
    }

    public async Task<(CaseSynthesis Synthesis, IReadOnlyList<SynthesisComment> Comments)> OpenReviewAsync(string caseId, string note, CaseScope scope, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .Required("note_to_members", note, "a note telling the members what to look at", "en besked til medlemmerne om, hvad de skal se på")
            .MaxLength("note_to_members", note.Trim(), 2000, "the note", "beskeden")
            .ThrowIfAny();
        var synthesis = await TrackedAsync(caseId, scope, cancellationToken);
        Demand(synthesis, SynthesisStage.Draft,
            "Only a draft is opened for review; this synthesis is in review or final already.",
            "Kun et udkast kan sendes til kommentering; denne syntese er allerede til kommentering eller endelig.");
        synthesis.Stage = SynthesisStage.InReview;
        synthesis.NoteToMembers = note.Trim();
        synthesis.UpdatedAt = timeProvider.GetStoredUtcNow();
        audit.Changed(AuditActions.CaseSynthesisReview, "case", synthesis.CaseId, "The synthesis was opened for the members' review");
        await db.SaveChangesAsync(cancellationToken);
        return (synthesis, await CommentsAsync(synthesis.CaseId, null, cancellationToken));
    }

    public async Task<(CaseSynthesis Synthesis, IReadOnlyList<SynthesisComment> Comments)> FinaliseAsync(string caseId, string response, string finalisedBy, CaseScope scope, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .Required("review_response", response, "how the members' comments were taken into account", "hvordan medlemmernes kommentarer er brugt")
            .MaxLength("review_response", response.Trim(), 4000, "the response", "svaret")
            .ThrowIfAny();
        var synthesis = await TrackedAsync(caseId, scope, cancellationToken);
        Demand(synthesis, SynthesisStage.InReview,
            "The members review the synthesis before it is final: open it for review first.",
            "Medlemmerne skal kommentere syntesen, før den er endelig: send den til kommentering først.");
        var now = timeProvider.GetStoredUtcNow();
        synthesis.Stage = SynthesisStage.Final;
        synthesis.ReviewResponse = response.Trim();
        synthesis.FinalisedAt = now;
        synthesis.FinalisedBy = finalisedBy;
        synthesis.UpdatedAt = now;
        audit.Changed(AuditActions.CaseSynthesisFinal, "case", synthesis.CaseId, "The synthesis was made final, with the response to the members' comments");
        await db.SaveChangesAsync(cancellationToken);
        return (synthesis, await CommentsAsync(synthesis.CaseId, null, cancellationToken));
    }

    /// <summary>The synthesis and every comment, or null before a draft exists.</summary>
    public async Task<(CaseSynthesis Synthesis, IReadOnlyList<SynthesisComment> Comments)?> GetAsync(string caseId, CaseScope scope, CancellationToken cancellationToken)
    {
        var @case = await cases.GetAsync(caseId, scope, cancellationToken);
        var synthesis = await db.Syntheses.AsNoTracking().SingleOrDefaultAsync(s => s.CaseId == @case.Id, cancellationToken);
        return synthesis is null ? null : (synthesis, await CommentsAsync(@case.Id, null, cancellationToken));
    }

    /// <summary>What a member sees: the synthesis once in review or final, with only their own comments.</summary>
    public async Task<(CaseSynthesis Synthesis, IReadOnlyList<SynthesisComment> Comments)?> ForMemberAsync(PanelInvitation member, CancellationToken cancellationToken)
    {
        var synthesis = await db.Syntheses.AsNoTracking().SingleOrDefaultAsync(s => s.CaseId == member.CaseId && s.Stage != SynthesisStage.Draft, cancellationToken);
        return synthesis is null ? null : (synthesis, await CommentsAsync(member.CaseId, member.MemberId, cancellationToken));
    }

    public async Task<SynthesisComment> CommentAsync(PanelInvitation member, string text, CancellationToken cancellationToken)
    {
        InvitationRules.EnsureMaySeeCaseMaterial(member);
        new FieldViolations()
            .Required("text", text, "the comment", "kommentaren")
            .MaxLength("text", text.Trim(), 4000, "the comment", "kommentaren")
            .ThrowIfAny();
        var synthesis = await db.Syntheses.AsNoTracking().SingleOrDefaultAsync(s => s.CaseId == member.CaseId, cancellationToken);
        if (synthesis?.Stage != SynthesisStage.InReview)
        {
            throw new FailedPreconditionException(
                "The synthesis is not open for comments: members comment while it is in review, before it is final.",
                "Syntesen er ikke åben for kommentarer: medlemmerne kommenterer, mens den er til kommentering, før den bliver endelig.");
        }

        var now = timeProvider.GetStoredUtcNow();
        var comment = new SynthesisComment { Id = Guid.CreateVersion7(now).ToString(), CaseId = member.CaseId, MemberId = member.MemberId, Text = text.Trim(), CommentedAt = now };
        db.SynthesisComments.Add(comment);
        audit.Changed(AuditActions.CaseSynthesisComment, "case", member.CaseId, $"Comment {comment.Id} on the synthesis by member {member.MemberId}", member.MemberId);
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    private async Task<CaseSynthesis> TrackedAsync(string caseId, CaseScope scope, CancellationToken cancellationToken)
    {
        var @case = await cases.GetAsync(caseId, scope, cancellationToken);
        return await db.Syntheses.SingleOrDefaultAsync(s => s.CaseId == @case.Id, cancellationToken)
            ?? throw new FailedPreconditionException("The case has no synthesis yet; save a draft first.", "Sagen har ingen syntese endnu; gem et udkast først.");
    }

    private static void Demand(CaseSynthesis synthesis, SynthesisStage stage, string message, string danish)
    {
        if (synthesis.Stage != stage)
        {
            throw new FailedPreconditionException(message, danish);
        }
    }

    private async Task<IReadOnlyList<SynthesisComment>> CommentsAsync(string caseId, string? memberId, CancellationToken cancellationToken) =>
        (await db.SynthesisComments.AsNoTracking().Where(c => c.CaseId == caseId && (memberId == null || c.MemberId == memberId)).ToListAsync(cancellationToken))
            .OrderBy(c => c.CommentedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
}
