namespace Nokor.Platform.Errors;

/// <summary>
/// An operation cannot run because the data it works on is not there yet (a population to draw
/// from, a loaded gazetteer). The message says what to do first; it is a user error, not a fault,
/// so the command line reports it in one line with its own exit code.
/// </summary>
public sealed class PreconditionException : InvalidOperationException
{
    public PreconditionException(string message)
        : base(message)
    {
    }

    public PreconditionException()
    {
    }

    public PreconditionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
