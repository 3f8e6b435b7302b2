using System.Globalization;
using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Convening;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Schema;

/// <summary>What every schema change carries: the etag it was based on, why, and whether only to check and preview.</summary>
public sealed record FeatureSchemaChangeRequest(string Etag, string Reason, bool ValidateOnly);

/// <summary>The schema (as changed, or as it would be) with its etag and how many members hold each value.</summary>
public sealed record FeatureSchemaState(FeatureSchemaDefinition Schema, string Etag, IReadOnlyDictionary<(string Category, string Value), int> Holders);

/// <summary>A change's result: the schema after it, and whether it was stored (false for validate_only).</summary>
public sealed record FeatureSchemaOutcome(FeatureSchemaState State, bool Applied);

/// <summary>Members holding a value (or any value of a category) and recorded draws naming it.</summary>
public sealed record FeatureUsageCount(int MembersHolding, int DrawsReferring);

/// <summary>
/// Reads the feature schema and makes the municipality's changes to it. A change is checked on the whole schema,
/// claims the next schema version by a conditional update (a stale etag is ABORTED, also when two changes race) and
/// is saved with its audit entry in one transaction.
/// </summary>
public sealed class FeatureSchemaEditor(PanelDbContext db, AuditLog audit, TimeProvider timeProvider)
{
    private const int VersionRow = 1;

    /// <summary>The schema as stored, untracked: for sign-up, filters and convening.</summary>
    public async Task<FeatureSchemaDefinition> LoadAsync(CancellationToken cancellationToken) =>
        new(await db.FeatureCategories.AsNoTracking().ToListAsync(cancellationToken), await db.FeatureSchema.AsNoTracking().ToListAsync(cancellationToken));

    public async Task<FeatureSchemaState> ReadAsync(CancellationToken cancellationToken)
    {
        var version = await CurrentVersionAsync(cancellationToken);
        return new(await LoadAsync(cancellationToken), Etag(version), await HoldersAsync(cancellationToken));
    }

    public Task<FeatureSchemaOutcome> AddCategoryAsync(
        FeatureSchemaChangeRequest change, string key, string label, string labelEn, bool livedExperience, IReadOnlyList<NewFeatureValueSpec> values, CancellationToken cancellationToken) =>
        ApplyAsync(change, AuditActions.FeatureSchemaAddCategory, key.Trim(), s => s.AddCategory(key, label, labelEn, livedExperience, values), cancellationToken);

    public Task<FeatureSchemaOutcome> AddValueAsync(FeatureSchemaChangeRequest change, string category, NewFeatureValueSpec value, CancellationToken cancellationToken) =>
        ApplyAsync(change, AuditActions.FeatureSchemaAddValue, category.Trim(), s => s.AddValue(category, value), cancellationToken);

    public Task<FeatureSchemaOutcome> UpdateCategoryAsync(
        FeatureSchemaChangeRequest change, string category, string label, string labelEn, bool livedExperience, CancellationToken cancellationToken) =>
        ApplyAsync(change, AuditActions.FeatureSchemaUpdateCategory, category.Trim(), s => s.UpdateCategory(category, label, labelEn, livedExperience), cancellationToken);

    public Task<FeatureSchemaOutcome> UpdateValueAsync(
        FeatureSchemaChangeRequest change, string category, string value, string label, string labelEn, CancellationToken cancellationToken) =>
        ApplyAsync(change, AuditActions.FeatureSchemaUpdateValue, category.Trim(), s => s.UpdateValue(category, value, label, labelEn), cancellationToken);

