using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Jobs;
using Civic.Hosting.Notifications;
using Civic.Hotline;
using Civic.Hotline.Calls;
using Civic.Hotline.Ideas;
using Civic.Hotline.Notifications;
using Civic.Hotline.Schedules;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Grpc.Core;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Idea = Civic.Hotline.Ideas.Idea;
using IdeaStatus = Civic.Hotline.Ideas.IdeaStatus;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class DepartmentNoticeTestsOnSqlite(HotlineOnSqlite fixture) : DepartmentNoticeTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class DepartmentNoticeTestsOnPostgres(HotlineOnPostgres fixture) : DepartmentNoticeTests(fixture), IClassFixture<HotlineOnPostgres>;

/// <summary>Notices to a department (issue 8, items 8 and 9): the 30-day flag on ideas without feedback and the morning call list.</summary>
public abstract class DepartmentNoticeTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Departments = DepartmentsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Ideas = IdeasReflection.Descriptor.Services[0];

    [Fact]
    public async Task CreateDepartment_WithAContactAddress_KeptAndShown()
    {
        var created = await CreateDepartmentAsync("  direktion@kommune.example.dk ");

        var read = (await Host.CallAsync<GetDepartmentRequest, GetDepartmentResponse>(Departments, "GetDepartment", new() { Id = created.Id }, role: null)).Department;

        Assert.Equal("direktion@kommune.example.dk", read.ContactEmail);
    }

    [Fact]
    public async Task CreateDepartment_ContactAddressNotAnAddress_InvalidArgumentAndNothingStored()
    {
        var code = $"afd-{Guid.NewGuid().ToString("N")[..10]}";

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<CreateDepartmentRequest, CreateDepartmentResponse>(Departments, "CreateDepartment", new()
        {
            Code = code, Name = new LocalizedText { Da = "Prøve", En = "Test" }, DirectorName = "Test Direktør", ContactEmail = "ikke en adresse",
        }));

        Assert.Equal(["contact_email"], RpcAssert.ViolatedFields(exception));
        await using var scope = Host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Departments.AnyAsync(d => d.Code == code, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IdeaFlag_ReceivedIdeaWithoutAStatusChangeFor30Days_FlaggedOnceAndTheDepartmentTold()
    {
        var withAddress = await CreateDepartmentAsync($"afd{Guid.NewGuid().ToString("N")[..8]}@kommune.example.dk");
        var withoutAddress = await CreateDepartmentAsync(null);
        var now = TimeProvider.System.GetUtcNow();
        var due = await InsertIdeaAsync(withAddress.Id, now.AddDays(-31), IdeaStatus.Received);
        var young = await InsertIdeaAsync(withAddress.Id, now.AddDays(-29), IdeaStatus.Received);
        var answered = await InsertIdeaAsync(withAddress.Id, now.AddDays(-40), IdeaStatus.UnderConsideration);
        var silent = await InsertIdeaAsync(withoutAddress.Id, now.AddDays(-31), IdeaStatus.Received);
        var clock = new FakeTimeProvider(now);

        await Task.WhenAll(FlagAsync(clock), FlagAsync(clock));
        await FlagAsync(clock);
        var board = await BoardAsync(withAddress.Id, TestTokens.For(CivicRoles.Director, withAddress.Code));

        Assert.NotNull(board.Single(i => i.Id == due).FlaggedAt);
        Assert.Null(board.Single(i => i.Id == young).FlaggedAt);
        Assert.Null(board.Single(i => i.Id == answered).FlaggedAt);
        var told = await MessagesToAsync(withAddress.ContactEmail, NotificationKind.IdeaWithoutFeedback);
        var message = Assert.Single(told);
        Assert.Equal(MessageChannel.Email, message.Channel);
        Assert.Contains("Idé uden svar i 30 dage", message.Subject, StringComparison.Ordinal);
        Assert.Equal(1, await FlaggedCountAsync(silent));
    }

    [Fact]
    public async Task IdeaFlag_SeenByTheDepartmentsOwnDirectorAndAdministratorsOnly()
    {
        var department = await CreateDepartmentAsync(null);
        var other = await CreateDepartmentAsync(null);
        var due = await InsertIdeaAsync(department.Id, TimeProvider.System.GetUtcNow().AddDays(-31), IdeaStatus.Received);
        await FlagAsync(new FakeTimeProvider(TimeProvider.System.GetUtcNow()));

        async Task<Contracts.Hotline.V1.Idea> SeenBy(string? token) => (await BoardAsync(department.Id, token)).Single(i => i.Id == due);

        Assert.NotNull((await SeenBy(TestTokens.For(CivicRoles.Director, department.Code))).FlaggedAt);
        Assert.NotNull((await SeenBy(TestTokens.For(CivicRoles.Admin))).FlaggedAt);
        Assert.Null((await SeenBy(TestTokens.For(CivicRoles.Director, other.Code))).FlaggedAt);
        Assert.Null((await SeenBy(TestTokens.For(CivicRoles.Director))).FlaggedAt);
        Assert.Null((await SeenBy(TestTokens.For(CivicRoles.Staff, department.Code))).FlaggedAt);
        Assert.Null((await SeenBy(null)).FlaggedAt);
    }

    [Fact]
    public async Task MorningCallList_TriggeredTwiceThroughHangfireAndRunTwiceAtOnce_OneSummaryPerSession()
    {
        var department = await CreateDepartmentAsync($"afd{Guid.NewGuid().ToString("N")[..8]}@kommune.example.dk");
        var start = TimeProvider.System.GetUtcNow().AddHours(3);
        var slot = await HotlineData.InsertSessionAsync(Host, start, start.AddDays(-10), start.AddHours(-1), departmentId: department.Id);
        await HotlineData.InsertBookingAsync(Host, slot, start);
        await HotlineData.InsertBookingAsync(Host, slot, start);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var today = HotlineTime.Today(TimeProvider.System);
            await db.Sessions.Where(s => s.Slots.Any(x => x.Id == slot)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Date, today), TestContext.Current.CancellationToken);
        }

        var manager = Assert.IsAssignableFrom<IRecurringJobManagerV2>(Host.Services.GetRequiredService<IRecurringJobManager>());
        var storage = Host.Services.GetRequiredService<JobStorage>();
        await HangfireJobs.SucceededAsync(storage, manager.TriggerJob(MorningCallListJob.JobId));
        await HangfireJobs.SucceededAsync(storage, manager.TriggerJob(MorningCallListJob.JobId));
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await Task.WhenAll(SendAsync(clock), SendAsync(clock));

        var message = Assert.Single(await MessagesToAsync(department.ContactEmail, NotificationKind.MorningCallList));
        Assert.Equal("Direktørlinjen i dag: 2 opkald", message.Subject);
        Assert.Contains("2 bookede opkald", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Gammel Booking", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_DeclaredAt0700AndDaily()
    {
        var declarations = Host.Services.GetServices<RecurringJobDeclaration>().ToList();

        Assert.Equal("0 7 * * *", Assert.Single(declarations, d => d.Id == MorningCallListJob.JobId).Cron);
        Assert.Equal("15 6 * * *", Assert.Single(declarations, d => d.Id == IdeaFollowUpJob.JobId).Cron);
    }

    private async Task<Department> CreateDepartmentAsync(string? contactEmail) =>
        (await Host.CallAsync<CreateDepartmentRequest, CreateDepartmentResponse>(Departments, "CreateDepartment", new()
        {
            Code = $"afd-{Guid.NewGuid().ToString("N")[..10]}",
            Name = new LocalizedText { Da = "Prøveforvaltning", En = "Test department" },
            DirectorName = "Test Direktør",
            ContactEmail = contactEmail ?? string.Empty,
        })).Department;

    private async Task<IReadOnlyList<Contracts.Hotline.V1.Idea>> BoardAsync(string departmentId, string? token) =>
        (await Host.CallWithTokenAsync<ListIdeasRequest, ListIdeasResponse>(Ideas, "ListIdeas", new() { DepartmentId = departmentId }, token)).Ideas;

    private async Task<string> InsertIdeaAsync(string departmentId, DateTimeOffset createdAt, IdeaStatus status)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var at = createdAt.AddTicks(-(createdAt.Ticks % TimeSpan.TicksPerMillisecond));
        var idea = new Idea
        {
            Id = Guid.NewGuid().ToString(), DepartmentId = departmentId, Title = "Længere åbningstid", Description = "Åbent til kl. 20", Status = status,
            CreatedAt = at, StatusChangedAt = status == IdeaStatus.Received ? at : at.AddDays(2),
        };
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return idea.Id;
    }

    private async Task FlagAsync(TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var outbox = ActivatorUtilities.CreateInstance<NotificationOutbox>(scope.ServiceProvider, clock);
        await ActivatorUtilities.CreateInstance<IdeaFollowUpJob>(scope.ServiceProvider, outbox, clock).FlagDueAsync(TestContext.Current.CancellationToken);
    }

    private async Task SendAsync(TimeProvider clock)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var outbox = ActivatorUtilities.CreateInstance<NotificationOutbox>(scope.ServiceProvider, clock);
        await ActivatorUtilities.CreateInstance<MorningCallListJob>(scope.ServiceProvider, outbox, clock).SendTodayAsync(TestContext.Current.CancellationToken);
    }

    private async Task<int> FlaggedCountAsync(string ideaId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Ideas.CountAsync(i => i.Id == ideaId && i.FlaggedAt != null, TestContext.Current.CancellationToken);
    }

    private async Task<List<OutboxMessage>> MessagesToAsync(string recipient, NotificationKind kind)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var kindName = kind.ToString();
        return await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Notifications
            .Where(n => n.Recipient == recipient && n.Kind == kindName).ToListAsync(TestContext.Current.CancellationToken);
    }
}
