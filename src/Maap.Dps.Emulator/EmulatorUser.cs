namespace Maap.Dps.Emulator;

/// <summary>A MAAP user the emulator accepts: a user name and the token that authenticates it.</summary>
/// <param name="Name">The MAAP user name; jobs, secrets and published outputs are kept under it.</param>
/// <param name="Token">
/// The credential, accepted as <c>proxy-ticket: TOKEN</c> or <c>Authorization: Bearer TOKEN</c>, and exported to the
/// user's jobs as <c>MAAP_PGT</c>. Never written to logs.
/// </param>
public sealed record EmulatorUser(string Name, string Token)
{
    /// <summary>Returns the user name only; the token is a credential and is never rendered.</summary>
    /// <returns>The user name.</returns>
    public override string ToString() => Name;
}
