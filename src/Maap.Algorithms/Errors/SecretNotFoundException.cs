using System.Net;

namespace Maap.Algorithms;

/// <summary>The signed-in user has no secret with the requested name.</summary>
public sealed class SecretNotFoundException : MaapRequestFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="secretName">The name that was not found.</param>
    /// <param name="status">MAAP's status: 404 on get, 400 on delete.</param>
    /// <param name="serverMessage">MAAP's message.</param>
    public SecretNotFoundException(string secretName, HttpStatusCode status, string? serverMessage)
        : base(status, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), serverMessage ?? $"No secret exists with name {secretName}", bodyExcerpt: null)
    {
        SecretName = secretName;
    }

    /// <summary>The secret name that was not found.</summary>
    public string SecretName { get; }
}
