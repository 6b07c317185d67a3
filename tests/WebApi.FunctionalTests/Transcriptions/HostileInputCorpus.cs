using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

/// <summary>What a public endpoint receives besides well-formed turns; every case must get a clear 4xx and store nothing.</summary>
public static class HostileInputCorpus
{
    private static readonly string[] _fields = ["conversation_id", "speaker", "message", "timestamp"];

    public static IEnumerable<HostileInputCase> Cases() =>
        MissingFields()
            .Concat(NullAndEmptyFields())
            .Concat(WrongTypes())
            .Concat(BadSpeakers())
            .Concat(BadTimestamps())
            .Concat(MalformedJson())
            .Concat(NonObjectRoots())
            .Concat(DuplicateKeys())
            .Concat(HostileText())
            .Concat(InvalidUtf8())
            .Concat(DeepNesting())
            .Concat(WrongMediaTypes())
            .Concat(OversizedBodies());

    private static Dictionary<string, object?> ValidTurn() => new()
    {
        ["conversation_id"] = "conv_hostile",
        ["speaker"] = "agent",
        ["message"] = "Hello, is this Sam?",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };

    private static string With(string field, object? value)
    {
        var turn = ValidTurn();
        turn[field] = value;
        return JsonSerializer.Serialize(turn);
    }

    private static string WithRaw(string field, string rawJsonValue) =>
        "{" + string.Join(",", ValidTurn().Select(p => $"\"{p.Key}\":" + (p.Key == field ? rawJsonValue : JsonSerializer.Serialize(p.Value)))) + "}";

    private static string Without(params string[] fields)
    {
        var turn = ValidTurn();
        foreach (var field in fields)
        {
            turn.Remove(field);
        }

        return JsonSerializer.Serialize(turn);
    }

    private static IEnumerable<HostileInputCase> MissingFields()
    {
        foreach (var field in _fields)
        {
            yield return HostileInputCase.Json($"missing {field}", Without(field), field);
        }

        for (var i = 0; i < _fields.Length; i++)
        {
            for (var j = i + 1; j < _fields.Length; j++)
            {
                yield return HostileInputCase.Json($"missing {_fields[i]} and {_fields[j]}", Without(_fields[i], _fields[j]), _fields[j]);
            }
        }

        yield return HostileInputCase.Json("empty object", "{}", "conversation_id");
    }

    private static IEnumerable<HostileInputCase> NullAndEmptyFields()
    {
        foreach (var field in _fields)
        {
            yield return HostileInputCase.Json($"null {field}", With(field, null), field);
            yield return HostileInputCase.Json($"empty {field}", With(field, ""), field);
        }

        yield return HostileInputCase.Json("whitespace message", With("message", " \t\n "), "message");
    }

    private static IEnumerable<HostileInputCase> WrongTypes()
    {
        var values = new Dictionary<string, string>
        {
            ["number"] = "42", ["float"] = "4.2e1", ["true"] = "true", ["false"] = "false",
            ["object"] = "{\"value\":\"agent\"}", ["array"] = "[\"agent\"]",
        };
        foreach (var field in _fields)
        {
            foreach (var (name, raw) in values)
            {
                yield return HostileInputCase.Json($"{field} as {name}", WithRaw(field, raw), $"{field} has the wrong type");
            }
        }
    }

    private static IEnumerable<HostileInputCase> BadSpeakers() =>
        new[] { "driver", "USER", "Agent", "bot", " agent", "agent ", "system", "assistant", "human", "agent\u0000" }
            .Select(s => HostileInputCase.Json($"speaker '{s.Replace("\u0000", "\\0")}'", With("speaker", s), "speaker"));

    private static IEnumerable<HostileInputCase> BadTimestamps() =>
        new[]
        {
            "yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-21", "1763733787", "11/21/2026 14:03",
            "2026-11-21T25:00:00Z", "2026-11-21T14:00:00+25:00", "2020-01-01T00:00:00Z", DaysAhead(3),
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-11-21T14:00:00Z; DROP TABLE calls",
        }.Select(t => HostileInputCase.Json($"timestamp '{t}'", With("timestamp", t), "timestamp"));

