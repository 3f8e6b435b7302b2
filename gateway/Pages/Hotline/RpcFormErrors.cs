using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Localization;
using Google.Rpc;
using Grpc.Core;
using System.Globalization;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>
/// A refusal from the Hotline service as form errors: each field violation on its field (in the
/// reader's language: the Danish text travels in the violation's LocalizedMessage), anything else on
/// the general field id given.
/// </summary>
public static class RpcFormErrors
{
    /// <summary>The service refused the request for a reason the citizen can act on (rather than failing).</summary>
    public static bool IsRefusal(RpcException exception) =>
        exception?.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.NotFound;

    /// <summary>
    /// A form's call with the pages' deadline: the answer, or null with a refusal (field violations, a stale version,
    /// a missing right) on the form's fields and any other failure as <paramref name="unavailable"/> on the general field.
    /// </summary>
    public static async Task<T?> TryAsync<T>(
        Func<CallOptions, Task<T>> call, TimeProvider timeProvider, FormErrors errors, IReadOnlyDictionary<string, string> fieldIds, string generalFieldId,
        string unavailable, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            return await call(new CallOptions(deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: cancellationToken));
        }
        catch (RpcException exception) when (IsRefusal(exception) || exception.StatusCode is StatusCode.Aborted or StatusCode.PermissionDenied)
        {
            AddTo(errors, exception, fieldIds, generalFieldId);
        }
        catch (RpcException)
        {
            errors.Add(generalFieldId, unavailable);
        }

        return null;
    }

    public static void AddTo(FormErrors errors, RpcException exception, IReadOnlyDictionary<string, string> fieldIds, string generalFieldId)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(exception);
        var danish = UiCultures.IsEnglish(CultureInfo.CurrentUICulture) is false;
        var status = exception.GetRpcStatus();
        var violations = status?.GetDetail<BadRequest>()?.FieldViolations;
        if (violations is { Count: > 0 })
        {
            foreach (var violation in violations)
            {
                var message = danish && violation.LocalizedMessage is { } localized ? localized.Message : violation.Description;
                errors.Add(fieldIds.TryGetValue(violation.Field, out var id) ? id : generalFieldId, message);
            }

            return;
        }

        var text = danish && status?.GetDetail<LocalizedMessage>() is { } danishMessage ? danishMessage.Message : exception.Status.Detail;
        errors.Add(generalFieldId, text);
    }
}
