using System.Diagnostics;
using Civic.Network.ResourcePersons;
using Civic.Network.Search;
using Npgsql;
using NpgsqlTypes;

// Usage: Civic.Bench.NetworkSearch CONNECTION-STRING COUNT
// Fills a migrated, empty-or-partial Network database with COUNT generated profiles (the demo generator,
// same seed) by binary COPY, profiles and search rows alike; a database that already holds COUNT is left alone.
if (args.Length != 2 || !int.TryParse(args[1], out var count) || count < 1)
{
    Console.Error.WriteLine("usage: Civic.Bench.NetworkSearch CONNECTION-STRING COUNT");
    return 2;
}

await using var connection = new NpgsqlConnection(args[0]);
await connection.OpenAsync();
await using (var existing = new NpgsqlCommand("SELECT count(*) FROM resource_persons", connection))
{
    if ((long)(await existing.ExecuteScalarAsync())! == count)
    {
        Console.WriteLine($"{count} profiles already loaded");
        return 0;
    }
}

var clock = Stopwatch.StartNew();
await using (var truncate = new NpgsqlCommand("TRUNCATE resource_persons CASCADE", connection))
{
    await truncate.ExecuteNonQueryAsync();
}

// About one in fifty is a civil-society partner, as in the demo (2,000 staff, 40 partners).
var partners = count / 51;
var now = DateTimeOffset.UtcNow;
var people = DemoProfileGenerator.Generate(count - partners, partners).Select(p => DemoResourcePersons.ToResourcePerson(p, now)).ToList();

await using (var copy = await connection.BeginBinaryImportAsync(
    "COPY resource_persons (id, display_name, organisation, kind, role, competence_ids, competences, challenge_areas, service_codes, services_known, languages, " +
    "capacity_hours_per_month, description, manager_id, owner_id, opted_in, visibility, public_fields, completed_assignments, feedback_points, created_at, updated_at, confirmed_at, confirmation_requested_at) FROM STDIN (FORMAT BINARY)"))
{
    foreach (var p in people)
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(p.Id, NpgsqlDbType.Text);
        await copy.WriteAsync(p.DisplayName, NpgsqlDbType.Text);
        await copy.WriteAsync(p.Organisation, NpgsqlDbType.Text);
        await copy.WriteAsync(p.Kind.ToString(), NpgsqlDbType.Text);
        await copy.WriteAsync(p.Role, NpgsqlDbType.Text);
        await copy.WriteAsync(p.CompetenceIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(p.Competences.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(p.ChallengeAreas.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(p.ServiceCodes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(p.ServicesKnown.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(string.Join(',', p.Languages), NpgsqlDbType.Text);
        await copy.WriteAsync(p.CapacityHoursPerMonth, NpgsqlDbType.Integer);
        await copy.WriteAsync(p.Description, NpgsqlDbType.Text);
        await copy.WriteAsync(p.ManagerId, NpgsqlDbType.Text);
        await copy.WriteAsync(p.OwnerId, NpgsqlDbType.Text);
        await copy.WriteAsync(p.OptedIn, NpgsqlDbType.Boolean);
        await copy.WriteAsync(p.Visibility.ToString(), NpgsqlDbType.Text);
        await copy.WriteAsync(string.Join(',', p.PublicFields), NpgsqlDbType.Text);
        await copy.WriteAsync(p.CompletedAssignments, NpgsqlDbType.Integer);
        await copy.WriteAsync(p.FeedbackPoints, NpgsqlDbType.Integer);
        await copy.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz);
        await copy.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz);
        await copy.WriteAsync(p.ConfirmedAt, NpgsqlDbType.TimestampTz);
        if (p.ConfirmationRequestedAt is { } asked)
        {
            await copy.WriteAsync(asked, NpgsqlDbType.TimestampTz);
        }
        else
        {
            await copy.WriteNullAsync();
        }
    }

    await copy.CompleteAsync();
}

// The search rows exactly as the service writes them (SearchDocument.For, PostgresSearchIndex); PostgreSQL computes the tsvector.
await using (var copy = await connection.BeginBinaryImportAsync(
    "COPY resource_person_search (person_id, audience, name, competences, areas, services, description, organisation, competence_ids, broad_competence_ids, other_competences, " +
    "challenge_areas, languages, capacity_hours, completed_assignments, feedback_points, stale) FROM STDIN (FORMAT BINARY)"))
{
    foreach (var document in people.SelectMany(SearchDocument.For))
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(document.PersonId, NpgsqlDbType.Text);
        await copy.WriteAsync(document.Audience.ToString(), NpgsqlDbType.Text);
        await copy.WriteAsync(document.Name, NpgsqlDbType.Text);
        await copy.WriteAsync(document.Competences, NpgsqlDbType.Text);
        await copy.WriteAsync(document.Areas, NpgsqlDbType.Text);
        await copy.WriteAsync(document.Services, NpgsqlDbType.Text);
        await copy.WriteAsync(document.Description, NpgsqlDbType.Text);
        var seen = document.Person;
        await copy.WriteAsync(seen.Organisation, NpgsqlDbType.Text);
        await copy.WriteAsync(seen.CompetenceIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(SearchFacets.BroadIds(seen.CompetenceIds).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(seen.Competences.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(seen.ChallengeAreas.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(seen.Languages.Select(l => l.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(seen.CapacityHoursPerMonth, NpgsqlDbType.Integer);
        await copy.WriteAsync(seen.CompletedAssignments, NpgsqlDbType.Integer);
        await copy.WriteAsync(seen.FeedbackPoints, NpgsqlDbType.Integer);
        await copy.WriteAsync(seen.IsStale, NpgsqlDbType.Boolean);
    }

    await copy.CompleteAsync();
}

await using (var analyze = new NpgsqlCommand("ANALYZE resource_persons; ANALYZE resource_person_search", connection))
{
    await analyze.ExecuteNonQueryAsync();
}

Console.WriteLine($"loaded {people.Count} profiles in {clock.Elapsed.TotalSeconds:F1} s");
return 0;
