using System.Text.RegularExpressions;

namespace Maap.Algorithms;

/// <summary>
/// The name of a MAAP secret, chosen by the person who submits a job (scientists name their secrets
/// differently). Only the name travels as an input; the job fetches the value with its own credentials.
/// </summary>
public sealed partial record SecretName
{
    /// <summary>Creates a secret name.</summary>
    /// <param name="value">The name; see <see cref="IsValid"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid secret name.</exception>
    public SecretName(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not a valid MAAP secret name: use 1-255 letters, digits, '_', '-' or '.', starting with a letter, digit or '_'.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The name.</summary>
    public string Value { get; }

    /// <summary>
    /// Whether <paramref name="name"/> is a secret name the SDK accepts: <c>^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$</c>.
    /// MAAP puts the name in a URL path segment, so <c>/</c>, whitespace and other characters that need escaping are refused.
    /// </summary>
    /// <param name="name">The candidate name.</param>
    /// <returns>True when the name is valid.</returns>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>Converts a string to a secret name.</summary>
    /// <param name="value">The name.</param>
    public static implicit operator SecretName(string value) => new(value);

    /// <summary>Creates a secret name from a string; the named alternative to the implicit conversion.</summary>
    /// <param name="value">The name.</param>
    /// <returns>The secret name.</returns>
    public static SecretName FromString(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
