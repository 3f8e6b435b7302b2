using System.Globalization;
using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hotline;
using Civic.Services.FunctionalTests.Infrastructure;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Services.FunctionalTests.Hotline;

public sealed class StatisticsTestsOnSqlite(HotlineOnSqlite fixture) : StatisticsTests(fixture), IClassFixture<HotlineOnSqlite>;

public sealed class StatisticsTestsOnPostgres(HotlineOnPostgres fixture) : StatisticsTests(fixture), IClassFixture<HotlineOnPostgres>;

public abstract class StatisticsTests(ServiceFixture<DepartmentGrpcService> fixture) : ServiceTests<DepartmentGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Statistics = StatisticsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Bookings = BookingsReflection.Descriptor.Services[0];

    [Fact]
    public async Task GetMonthlyStatistics_AMonthWithCalls_CountsPerDepartment()
    {
        var session = await HotlineData.OpenSessionAsync(Host, lines: 2);
        var month = session.Date.Year.ToString("0000", CultureInfo.InvariantCulture) + "-" + session.Date.Month.ToString("00", CultureInfo.InvariantCulture);
        var idea = BookingTests.NewBooking(session.Slots[0].Id);
        var question = BookingTests.NewBooking(session.Slots[1].Id);
        question.TopicKind = TopicKind.Question;
        var cancelled = BookingTests.NewBooking(session.Slots[2].Id);
        await BookAsync(idea);
        var answered = await BookAsync(question);
        var gone = await BookAsync(cancelled);
        await Host.CallAsync<CancelBookingRequest, CancelBookingResponse>(Bookings, "CancelBooking", new() { Reference = gone.Booking.Reference, ManageToken = gone.ManageToken }, role: null);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            await db.Bookings.Where(b => b.Reference == answered.Booking.Reference)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Result, Civic.Hotline.Bookings.CallResult.Answered), TestContext.Current.CancellationToken);
        }

        var response = await Host.CallAsync<GetMonthlyStatisticsRequest, GetMonthlyStatisticsResponse>(Statistics, "GetMonthlyStatistics", new() { Month = month }, role: CivicRoles.Director);

        var row = Assert.Single(response.Departments, d => d.DepartmentId == session.DepartmentId);
        Assert.Equal((24, 2, 1, 0), (row.SlotsOffered, row.Booked, row.CallsHeld, row.NoShows));
        Assert.Equal((1, 1, 0, 0), (row.TopicQuestions, row.TopicIdeas, row.TopicComplaints, row.TopicOther));
        Assert.Equal(0, row.SessionsCancelled);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("november")]
    public async Task GetMonthlyStatistics_BadMonth_InvalidArgument(string month)
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => Host.CallAsync<GetMonthlyStatisticsRequest, GetMonthlyStatisticsResponse>(Statistics, "GetMonthlyStatistics", new() { Month = month }));

        Assert.Equal(["month"], RpcAssert.ViolatedFields(exception));
    }

    [Fact]
    public async Task GetMonthlyStatistics_Citizen_PermissionDenied()
    {
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => Host.CallAsync<GetMonthlyStatisticsRequest, GetMonthlyStatisticsResponse>(Statistics, "GetMonthlyStatistics", new() { Month = "2026-11" }, role: CivicRoles.Citizen));
    }

    private Task<CreateBookingResponse> BookAsync(CreateBookingRequest request) =>
        Host.CallAsync<CreateBookingRequest, CreateBookingResponse>(Bookings, "CreateBooking", request, role: null);
}