    public Task<FeatureSchemaOutcome> ReorderAsync(FeatureSchemaChangeRequest change, string category, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        ApplyAsync(change, AuditActions.FeatureSchemaReorder, category.Trim(), s => s.Reorder(category, keys), cancellationToken);

    /// <summary>Retires a value or category, and counts who relies on it (the preview's "N members hold it").</summary>
    public async Task<(FeatureSchemaOutcome Outcome, FeatureUsageCount Usage)> RetireAsync(
        FeatureSchemaChangeRequest change, string category, string value, CancellationToken cancellationToken)
    {
        var outcome = await ApplyAsync(change, AuditActions.FeatureSchemaRetire, category.Trim(), s => s.Retire(category, value, timeProvider.GetStoredUtcNow()), cancellationToken);
        return (outcome, await UsageAsync(outcome.State.Holders, category.Trim(), value.Trim(), cancellationToken));
    }

    private async Task<FeatureSchemaOutcome> ApplyAsync(
        FeatureSchemaChangeRequest change, string action, string subject, Func<FeatureSchemaDefinition, string> edit, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations()
            .Required("change.etag", change.Etag, "the schema's etag (read the schema first)", "skemaets etag (hent skemaet først)")
            .MaxLength("change.reason", change.Reason.Trim(), 500, "the reason", "begrundelsen");
        if (!change.ValidateOnly)
        {
            // A preview is not recorded, so it needs no reason; the change it previews does.
            violations.Required("change.reason", change.Reason, "the reason for the change", "begrundelsen for ændringen");
        }

        var version = await CurrentVersionAsync(cancellationToken);
        var schema = new FeatureSchemaDefinition(await db.FeatureCategories.ToListAsync(cancellationToken), await db.FeatureSchema.ToListAsync(cancellationToken));
        string description;
        try
        {
            description = edit(schema);
        }
        catch (ValidationException refused) when (!violations.IsEmpty)
        {
            // One answer names every wrong field: the change's own and the edit's.
            foreach (var violation in refused.Violations)
            {
                violations.Add(violation.Field, violation.Description, violation.DanishDescription);
            }

            throw new ValidationException(violations.Items);
        }
        catch (DomainException) when (!violations.IsEmpty)
        {
            // An incomplete change is answered as such first, whatever it names.
            violations.ThrowIfAny();
            throw;
        }

        violations.ThrowIfAny();
        if (change.Etag.Trim() != Etag(version))
        {
            throw Stale();
        }
        if (change.ValidateOnly)
        {
            var preview = new FeatureSchemaState(schema, Etag(version), await HoldersAsync(cancellationToken));
            db.ChangeTracker.Clear();
            return new(preview, Applied: false);
        }

        AddNew(schema);
        audit.Changed(action, "feature-schema", subject, $"{description}. Reason: {change.Reason.Trim()}");
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var claimed = await db.FeatureSchemaVersion.Where(v => v.Id == VersionRow && v.Version == version)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
            if (claimed == 0)
            {
                throw Stale();
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new(new FeatureSchemaState(schema, Etag(version + 1), await HoldersAsync(cancellationToken)), Applied: true);
    }

    private void AddNew(FeatureSchemaDefinition schema)
    {
        db.FeatureCategories.AddRange(schema.Categories.Where(c => db.Entry(c).State == EntityState.Detached));
        db.FeatureSchema.AddRange(schema.AllValues.Where(v => db.Entry(v).State == EntityState.Detached));
    }

    private async Task<long> CurrentVersionAsync(CancellationToken cancellationToken) =>
        await db.FeatureSchemaVersion.AsNoTracking().Where(v => v.Id == VersionRow).Select(v => v.Version).SingleAsync(cancellationToken);

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static ConcurrencyConflictException Stale() => new(
        "The feature schema was changed meanwhile (the etag is not the current one); read it again and retry.",
        "Skemaet er blevet ændret imens; hent det igen, og prøv igen.");

    /// <summary>How many pending or active members hold each value (withdrawn members hold none).</summary>
    private async Task<IReadOnlyDictionary<(string Category, string Value), int>> HoldersAsync(CancellationToken cancellationToken)
    {
        var features = await db.PoolMembers.AsNoTracking().Where(m => m.Status != PoolMemberStatus.Withdrawn).Select(m => m.Features).ToListAsync(cancellationToken);
        return features.SelectMany(f => f).GroupBy(p => (p.Key, p.Value)).ToDictionary(g => g.Key, g => g.Count());
    }

    private async Task<FeatureUsageCount> UsageAsync(IReadOnlyDictionary<(string Category, string Value), int> holders, string category, string value, CancellationToken cancellationToken)
    {
        bool Names(string c, string v) => c == category && (value.Length == 0 || v == value);
        var members = holders.Where(h => Names(h.Key.Category, h.Key.Value)).Sum(h => h.Value);
        var records = await db.Draws.AsNoTracking().Select(d => d.Record).ToListAsync(cancellationToken);
        var draws = records.Select(StoredDraw.FromJson).Count(d =>
            d.Quotas.Any(q => Names(q.Category, q.Value)) || d.PoolSnapshot.Any(m => m.Features.Any(f => Names(f.Key, f.Value))));
        return new(members, draws);
    }
}
