using System.Text;
using System.Text.Json;

namespace Maap.Algorithms;

/// <summary>
/// One algorithm input of a job submission: a registered parameter name and a typed value, either text or a JSON
/// value. Each protocol encodes it natively, so the job receives exactly this value.
/// </summary>
public sealed record JobInput
{
    private JobInput(string name, JobInputKind kind, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Kind = kind;
        Value = value;
    }

    /// <summary>The parameter name the algorithm registered, for example <c>input_file</c>.</summary>
    public string Name { get; }

    /// <summary>Whether <see cref="Value"/> is text or the text of a JSON value.</summary>
    public JobInputKind Kind { get; }

    /// <summary>The text (for <see cref="JobInputKind.Text"/>) or the JSON value's text (for <see cref="JobInputKind.Json"/>).</summary>
    public string Value { get; }

    /// <summary>A text input: the job receives exactly <paramref name="text"/>, even text such as <c>10</c> or <c>null</c>.</summary>
    /// <param name="name">The registered parameter name.</param>
    /// <param name="text">The text.</param>
    /// <returns>The input.</returns>
    public static JobInput Text(string name, string text) => new(name, JobInputKind.Text, text);

    /// <summary>A JSON input: a number, boolean, list or object, such as <c>10</c>, <c>true</c> or <c>[1, 2]</c>.</summary>
    /// <param name="name">The registered parameter name.</param>
    /// <param name="json">One JSON value.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not one JSON value.</exception>
    public static JobInput Json(string name, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            reader.Skip();
            if (reader.Read())
            {
                throw new ArgumentException($"Input '{name}' is not one JSON value: more follows it.", nameof(json));
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Input '{name}' is not valid JSON: {e.Message}", nameof(json), e);
        }

        return new(name, JobInputKind.Json, json);
    }
}
