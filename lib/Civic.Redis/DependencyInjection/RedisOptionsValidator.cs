using Microsoft.Extensions.Options;

namespace Civic.Redis;

/// <summary>Stops start-up with every problem in the Redis settings listed (never the password).</summary>
internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        RedisConnectionSettings.TryFrom(options, out var errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
