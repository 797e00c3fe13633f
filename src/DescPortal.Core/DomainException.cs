namespace DescPortal.Core;

/// <summary>
/// A command that the case's current state does not allow (assigning a closed case, say).
/// The message is written for the user who asked; the Web turns it into a 409 or a form error. Not sealed: a
/// concurrent change refused by the Web ("someone else changed this meanwhile") is one too.
/// </summary>
public class DomainException : Exception
{
    public DomainException()
    {
    }

    public DomainException(string message) : base(message)
    {
    }

    public DomainException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
