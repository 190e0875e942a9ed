namespace Maap.Algorithms;

/// <summary>What a <see cref="JobInput"/> value is.</summary>
public enum JobInputKind
{
    /// <summary>Text, delivered to the job as written.</summary>
    Text = 0,

    /// <summary>A JSON value (number, boolean, list, object), delivered as that value.</summary>
    Json,
}
