using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Maap.Dps.Emulator.Processes;

/// <summary>
/// Reads one YAML (or JSON) document into a <see cref="JsonNode"/> tree with a bounded cost: the text, the depth and
/// the number of nodes (aliases counted at every use, so an alias bomb stops at the budget instead of expanding) are
/// capped. Plain scalars are typed by the YAML core schema as PyYAML's SafeLoader types them, except that dates stay
/// strings (MAAP's loader keeps them as strings too); quoted scalars are always strings.
/// </summary>
internal static partial class YamlToJson
{
    public const int MaxTextLength = 1024 * 1024;
    private const int MaxDepth = 64;
    private const int MaxNodes = 200_000;

    /// <summary>The document's root; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static JsonNode? Parse(string text)
    {
        if (text.Length > MaxTextLength)
        {
            throw new FormatException($"the document is longer than {MaxTextLength} characters");
        }

        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var state = new State();
            var root = ReadNode(parser, state, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw new FormatException("expected a single document in the stream");
            }

            return root;
        }
        catch (YamlException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private sealed class State
    {
        public Dictionary<string, JsonNode?> Anchors { get; } = new(StringComparer.Ordinal);
        public int Nodes { get; set; }
    }

    private static JsonNode? ReadNode(IParser parser, State state, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"the document nests deeper than {MaxDepth} levels");
        }

        Count(state, 1);
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!state.Anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new FormatException($"alias *{alias.Value.Value} names no anchor");
            }

            Count(state, CountNodes(target));
            return target?.DeepClone();
        }

        JsonNode? node;
        string anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor.IsEmpty ? string.Empty : scalar.Anchor.Value;
            node = TypedScalar(scalar);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchor = sequenceStart.Anchor.IsEmpty ? string.Empty : sequenceStart.Anchor.Value;
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, state, depth + 1));
            }

            node = array;
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            anchor = mappingStart.Anchor.IsEmpty ? string.Empty : mappingStart.Anchor.Value;
            var obj = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, state, depth + 1);
                var keyText = key switch
                {
                    null => "null",
                    JsonValue v => v.ToString(),
                    _ => throw new FormatException("a mapping key must be a scalar"),
                };
                var value = ReadNode(parser, state, depth + 1);
                if (obj.ContainsKey(keyText))
                {
                    throw new FormatException($"duplicate key '{keyText}'");
                }

                obj[keyText] = value;
            }

            node = obj;
        }
        else
        {
            throw new FormatException("unexpected YAML event " + parser.Current?.GetType().Name);
        }

        if (anchor.Length > 0)
        {
            state.Anchors[anchor] = node;
        }

        return node;
    }

    private static void Count(State state, int nodes)
    {
        state.Nodes += nodes;
        if (state.Nodes > MaxNodes)
        {
            throw new FormatException($"the document has more than {MaxNodes} nodes (aliases counted at each use)");
        }
    }

    private static int CountNodes(JsonNode? node) => node switch
    {
        JsonObject o => 1 + o.Sum(p => 1 + CountNodes(p.Value)),
        JsonArray a => 1 + a.Sum(CountNodes),
        _ => 1,
    };

    private static JsonValue? TypedScalar(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        // YAML 1.1 as PyYAML resolves it: null, booleans, ints, floats; everything else is a string.
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF")
        {
            return JsonValue.Create(false);
        }

        if (IntPattern().IsMatch(text) && long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            // Kept as Python writes the float ("2.0", "1e+20"), so a float stays a float in json.dumps and on argv.
            return JsonNode.Parse(Wire.PythonJson.FloatRepr(d))!.AsValue();
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9_]*)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$")]
    private static partial Regex FloatPattern();
}
