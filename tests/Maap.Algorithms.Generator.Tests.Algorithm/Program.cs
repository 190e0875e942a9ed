using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Maap.Algorithms;
using Maap.Algorithms.Generator.Tests.Algorithm;

// Runs inside a DPS job (the emulator's): typed inputs from the work dir, both secrets with the job's own
// credentials, one output file. Secret values are never written; fingerprints prove the job read them.
var context = DpsJobContext.Current;
var probe = EndToEndProbe.FromContext(context);
if (probe.Label == "fail")
{
    // The failure test: an unhandled exception, whose message must end the job's standard error.
    throw new InvalidOperationException($"the probe was asked to fail (scale {probe.Scale})");
}

var file = probe.ResolveInputFile(context);
var fixedToken = await EndToEndProbe.GetE2eFixedTokenSecretAsync(context);
var chosenToken = await probe.GetTokenSecretValueAsync(context);

await using var output = File.Create(context.GetOutputPath("result.json"));
await using var json = new Utf8JsonWriter(output);
json.WriteStartObject();
json.WriteString("label", probe.Label);
json.WriteNumber("scale", probe.Scale);
json.WriteString("values", string.Join(";", probe.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
json.WriteString("day", probe.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
json.WriteString("input_url", file.OriginalUrl);
json.WriteString("input_text", await File.ReadAllTextAsync(file.LocalPath));
json.WriteString("secret_name", probe.TokenSecret.Value);
json.WriteString("fixed_sha256", Fingerprint(fixedToken));
json.WriteString("chosen_sha256", Fingerprint(chosenToken));
json.WriteEndObject();
return 0;

static string Fingerprint(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
