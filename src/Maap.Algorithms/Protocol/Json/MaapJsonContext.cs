using System.Text.Json.Serialization;

namespace Maap.Algorithms.Protocol.Json;

/// <summary>Source-generated (reflection-free, trim- and AOT-safe) JSON metadata for every body the client reads or writes.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = false, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(ClientConfigDocument))]
[JsonSerializable(typeof(SecretDocument))]
[JsonSerializable(typeof(List<SecretDocument>))]
[JsonSerializable(typeof(CodeMessageDocument))]
[JsonSerializable(typeof(MemberProfile))]
[JsonSerializable(typeof(AlgorithmRegistration))]
internal sealed partial class MaapJsonContext : JsonSerializerContext
{
}
