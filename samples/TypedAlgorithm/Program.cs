using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Maap.Algorithms;
using TypedAlgorithm;

// The in-job side of an algorithm: DPS (or the emulator) runs this in the job's work directory with the
// positional inputs as arguments, _context.json for config inputs, and input/ holding the downloaded files.
var context = DpsJobContext.Current;
var inputs = WordCount.FromContext(context);                     // typed, validated inputs
var file = inputs.ResolveInputFile(context);                     // the local copy in input/ and its original URL

var text = await File.ReadAllTextAsync(file.LocalPath);
var comparer = inputs.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(w => w.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '#', '*', '`'))
    .Where(w => w.Length > 0)
    .ToList();
var top = words.GroupBy(w => w, comparer)
    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
    .Take(inputs.Top)
    .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
    .ToList();

// A secret is fetched with the job's own credentials (MAAP_PGT), cached, and never printed: the output only
// carries a fingerprint, so the submitter can check the job saw the right value.
string? fingerprint = null;
if (inputs.ApiKeySecret is not null)
{
    var secret = await inputs.GetApiKeySecretValueAsync(context);
    fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..16];
}

await using (var output = File.Create(context.GetOutputPath("word-count.json")))
await using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
{
    json.WriteStartObject();
    json.WriteString("job", context.JobId);
    json.WriteString("input", file.OriginalUrl);
    json.WriteNumber("words", words.Count);
    json.WriteStartObject("top");
    foreach (var (word, count) in top)
    {
        json.WriteNumber(word, count);
    }

    json.WriteEndObject();
    json.WriteString("secret_sha256_prefix", fingerprint);
    json.WriteEndObject();
}

Console.WriteLine($"counted {words.Count} words in {Path.GetFileName(file.LocalPath)}; top {top.Count} written to output/word-count.json");
