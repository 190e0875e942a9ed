using Maap.Algorithms.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>
/// What a primary-constructor parameter says about its input through <c>[FileInput]</c>, <c>[ConfigInput]</c> or
/// <c>[PositionalInput]</c>: its kind, its wire name (the attribute's <c>Name</c>, else the parameter's name in
/// snake_case) and its description. The one reading of those attributes: the parser builds the record's inputs from
/// it and the call-site analyzer names the input with it, so a diagnostic names the input as it goes on the wire.
/// </summary>
internal readonly struct InputDeclaration
{
    private InputDeclaration(InputKind kind, string wireName, string? description)
    {
        Kind = kind;
        WireName = wireName;
        Description = description;
    }

    public InputKind Kind { get; }

    public string WireName { get; }

    public string? Description { get; }

    public static InputDeclaration Read(IParameterSymbol parameter)
    {
        var kind = InputKind.Positional;
        string? wireName = null;
        string? description = null;
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is not { } cls || !InputTypeClassifier.IsNamespace(cls.ContainingNamespace, "Maap.Algorithms"))
            {
                continue;
            }

            switch (cls.Name)
            {
                case "FileInputAttribute": kind = InputKind.File; break;
                case "ConfigInputAttribute": kind = InputKind.Config; break;
                case "PositionalInputAttribute": kind = InputKind.Positional; break;
                default: continue;
            }

            wireName = AttributeArguments.String(attribute, "Name");
            description = AttributeArguments.String(attribute, "Description");
        }

        return new InputDeclaration(kind, wireName ?? NameRules.ToSnakeCase(parameter.Name), description);
    }
}
