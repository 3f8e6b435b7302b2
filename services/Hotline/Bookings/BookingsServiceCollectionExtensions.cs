using Civic.Hosting.Grpc;

namespace Civic.Hotline.Bookings;

public static class BookingsServiceCollectionExtensions
{
    /// <summary>Adds booking without login, the manage link and the gRPC service.</summary>
    public static IServiceCollection AddBookings(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services
            .AddSingleton<ManageTokens>()
            .AddScoped<BookableSlots>()
            .AddScoped<BookingDesk>()
            .AddScoped<PhoneAllowances>()
            .AddGrpcService<BookingGrpcService>();
    }
}
