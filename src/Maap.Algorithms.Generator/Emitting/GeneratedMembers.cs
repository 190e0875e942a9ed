using Maap.Algorithms.Generator.Model;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary>The parts of the method names <see cref="AlgorithmEmitter"/> builds from a file input, a <c>SecretName</c> input or a secret, and when it writes them.</summary>
internal static class GeneratedMembers
{
    /// <summary><c>Resolve{Parameter}(context)</c>, per file input.</summary>
    public const string ResolvePrefix = "Resolve";

    /// <summary><c>Get{Parameter}ValueAsync(context)</c>, per <c>SecretName</c> input; <c>Get{Name}SecretAsync(context)</c>, per secret.</summary>
    public const string GetPrefix = "Get";

    /// <summary>See <see cref="GetPrefix"/>.</summary>
    public const string ValueSuffix = "ValueAsync";

    /// <summary>See <see cref="GetPrefix"/>.</summary>
    public const string SecretSuffix = "SecretAsync";

    /// <summary>Whether the emitter writes <c>Resolve{Parameter}</c> for the input.</summary>
    public static bool HasResolveMethod(InputSpec input) => input.Kind == InputKind.File;

    /// <summary>Whether the emitter writes <c>Get{Parameter}ValueAsync</c> for the input.</summary>
    public static bool HasValueMethod(InputSpec input) => input.Scalar == ScalarKind.SecretName && input.Collection == CollectionKind.None;
}
