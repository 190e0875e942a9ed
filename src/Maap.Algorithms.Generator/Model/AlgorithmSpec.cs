namespace Maap.Algorithms.Generator.Model;

/// <summary>Everything the emitter needs for one <c>[MaapAlgorithm]</c> record, as plain equatable values.</summary>
internal sealed record AlgorithmSpec(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string TypeKeyword,
    string TypeName,
    string FullyQualifiedName,
    string AlgorithmId,
    string Version,
    string? Queue,
    string? Description,
    string? RunCommand,
    string? RepositoryUrl,
    string? ContainerUrl,
    string? DiskSpace,
    string? BuildCommand,
    string? ContainerImage,
    string? Author,
    string? Keywords,
    int MemoryMiB,
    int Cores,
    int DiskGiB,
    EquatableArray<InputSpec> Inputs,
    EquatableArray<SecretSpec> Secrets,
    bool ImplementInterface,
    string? NonCwlWireName);
