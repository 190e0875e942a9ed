using System.Net;

namespace Maap.Algorithms;

/// <summary>A secret with this name already exists; MAAP has no update, so delete it and add it again.</summary>
public sealed class SecretAlreadyExistsException : MaapRequestFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="secretName">The name that is taken.</param>
    /// <param name="serverMessage">MAAP's message.</param>
    public SecretAlreadyExistsException(string secretName, string? serverMessage)
        : base(HttpStatusCode.BadRequest, "400", serverMessage, bodyExcerpt: null)
    {
        SecretName = secretName;
    }

    /// <summary>The secret name that is taken.</summary>
    public string SecretName { get; }
}
