using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Network.Search;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Taxonomy;

/// <summary>An "other" competence in use: the text as most profiles write it, and how many profiles name it.</summary>
public sealed record OtherCompetenceCount(string Text, int ProfileCount);

/// <summary>What a fold did: the competence (with its synonyms now) and how many profiles moved to it.</summary>
public sealed record FoldResult(Competence Competence, int MovedProfiles);

/// <summary>Lists the free-text "other" competences of profiles and folds one into the taxonomy.</summary>
public sealed class CompetenceFoldingDesk(NetworkDbContext db, ISearchIndex index, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<OtherCompetenceCount>> ListOtherAsync(CancellationToken cancellationToken)
    {
        var lists = await db.ResourcePersons.AsNoTracking().Select(p => p.Competences).ToListAsync(cancellationToken);
        return lists.SelectMany(texts => texts.Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(CompetenceFoldingRules.Term, StringComparer.Ordinal)
            .Select(g => new OtherCompetenceCount(
                g.GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                g.Count()))
            .OrderByDescending(o => o.ProfileCount)
            .ThenBy(o => o.Text, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Folds <paramref name="text"/> into the taxonomy as a synonym of <paramref name="synonymOf"/>, or as a new
    /// competence named <paramref name="newCompetenceName"/>; every profile naming the text (any case) gets the
    /// competence instead, and every profile with the competence is indexed again with the new synonym.
    /// </summary>
    /// <exception cref="ValidationException">No target, an unknown competence, or a name beyond bounds.</exception>
    /// <exception cref="NotFoundException">No profile names the text.</exception>
    /// <exception cref="AlreadyExistsException">The new name is a competence already, or the text was folded into another competence.</exception>
    public async Task<FoldResult> FoldAsync(string text, string? synonymOf, string? newCompetenceName, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var taxonomy = await FoldedTaxonomy.LoadAsync(db, cancellationToken);
        var target = CompetenceFoldingRules.ValidTarget(text, synonymOf, newCompetenceName, taxonomy);
        var term = CompetenceFoldingRules.Term(target.Text);

        var existing = await db.CompetenceFolds.AsNoTracking().SingleOrDefaultAsync(f => f.Term == term, cancellationToken);
        if (existing is not null && existing.CompetenceId != target.CompetenceId)
        {
            throw new AlreadyExistsException(
                $"'{target.Text}' is folded into the competence '{taxonomy.NameOf(existing.CompetenceId)}' already.",
                $"'{target.Text}' er allerede lagt ind under kompetencen '{taxonomy.NameOf(existing.CompetenceId)}'.");
        }

        // Only the lists are read for all profiles: a fold is rare, and the lists are short.
        var lists = await db.ResourcePersons.AsNoTracking().Select(p => new { p.Id, p.Competences, p.CompetenceIds }).ToListAsync(cancellationToken);
        var naming = lists.Where(p => p.Competences.Any(c => CompetenceFoldingRules.Term(c) == term)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (naming.Count == 0)
        {
            throw new NotFoundException(
                $"No profile names '{target.Text}' as an other competence. Take the text from ListOtherCompetences.",
                $"Ingen profil har '{target.Text}' som anden kompetence. Brug teksten fra listen over andre kompetencer.");
        }

        var reindexed = lists.Where(p => naming.Contains(p.Id) || p.CompetenceIds.Contains(target.CompetenceId)).Select(p => p.Id).ToList();
        var people = await db.ResourcePersons.Where(p => EF.Parameter(reindexed).Contains(p.Id)).ToListAsync(cancellationToken);
        var now = timeProvider.GetStoredUtcNow();
        foreach (var person in people.Where(p => naming.Contains(p.Id)))
        {
            person.Competences = person.Competences.Where(c => CompetenceFoldingRules.Term(c) != term).ToList();
            if (!person.CompetenceIds.Contains(target.CompetenceId))
            {
                person.CompetenceIds = [.. person.CompetenceIds, target.CompetenceId];
            }

            person.UpdatedAt = now;
        }

        if (existing is null)
        {
            db.CompetenceFolds.Add(new CompetenceFold
            {
                Term = term,
                Text = target.Text,
                CompetenceId = target.CompetenceId,
                CompetenceName = target.NewName,
                FoldedBy = caller.UserId,
                FoldedAt = now,
            });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var folded = await FoldedTaxonomy.LoadAsync(db, cancellationToken);
        foreach (var person in people)
        {
            await index.ReplaceAsync(person.Id, folded.DocumentsFor(person), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new FoldResult(folded.Find(target.CompetenceId)!, naming.Count);
    }
}
