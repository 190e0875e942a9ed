using System;
using System.Collections.Generic;

namespace Maap.Algorithms.Generator.Model;

/// <summary>
/// The names a primary-constructor parameter of an algorithm record cannot take (MAAP0013): the members
/// the emitter declares on every record, the methods it names after a file input, a
/// <c>SecretName</c> input or a secret, and the members every record has whose name keeps C# from creating
/// the property the generated code reads. The emitter builds the derived names from the parts here; a test
/// compiles a record with every feature and fails on any generated member the parser would not report.
/// </summary>
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

    private const string AddedToEveryRecord = "a member the generator adds to every [MaapAlgorithm] record";
    private const string OnEveryRecord = "a member every C# record has";

    /// <summary>A record struct has no <c>EqualityContract</c>, so the name is free there.</summary>
    private const string RecordClassOnly = "EqualityContract";

    /// <summary>Name → what MAAP0013 says the parameter clashes with.</summary>
    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        // Declared by the emitter on every record (the interface members are among them).
        ["AlgorithmId"] = AddedToEveryRecord,
        ["AlgorithmVersion"] = AddedToEveryRecord,
        ["DefaultQueue"] = AddedToEveryRecord,
        ["Deployer"] = AddedToEveryRecord,
        ["JobType"] = AddedToEveryRecord,
        ["InputMetadata"] = AddedToEveryRecord,
        ["DeclaredSecretNames"] = AddedToEveryRecord,
        ["Validate"] = AddedToEveryRecord,
        ["WriteInputs"] = AddedToEveryRecord,
        ["ToJobRequest"] = AddedToEveryRecord,
        ["SubmitAsync"] = AddedToEveryRecord,
        ["ListJobsAsync"] = AddedToEveryRecord,
        ["ToRegistration"] = AddedToEveryRecord,
        ["ToAlgorithmConfigYaml"] = AddedToEveryRecord,
        ["ToCwl"] = AddedToEveryRecord,
        ["FromContext"] = AddedToEveryRecord,
        ["Job"] = AddedToEveryRecord,

        // Synthesized for records or inherited from object. The compiler reports these on the parameter too, but
        // the generated code would then read a method group where it expects the property: a cascade of errors.
        // (Clone is left out: the compiler rejects it and nothing cascades. Finalize works as a parameter name.)
        ["Equals"] = OnEveryRecord,
        ["GetHashCode"] = OnEveryRecord,
        ["ToString"] = OnEveryRecord,
        ["PrintMembers"] = OnEveryRecord,
        ["Deconstruct"] = OnEveryRecord,
        ["GetType"] = OnEveryRecord,
        ["MemberwiseClone"] = OnEveryRecord,
        ["ReferenceEquals"] = OnEveryRecord,
        [RecordClassOnly] = OnEveryRecord,
    };

    /// <summary>The names the emitter declares on every record, whatever its inputs.</summary>
    public static IEnumerable<string> OnEveryAlgorithm
    {
        get
        {
            foreach (var pair in Fixed)
            {
                if (pair.Value == AddedToEveryRecord)
                {
                    yield return pair.Key;
                }
            }
        }
    }

    /// <summary>Whether the emitter writes <c>Resolve{Parameter}</c> for the input.</summary>
    public static bool HasResolveMethod(InputSpec input) => input.Kind == InputKind.File;

    /// <summary>Whether the emitter writes <c>Get{Parameter}ValueAsync</c> for the input.</summary>
    public static bool HasValueMethod(InputSpec input) => input.Scalar == ScalarKind.SecretName && input.Collection == CollectionKind.None;

    /// <summary>
    /// What a parameter named <paramref name="name"/> clashes with, worded for MAAP0013's message, or null when
    /// the name is free. No allocation unless it clashes.
    /// </summary>
    public static string? Clash(string name, bool isStruct, List<InputSpec> inputs, List<SecretSpec> secrets)
    {
        if (Fixed.TryGetValue(name, out var clash))
        {
            return isStruct && name == RecordClassOnly ? null : clash;
        }

        if (name.StartsWith(ResolvePrefix, StringComparison.Ordinal))
        {
            foreach (var input in inputs)
            {
                if (HasResolveMethod(input) && Is(name, ResolvePrefix, input.ParameterName, string.Empty))
                {
                    return "the method the generator adds for file input '" + input.ParameterName + "'";
                }
            }
        }
        else if (name.StartsWith(GetPrefix, StringComparison.Ordinal))
        {
            foreach (var input in inputs)
            {
                if (HasValueMethod(input) && Is(name, GetPrefix, input.ParameterName, ValueSuffix))
                {
                    return "the method the generator adds for SecretName input '" + input.ParameterName + "'";
                }
            }

            foreach (var secret in secrets)
            {
                if (Is(name, GetPrefix, secret.AccessorName, SecretSuffix))
                {
                    return "the method the generator adds for secret '" + secret.Name + "'";
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="name"/>, which starts with <paramref name="prefix"/>, is <paramref name="prefix"/> + <paramref name="middle"/> + <paramref name="suffix"/>, without building it.</summary>
    private static bool Is(string name, string prefix, string middle, string suffix) =>
        name.Length == prefix.Length + middle.Length + suffix.Length
        && string.CompareOrdinal(name, prefix.Length, middle, 0, middle.Length) == 0
        && name.EndsWith(suffix, StringComparison.Ordinal);
}
