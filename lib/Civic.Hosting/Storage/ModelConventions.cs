using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Civic.Hosting.Storage;

/// <summary>EF Core conventions every service's DbContext applies, so one model works on SQLite and PostgreSQL.</summary>
public static class ModelConventions
{
    /// <summary>
    /// On SQLite, stores <see cref="DateTimeOffset"/> as Unix milliseconds (INTEGER): SQLite has no
    /// timestamp type and EF cannot order by a DateTimeOffset stored as text. PostgreSQL keeps timestamptz.
    /// </summary>
    public static ModelConfigurationBuilder AddCivicConventions(this ModelConfigurationBuilder builder, DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            builder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        }

        return builder;
    }

    /// <summary>A UTC instant as milliseconds since 1970-01-01.</summary>
    public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeMilliseconds(),
        value => DateTimeOffset.FromUnixTimeMilliseconds(value));
}
