namespace Civic.Hosting.Errors;

/// <summary>
/// A request that the domain refuses, with a message a person can act on in English (the
/// exception's <see cref="Exception.Message"/>) and in Danish. Plain C#: the RPC layer maps it to a
/// status (see <see cref="RpcErrors"/>), so domain code never sees transport types.
/// </summary>
public abstract class DomainException : Exception
{
    protected DomainException(string message, string danishMessage)
        : base(message)
    {
        DanishMessage = danishMessage;
    }

    protected DomainException(string message, string danishMessage, Exception innerException)
        : base(message, innerException)
    {
        DanishMessage = danishMessage;
    }

    /// <summary>The same message in Danish, for the user interface.</summary>
    public string DanishMessage { get; }
}

/// <summary>The thing asked for does not exist.</summary>
public sealed class NotFoundException : DomainException
{
    public NotFoundException(string message, string danishMessage)
        : base(message, danishMessage)
    {
    }

    public NotFoundException(string message, string danishMessage, Exception innerException)
        : base(message, danishMessage, innerException)
    {
    }
}

/// <summary>The thing to create exists already (e.g. a unique code is taken).</summary>
public sealed class AlreadyExistsException : DomainException
{
    public AlreadyExistsException(string message, string danishMessage)
        : base(message, danishMessage)
    {
    }

    public AlreadyExistsException(string message, string danishMessage, Exception innerException)
        : base(message, danishMessage, innerException)
    {
    }
}

/// <summary>One unmet precondition, sent as a google.rpc.PreconditionFailure violation.</summary>
/// <param name="Type">What kind of precondition, e.g. "CASE_CHECKLIST".</param>
/// <param name="Subject">Which one failed, e.g. the checklist item "purpose".</param>
/// <param name="Description">How to meet it, in English.</param>
public sealed record PreconditionViolation(string Type, string Subject, string Description);

/// <summary>The thing is not in a state that allows the request; retrying will not help until it is.</summary>
public sealed class FailedPreconditionException : DomainException
{
    public FailedPreconditionException(string message, string danishMessage)
        : base(message, danishMessage)
    {
    }

    /// <summary>A refusal that names each unmet precondition, so a client can show what is missing.</summary>
    public FailedPreconditionException(string message, string danishMessage, IEnumerable<PreconditionViolation> violations)
        : base(message, danishMessage)
    {
        Violations = violations.ToArray();
    }

    public FailedPreconditionException(string message, string danishMessage, Exception innerException)
        : base(message, danishMessage, innerException)
    {
    }

    /// <summary>The unmet preconditions, when the refusal names them; empty otherwise.</summary>
    public IReadOnlyList<PreconditionViolation> Violations { get; } = [];
}

/// <summary>The caller may not do this.</summary>
public sealed class PermissionDeniedException : DomainException
{
    public PermissionDeniedException(string message, string danishMessage)
        : base(message, danishMessage)
    {
    }

    public PermissionDeniedException(string message, string danishMessage, Exception innerException)
        : base(message, danishMessage, innerException)
    {
    }
}

/// <summary>
/// The request was based on a version of the thing that is no longer current (someone changed it meanwhile);
/// the caller should read it again and retry. Answered as ABORTED.
/// </summary>
public sealed class ConcurrencyConflictException : DomainException
{
    public ConcurrencyConflictException(string message, string danishMessage)
        : base(message, danishMessage)
    {
    }

    public ConcurrencyConflictException(string message, string danishMessage, Exception innerException)
        : base(message, danishMessage, innerException)
    {
    }
}
