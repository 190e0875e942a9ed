namespace Maap.Algorithms;

/// <summary>
/// Declares a MAAP secret, with a name fixed by the algorithm author, that the algorithm reads while
/// it runs. The generator adds a typed accessor that fetches it with the job's own credentials.
/// For a name chosen by whoever submits the job, use a <see cref="SecretName"/> parameter instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = true)]
public sealed class MaapSecretAttribute : Attribute
{
    /// <summary>Declares the secret.</summary>
    /// <param name="name">The secret name, for example <c>GEE_TOKEN</c>; see <see cref="SecretName.IsValid"/> for the rule.</param>
    public MaapSecretAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The secret name.</summary>
    public string Name { get; }

    /// <summary>What the secret is for, shown to the people who submit the algorithm.</summary>
    public string? Description { get; set; }
}
