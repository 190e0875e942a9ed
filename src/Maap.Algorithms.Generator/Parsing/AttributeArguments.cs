using Microsoft.CodeAnalysis;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>Reads an attribute's arguments without building its syntax.</summary>
internal static class AttributeArguments
{
    /// <summary>The value of named argument <paramref name="name"/>, or null when it is not set.</summary>
    public static object? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value.Value;
            }
        }

        return null;
    }

    /// <summary>The named argument <paramref name="name"/> when it is a string.</summary>
    public static string? String(AttributeData attribute, string name) => Named(attribute, name) as string;

    /// <summary>The named argument <paramref name="name"/> when it is an int, else 0 (not set).</summary>
    public static int Int32(AttributeData attribute, string name) => Named(attribute, name) is int value ? value : 0;

    /// <summary>The constructor argument at <paramref name="index"/> when it is a string.</summary>
    public static string? String(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;
}