    // More than the day a sender's clock may lead ours, on whatever day the suite runs.
    private static string DaysAhead(int days) =>
        DateTimeOffset.UtcNow.AddDays(days).ToString("yyyy-MM-dd'T'00:00:00'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<HostileInputCase> MalformedJson()
    {
        var valid = JsonSerializer.Serialize(ValidTurn());
        foreach (var cut in new[] { 1, 10, 25, 40, valid.Length / 2, valid.Length - 2, valid.Length - 1 })
        {
            yield return HostileInputCase.Json($"truncated at {cut}", valid[..cut], "not valid JSON");
        }

        var broken = new Dictionary<string, string>
        {
            ["lone brace"] = "{",
            ["closing brace"] = "}",
            ["single quotes"] = "{'conversation_id':'conv','speaker':'agent','message':'hi','timestamp':'2026-11-21T14:00:00Z'}",
            ["trailing comma"] = valid[..^1] + ",}",
            ["comment"] = "/* hi */" + valid,
            ["NaN value"] = WithRaw("message", "NaN"),
            ["unquoted key"] = valid.Replace("\"speaker\"", "speaker"),
            ["two documents"] = valid + valid,
            ["bad escape"] = WithRaw("message", "\"\\x41\""),
            ["unterminated string"] = WithRaw("message", "\"hello"),
            ["raw newline in string"] = WithRaw("message", "\"line\nbreak\""),
        };
        foreach (var (name, body) in broken)
        {
            yield return HostileInputCase.Json(name, body, "not valid JSON");
        }

        yield return HostileInputCase.Json("empty body", "", "body is empty");
        yield return HostileInputCase.Json("whitespace body", " \r\n\t ", "body is empty");
    }

    private static IEnumerable<HostileInputCase> NonObjectRoots() =>
        new Dictionary<string, string>
        {
            ["root array"] = "[]",
            ["root array of turn"] = "[" + JsonSerializer.Serialize(ValidTurn()) + "]",
            ["root string"] = "\"conv\"",
            ["root number"] = "123",
            ["root true"] = "true",
            ["root null"] = "null",
        }.Select(p => HostileInputCase.Json(p.Key, p.Value, "JSON object"));

    private static IEnumerable<HostileInputCase> DuplicateKeys() =>
        _fields.Select(field =>
        {
            var valid = JsonSerializer.Serialize(ValidTurn());
            var duplicated = valid[..^1] + $",\"{field}\":\"smuggled\"}}";
            return HostileInputCase.Json($"duplicate {field}", duplicated, $"{field} has the wrong type or an invalid value, or is given twice");
        });

    private static IEnumerable<HostileInputCase> HostileText()
    {
        yield return HostileInputCase.Json("overlong conversation_id", With("conversation_id", new string('c', 129)), "conversation_id");
        yield return HostileInputCase.Json("overlong message", With("message", new string('m', 20_001)), "message");
        yield return HostileInputCase.Json("NUL in message", WithRaw("message", "\"a\\u0000b\""), "message");
        yield return HostileInputCase.Json("bell in message", WithRaw("message", "\"ding\\u0007\""), "message");
        yield return HostileInputCase.Json("terminal escape in message", WithRaw("message", "\"\\u001b[2J\""), "message");
        yield return HostileInputCase.Json("lone high surrogate in message", WithRaw("message", "\"\\ud800\""), "message");
        yield return HostileInputCase.Json("lone low surrogate in message", WithRaw("message", "\"x\\udc00y\""), "message");
        yield return HostileInputCase.Json("NUL in conversation_id", WithRaw("conversation_id", "\"conv\\u0000\""), "conversation_id");
        yield return HostileInputCase.Json("space in conversation_id", With("conversation_id", "conv 1"), "conversation_id");
        yield return HostileInputCase.Json("newline in conversation_id", With("conversation_id", "conv\n1"), "conversation_id");
        yield return HostileInputCase.Json("non-ASCII conversation_id", With("conversation_id", "cönv"), "conversation_id");
        yield return HostileInputCase.Json("path traversal conversation_id", With("conversation_id", "../../etc/passwd\u0001"), "conversation_id");
    }

    private static IEnumerable<HostileInputCase> InvalidUtf8()
    {
        var sequences = new Dictionary<string, byte[]>
        {
            ["0xFF byte"] = [0xFF],
            ["overlong slash"] = [0xC0, 0xAF],
            ["truncated multibyte"] = [0xE2, 0x82],
            ["UTF-8 encoded surrogate"] = [0xED, 0xA0, 0x80],
            ["continuation byte alone"] = [0x80],
        };
        foreach (var (name, bytes) in sequences)
        {
            var body = Encoding.UTF8.GetBytes(With("message", "MARK"));
            var index = Array.IndexOf(body, (byte)'M');
            var mangled = body[..index].Concat(bytes).Concat(body[(index + 4)..]).ToArray();
            yield return new HostileInputCase($"invalid UTF-8: {name}", mangled, "application/json", 400, "UTF-8");
        }
    }

    private static IEnumerable<HostileInputCase> DeepNesting()
    {
        yield return HostileInputCase.Json("extra field nested 10000 deep", WithRaw("message", "\"hi\"")[..^1] + ",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}", "not valid JSON");
        yield return HostileInputCase.Json("root nested 64 deep", new string('[', 64) + new string(']', 64), "JSON object");
        yield return HostileInputCase.Json("extra field nested 40 deep", WithRaw("message", "\"hi\"")[..^1] + ",\"x\":" + new string('[', 40) + new string(']', 40) + "}", "nesting deeper than 32");
    }

    private static IEnumerable<HostileInputCase> WrongMediaTypes()
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ValidTurn()));
        foreach (var contentType in new string?[] { null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1" })
        {
            yield return new HostileInputCase($"content type '{contentType ?? "none"}'", body, contentType, 415, "application/json");
        }
    }

    private static IEnumerable<HostileInputCase> OversizedBodies()
    {
        yield return new HostileInputCase(
            "body over 64 KiB", Encoding.UTF8.GetBytes(With("message", new string('m', 70_000))), "application/json", 413, "This webhook takes a body of at most 65536 bytes.");
    }
}
