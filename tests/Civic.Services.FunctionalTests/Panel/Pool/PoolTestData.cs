using System.Data.Common;
using Civic.Contracts.Panel.V1;
using Civic.Hosting.Notifications;
using Civic.Panel;
using Civic.Panel.Pool;
using Civic.Panel.Schema;
using Civic.Services.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel.Pool;

/// <summary>Calls and look-ups the pool tests share: the demo schema, sign-up and confirmation over gRPC, and the database.</summary>
public static class PoolTestData
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor PoolRpc = PoolReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor MembershipRpc = MembershipReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor AuditRpc = AuditReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor FairnessRpc = FairnessReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor CasesRpc = CasesReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor ConveningRpc = ConveningReflection.Descriptor.Services[0];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The demo feature schema, without the demo pool.</summary>
    public static async Task SeedSchemaAsync(ServiceHost<CaseGrpcService> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await DemoPool.SeedSchemaAsync(scope.ServiceProvider.GetRequiredService<FeatureSchemaEditor>(), Cancellation);
    }

    public static SignUpRequest SignUp(string name, string email, string phone = "")
    {
        var request = new SignUpRequest
        {
            Name = name,
            Email = email,
            Phone = phone,
            Availability = "Hverdage efter kl. 16",
            Languages = { "da", "en" },
            Consent = new ConsentGiven { Accepted = true, TextVersion = ConsentText.CurrentVersion },
        };
        request.Features.Add(new Dictionary<string, string> { ["age_band"] = "30-44", ["district"] = "oest", ["household_type"] = "boernefamilie", ["lived_experience"] = "jobcenter" });
        return request;
    }

    /// <summary>The token of the link in the confirmation e-mail, read from the outbox as it is delivered (rendered).</summary>
    public static string ConfirmationToken(ServiceHost<CaseGrpcService> host, SignUpResponse signedUp)
    {
        var (_, body) = DeliveredMessage(host, signedUp.MemberId, "PanelSignUpConfirm");
        var link = System.Text.RegularExpressions.Regex.Match(body, @"/borgerpanelet/bekraeft/([0-9a-f-]+)\?noegle=(\S+)");
        Assert.True(link.Success, "The confirmation e-mail holds no confirmation link: " + body);
        Assert.Equal(signedUp.MemberId, link.Groups[1].Value);
        return Uri.UnescapeDataString(link.Groups[2].Value);
    }

    /// <summary>The newest outbox message of <paramref name="kind"/> about the member: as stored, and as the recipient gets it.</summary>
    public static (OutboxMessage Stored, string Delivered) DeliveredMessage(ServiceHost<CaseGrpcService> host, string memberId, string kind)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        var message = db.Notifications.AsNoTracking().Where(n => n.AboutId == memberId && n.Kind == kind).AsEnumerable().OrderBy(n => n.CreatedAt).Last();
        return (message, scope.ServiceProvider.GetRequiredService<MessageBodies>().Render(message));
    }

    /// <summary>Signs up and confirms over gRPC; returns the member id and the member link's token.</summary>
    public static async Task<MemberCredentials> ActiveMemberAsync(ServiceHost<CaseGrpcService> host, string name, string email, string phone = "")
    {
        var signedUp = await host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", SignUp(name, email, phone), role: null);
        var confirmed = await host.CallAsync<ConfirmSignUpRequest, ConfirmSignUpResponse>(PoolRpc, "ConfirmSignUp",
            new() { MemberId = signedUp.MemberId, Token = ConfirmationToken(host, signedUp) }, role: null);
        return new MemberCredentials { MemberId = confirmed.MemberId, Token = confirmed.MemberToken };
    }

    public static async Task<T> WithDbAsync<T>(ServiceHost<CaseGrpcService> host, Func<PanelDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PanelDbContext>());
    }

    public static Task<int> MemberCountAsync(ServiceHost<CaseGrpcService> host) => WithDbAsync(host, db => db.PoolMembers.CountAsync(Cancellation));

    public static Task<int> AuditCountAsync(ServiceHost<CaseGrpcService> host, string subjectId, string action) =>
        WithDbAsync(host, db => db.AuditEntries.CountAsync(e => e.SubjectId == subjectId && e.Action == action, Cancellation));

    /// <summary>
    /// Every value of every column of every table in the service's database (every schema on PostgreSQL,
    /// Hangfire's included) that contains one of <paramref name="needles"/>, as "table.column".
    /// </summary>
    public static Task<List<string>> ScanEveryTableAsync(ServiceHost<CaseGrpcService> host, params string[] needles) => WithDbAsync(host, async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Cancellation);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.Database.IsSqlite()
                ? "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table'"
                : "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')";
            await using var reader = await list.ExecuteReaderAsync(Cancellation);
            while (await reader.ReadAsync(Cancellation))
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains(tables, t => t.Contains("pool_members", StringComparison.Ordinal));
        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM {table}";
            await using DbDataReader rows = await select.ExecuteReaderAsync(Cancellation);
            while (await rows.ReadAsync(Cancellation))
            {
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    var value = rows.IsDBNull(i) ? string.Empty : Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                    if (rows.GetValue(i) is byte[] bytes)
                    {
                        value = System.Text.Encoding.UTF8.GetString(bytes);
                    }

                    found.AddRange(needles.Where(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{table}.{rows.GetName(i)} has '{n}'"));
                }
            }
        }

        return found;
    });
}
