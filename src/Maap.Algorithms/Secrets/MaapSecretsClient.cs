using System.Net;
using System.Text.Json;
using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol;
using Maap.Algorithms.Protocol.Json;

namespace Maap.Algorithms;

/// <summary>
/// The signed-in member's secrets (spec §9): values an algorithm fetches while it runs. Reach it as <c>maap.Secrets</c>.
/// Secret values never reach a log, an exception message or a <c>ToString()</c>.
/// </summary>
public class MaapSecretsClient
{
    /// <summary>The longest secret name accepted.</summary>
    public const int MaxNameLength = 255;

    private readonly MaapPipeline? _pipeline;
    private readonly MaapEndpoints? _endpoints;

    /// <summary>For mocking.</summary>
    protected MaapSecretsClient()
    {
    }

    internal MaapSecretsClient(MaapPipeline pipeline, MaapEndpoints endpoints)
    {
        _pipeline = pipeline;
        _endpoints = endpoints;
    }

    private MaapPipeline Pipeline => _pipeline ?? throw new InvalidOperationException("This client was created for mocking.");

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="name"/> can be a MAAP secret name: non-empty, at most
    /// 255 characters, no <c>/</c>, <c>\</c>, control characters or surrounding spaces, and not <c>.</c> or <c>..</c>
    /// (names travel as URL path segments).
    /// </summary>
    /// <param name="name">The secret name.</param>
    /// <param name="paramName">The parameter name for the exception.</param>
    public static void ValidateName(string? name, string paramName = "name")
    {
        if (NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }
    }

    /// <summary>Why <paramref name="name"/> cannot be a secret name, or null when it can: the one rule behind <see cref="ValidateName"/> and <see cref="SecretName.IsValid"/>.</summary>
    internal static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "A secret name cannot be empty.";
        }

        if (name.Length > MaxNameLength)
        {
            return $"A secret name can have at most {MaxNameLength} characters; this one has {name.Length}.";
        }

        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]))
        {
            return $"Secret name '{name}' starts or ends with white space.";
        }

        if (JobIds.IsDotSegment(name))
        {
            // Uri removes "." and ".." path segments: DELETE …/secrets/.. would address the member, not a secret.
            return $"Secret name '{name}' is a relative path segment; secret names are URL path segments and cannot be '.' or '..'.";
        }

        foreach (var c in name)
        {
            if (c is '/' or '\\' || char.IsControl(c))
            {
                return $"Secret name '{name}' contains '{(char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString())}'; secret names are URL path segments and cannot.";
            }
        }

        return null;
    }

    /// <summary>Adds a secret. MAAP has no update: to change a value, delete the secret and add it again.</summary>
    /// <param name="name">The secret name.</param>
    /// <param name="value">The secret value (not empty: MAAP rejects an empty value).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the secret is stored.</returns>
    /// <exception cref="SecretAlreadyExistsException">A secret with this name exists.</exception>
    public virtual async Task AddAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("A secret value cannot be null or empty; MAAP rejects it.", nameof(value));
        }

        var body = JsonSerializer.Serialize(new SecretDocument { SecretName = name, SecretValue = value }, MaapJsonContext.Default.SecretDocument);
        var url = new Uri(await SecretsUrlAsync(cancellationToken).ConfigureAwait(false));
        var response = await Pipeline.SendAsync(
            new MaapRequest(HttpMethod.Post, url, "Secrets.Add") { Content = MaapPipeline.Text(body, "application/json"), SensitiveBody = true },
            cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            return;
        }

        var failure = response.ToFailure();
        if (response.Status == HttpStatusCode.BadRequest && failure.ServerMessage?.StartsWith("Secret already exists", StringComparison.Ordinal) == true)
        {
            throw new SecretAlreadyExistsException(name, failure.ServerMessage);
        }

        throw failure;
    }

    /// <summary>Lists the names of the member's secrets, sorted as MAAP sorts them.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The secret names.</returns>
    public virtual async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var url = new Uri(await SecretsUrlAsync(cancellationToken).ConfigureAwait(false));
        var response = await Pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Secrets.List"), cancellationToken).ConfigureAwait(false);
        var secrets = response.ReadJson(MaapJsonContext.Default.ListSecretDocument, "Expected a JSON array of secret names");
        var names = new List<string>(secrets.Count);
        foreach (var secret in secrets)
        {
            names.Add(secret?.SecretName ?? throw response.ToProtocolError("A secret in the list has no secret_name"));
        }

        return names;
    }

    /// <summary>Gets a secret's value.</summary>
    /// <param name="name">The secret name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SecretNotFoundException">The member has no secret with this name.</exception>
    public virtual async Task<string> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        var url = new Uri(await SecretUrlAsync(name, cancellationToken).ConfigureAwait(false));
        var response = await Pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Secrets.Get") { SensitiveBody = true }, cancellationToken).ConfigureAwait(false);
        if (response.Status == HttpStatusCode.NotFound)
        {
            throw new SecretNotFoundException(name, response.Status, response.ToFailure().ServerMessage);
        }

        var secret = response.ReadJson(MaapJsonContext.Default.SecretDocument, "Expected a JSON object with secret_value");
        return secret.SecretValue ?? throw response.ToProtocolError("Expected a JSON object with secret_value");
    }

    /// <summary>Deletes a secret.</summary>
    /// <param name="name">The secret name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the secret is gone.</returns>
    /// <exception cref="SecretNotFoundException">The member has no secret with this name (MAAP answers 400 here, not 404).</exception>
    public virtual async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        var url = new Uri(await SecretUrlAsync(name, cancellationToken).ConfigureAwait(false));
        var response = await Pipeline.SendAsync(new MaapRequest(HttpMethod.Delete, url, "Secrets.Delete"), cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            return;
        }

        var failure = response.ToFailure();
        if (response.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound && failure.ServerMessage?.StartsWith("No secret exists", StringComparison.Ordinal) == true)
        {
            throw new SecretNotFoundException(name, response.Status, failure.ServerMessage);
        }

        throw failure;
    }

    private async Task<string> SecretsUrlAsync(CancellationToken cancellationToken) =>
        (await _endpoints!.GetAsync(Pipeline, cancellationToken).ConfigureAwait(false)).Member + "/secrets";

    private async Task<string> SecretUrlAsync(string name, CancellationToken cancellationToken) =>
        await SecretsUrlAsync(cancellationToken).ConfigureAwait(false) + "/" + Uri.EscapeDataString(name);
}
