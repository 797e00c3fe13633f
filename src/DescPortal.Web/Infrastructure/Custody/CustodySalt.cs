namespace DescPortal.Web.Infrastructure.Custody;

/// <summary>
/// The salt of a stream's personal-data digests in the custody chain (Core's <c>CustodyChain</c>). Kept apart from
/// the events so that erasing a bearer's data can delete it: the digests then stand alone and reveal nothing.
/// </summary>
public sealed class CustodySalt
{
    /// <summary>The stream's id.</summary>
    public Guid Id { get; set; }

    public byte[] Salt { get; set; } = [];
}

/// <summary>
/// Written once, when the custody chain was introduced into an installation: streams written before it were sealed
/// then, and never again, so that deleting an event's hash cannot get it recomputed by a restart.
/// </summary>
public sealed class CustodyChainStart
{
    public const string SingletonId = "custody-chain";

    public string Id { get; set; } = SingletonId;

    public DateTimeOffset At { get; set; }

    /// <summary>How many events of earlier streams were sealed then.</summary>
    public int SealedEvents { get; set; }
}
