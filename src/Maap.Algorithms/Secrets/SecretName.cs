namespace Maap.Algorithms;

/// <summary>
/// The name of a MAAP secret, chosen by the person who submits a job (scientists name their secrets
/// differently). Only the name travels as an input; the job fetches the value with its own credentials.
/// </summary>
public sealed record SecretName
{
    /// <summary>Creates a secret name.</summary>
    /// <param name="value">The name; see <see cref="IsValid"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid secret name.</exception>
    public SecretName(string value)
    {
        MaapSecretsClient.ValidateName(value, nameof(value));
        Value = value;
    }

    /// <summary>The name.</summary>
    public string Value { get; }

    /// <summary>
    /// Whether <paramref name="name"/> is a secret name MAAP can address, by the rule of
    /// <see cref="MaapSecretsClient.ValidateName"/>: 1-255 characters, no <c>/</c>, <c>\</c> or control characters,
    /// no leading or trailing white space, and not <c>.</c> or <c>..</c> (names travel as URL path segments).
    /// </summary>
    /// <param name="name">The candidate name.</param>
    /// <returns>True when the name is valid.</returns>
    public static bool IsValid(string? name) => MaapSecretsClient.NameProblem(name) is null;

    /// <summary>Converts a string to a secret name.</summary>
    /// <param name="value">The name.</param>
    public static implicit operator SecretName(string value) => new(value);

    /// <summary>Creates a secret name from a string; the named alternative to the implicit conversion.</summary>
    /// <param name="value">The name.</param>
    /// <returns>The secret name.</returns>
    public static SecretName FromString(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
