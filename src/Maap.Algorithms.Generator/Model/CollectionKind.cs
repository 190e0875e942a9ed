namespace Maap.Algorithms.Generator.Model;

/// <summary>How a list-valued input is declared; everything but <see cref="List"/> is satisfied by an array.</summary>
internal enum CollectionKind
{
    None,
    Array,
    List,
    ArrayCompatibleInterface,
}
