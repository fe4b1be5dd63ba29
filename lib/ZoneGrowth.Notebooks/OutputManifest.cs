using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoneGrowth.Notebooks;

/// <summary>
/// The output folder's record of what the last run of the workbook wrote there, <c>workbook-outputs.json</c>:
/// <c>{"written_by": "ZoneGrowth workbook run", "complete", "generated", "files": [{"path", "bytes", "sha256"}]}</c>, paths
/// relative to the folder. A run writes it twice: when it starts, <c>complete</c> false, listing the files of the earlier
/// manifest and those the run is about to write (so that a run stopped halfway leaves nothing untracked); at its end,
/// <c>complete</c> true, listing the files it wrote with their size and hash.
/// </summary>
internal sealed record OutputManifest(bool Complete, DateTimeOffset Generated, IReadOnlyList<OutputManifestEntry> Files)
{
    /// <summary>What <c>written_by</c> says; a file without it is not read as a manifest.</summary>
    public const string WrittenBy = "ZoneGrowth workbook run";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Reads the manifest of a folder, or <c>null</c> when there is none or it is not one (no <c>written_by</c> of this
    /// workbook, not JSON). An entry whose path is absolute, leaves the folder (<c>..</c>) or names the manifest itself is
    /// dropped: a manifest lists only files inside its folder.
    /// </summary>
    public static OutputManifest? Load(string folder)
    {
        var path = Path.Combine(folder, NotebookPipeline.ManifestFileName);
        try
        {
            if (!File.Exists(path) || JsonNode.Parse(File.ReadAllText(path)) is not JsonObject json || (string?)json["written_by"] != WrittenBy || json["files"] is not JsonArray files)
            {
                return null;
            }

            var entries = files.OfType<JsonObject>()
                .Select(f => (Path: f["path"] is JsonValue p && p.TryGetValue<string>(out var text) ? text : null, Bytes: Number(f["bytes"]), Sha256: f["sha256"] is JsonValue s && s.TryGetValue<string>(out var hash) ? hash : null))
                .Where(f => f.Path is not null && IsInside(f.Path))
                .Select(f => new OutputManifestEntry(f.Path!, f.Bytes, f.Sha256))
                .ToList();
            var generated = json["generated"] is JsonValue g && g.TryGetValue<string>(out var at) && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when) ? when : DateTimeOffset.MinValue;
            return new OutputManifest(json["complete"] is JsonValue c && c.TryGetValue<bool>(out var complete) && complete, generated, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the manifest into a folder, in one step (a temporary file moved over the old one).</summary>
    public void Write(string folder)
    {
        var json = new JsonObject
        {
            ["written_by"] = WrittenBy,
            ["complete"] = Complete,
            ["generated"] = Generated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["files"] = new JsonArray(Files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => (JsonNode)new JsonObject
            {
                ["path"] = f.Path,
                ["bytes"] = f.Bytes,
                ["sha256"] = f.Sha256,
            }).ToArray()),
        };
        var path = Path.Combine(folder, NotebookPipeline.ManifestFileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", Utf8);
        File.Move(temporary, path, overwrite: true);
    }

    private static long? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    // Relative, without '..' or an empty segment, and not the manifest: a name inside the folder.
    private static bool IsInside(string path)
    {
        if (path.Length == 0 || Path.IsPathRooted(path) || path.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        var segments = path.Split('/', '\\');
        return segments.All(s => s.Length > 0 && s != "." && s != "..") && path != NotebookPipeline.ManifestFileName;
    }
}
