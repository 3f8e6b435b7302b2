using System.Data.Common;
using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Defaults.Services;
using Civic.Hosting.Storage.Migrations;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;
using Civic.Services.FunctionalTests.Infrastructure;
using Civic.Services.FunctionalTests.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Civic.Services.FunctionalTests.Panel;

/// <summary>
/// A Panel database from before the municipality defined its own feature schema (0008) holding a case, a member with
/// features (one in a category the demo schema never had) and an audit entry is upgraded to the current schema: every
/// row keeps every value, the categories get labels (unknown ones their key), and the service serves the old rows.
/// </summary>
public sealed class SchemaUpgradeTests
{
    private const string Previous = "panel/0008_invitation_reminders";

    private static readonly string[] Tables = ["cases", "case_phase_transitions", "feature_schema_values", "pool_members", "audit_entries"];

    [Fact]
    public async Task Start_PostgresDatabaseBeforeTheFeatureSchema_UpgradesKeepingEveryRow()
    {
        var (postgres, unavailable) = await PostgresBackend.TryCreateAsync();
        PostgresBackend.RequireAvailable(unavailable);
        await using var database = postgres!;
        await UpgradeAsync(database, () => new NpgsqlConnection(database.ConnectionString), postgresSql: true);
    }

    [Fact]
    public async Task Start_SqliteDatabaseBeforeTheFeatureSchema_UpgradesKeepingEveryRow()
    {
        await using var database = new SqliteBackend();
        await UpgradeAsync(database, () => new SqliteConnection(database.ConnectionString(CivicServices.Panel.Name)), postgresSql: false);
    }

    private static async Task UpgradeAsync(StorageBackend database, Func<DbConnection> connect, bool postgresSql)
    {
        var settings = new Dictionary<string, string>(database.Settings(CivicServices.Panel.Name))
        {
            ["Storage:MigrateOnStartup"] = "false",
            ["Jobs:Store"] = "InMemory",
        };
        await using (var previousRelease = new ServiceHost<CaseGrpcService>(settings))
        {
            await previousRelease.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(Previous, TestContext.Current.CancellationToken);
        }

        await using var connection = connect();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await TableRows.ExecuteAsync(connection, InsertSql(postgresSql));
        var before = await TableRows.SnapshotAsync(connection, Tables, postgresSql);

        await using var upgraded = new ServiceHost<CaseGrpcService>(database.Settings(CivicServices.Panel.Name));

        Assert.Contains("panel/0013_audit_actor_index", (await upgraded.Services.GetRequiredService<SchemaMigrator>().GetStatusAsync(TestContext.Current.CancellationToken)).Applied);
        await TableRows.UnchangedAsync(connection, before, postgresSql);
        var @case = (await upgraded.CallAsync<GetCaseRequest, GetCaseResponse>(CasesReflection.Descriptor.Services[0], "GetCase", new() { Id = "case-1" }, CivicRoles.Coordinator)).Case;
        var member = (await upgraded.CallAsync<GetMemberRequest, GetMemberResponse>(PoolReflection.Descriptor.Services[0], "GetMember",
            new() { Id = "member-1", Reason = "Test af opgradering" }, CivicRoles.Coordinator)).Member;

        Assert.Equal(("Stier i Nordbyen", CasePhase.Planning, "Panelet former ruten; budgettet er givet"), (@case.Title, @case.Phase, @case.ScopeOfInfluence));
        // Columns added since are empty: no brief written yet, no coordinator named.
        Assert.Equal(("", 0, ""), (@case.Purpose, @case.SuccessCriteria.Count, @case.CoordinatorSubject));
        // A move logged before names were kept shows its subject as the name.
        var transition = Assert.Single((await upgraded.CallAsync<ListPhaseTransitionsRequest, ListPhaseTransitionsResponse>(CasesReflection.Descriptor.Services[0],
            "ListPhaseTransitions", new() { Id = "case-1" }, CivicRoles.Coordinator)).Transitions);
        Assert.Equal(("Kim Koordinator (coordinator-1)", "Kim Koordinator (coordinator-1)", "Afklaret"), (transition.ChangedBy, transition.ChangedByName, transition.Reason));
        Assert.Equal(("Ida Opgradering", MemberStatus.Active), (member.Name, member.Status));
        Assert.Equal(
            [("district", "Bydel", "oest", "Øst"), ("transport", "transport", "cykel", "Cykel")],
            member.FeatureChoices.Select(c => (c.Category, c.CategoryLabel, c.Value, c.ValueLabel)));
        Assert.Empty(upgraded.ErrorLogs());
    }

    /// <summary>One case with its phase change, three schema values, one member and one audit entry, as release 0008 wrote them.</summary>
    private static string InsertSql(bool postgres)
    {
        string At(string iso) => TableRows.Time(postgres, iso);
        return $$"""
            INSERT INTO cases (id, title, summary, owning_department, co_creation_type, phase, created_at, scope_of_influence)
            VALUES ('case-1', 'Stier i Nordbyen', 'Borgerne vil have sikre stier', 'by-og-land', 'Equal', 'Planning', {{At("2026-01-02T03:04:05Z")}},
              'Panelet former ruten; budgettet er givet');
            INSERT INTO case_phase_transitions (id, case_id, from_phase, to_phase, changed_by, reason, changed_at)
            VALUES ('transition-1', 'case-1', 'Clarification', 'Planning', 'Kim Koordinator (coordinator-1)', 'Afklaret', {{At("2026-01-05T09:00:00Z")}});
            INSERT INTO feature_schema_values (category, value, label) VALUES ('district', 'oest', 'Øst'), ('district', 'vest', 'Vest'), ('transport', 'cykel', 'Cykel');
            INSERT INTO pool_members (id, name, email, household_key, features, status, created_at, phone, availability, languages, confirmed_at,
              consent_text_version, consent_scope, consent_given_at, consent_given_to, consent_expires_at, renewal_requested_at, withdrawn_at, departure_reason)
            VALUES ('member-1', 'Ida Opgradering', 'ida.opgradering@example.dk', NULL, '{"district":"oest","transport":"cykel"}', 'Active',
              {{At("2026-01-03T10:00:00Z")}}, NULL, 'Hverdage efter kl. 16', '["da"]', {{At("2026-01-03T10:05:00Z")}}, '2026-01', 'panel-invitations',
              {{At("2026-01-03T10:05:00Z")}}, NULL, {{At("2031-01-03T10:05:00Z")}}, NULL, NULL, NULL);
            INSERT INTO audit_entries (id, occurred_at, actor, action, subject_type, subject_id, reason)
            VALUES ('audit-1', {{At("2026-01-03T10:05:00Z")}}, 'Ida Opgradering', 'member.confirmed', 'member', 'member-1', 'Bekræftede sin tilmelding');
            """;
    }
}
