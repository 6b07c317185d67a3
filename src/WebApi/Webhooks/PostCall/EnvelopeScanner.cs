using System.Text;

namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>
/// Follows the top level of <c>{"type": …, "event_timestamp": …, "data": {…}}</c> as the body's bytes stream past,
/// keeping none of them: the event type is known while the body still arrives, whatever its size. No buffering JSON
/// reader can do that for an audio event, whose base64 string (tens of MB) is a single token.
/// </summary>
/// <remarks>
/// It checks structure, not content: below the top level it only tracks strings and brackets. A key or type written
/// with escapes is not decoded: the type is then <see cref="TypeIsUndecidable"/>, and only a full parse can tell.
/// </remarks>
internal sealed class EnvelopeScanner
{
    public const int MaxDepth = 64;
    private const int MaxCapturedBytes = 128;

    private enum Expect { Root, KeyOrEnd, Key, Colon, Value, CommaOrEnd, End }

    private enum ValueKind { None, String, Number, Literal, Object, Array }

    private readonly List<byte> _captured = new(MaxCapturedBytes);
    private Expect _expect = Expect.Root;
    private string? _key;
    private bool _inKey;
    private bool _inString;
    private bool _escaped;
    private bool _capturedEscape;
    private ValueKind _value;
    private int _depth;
    private ulong _arrays; // bit n set: the container at depth n + 1 is an array
    private int _typeCount;
    private int _eventTimestampCount;
    private int _dataCount;

    /// <summary>The event type, once read and written without escapes.</summary>
    public string? Type { get; private set; }

    public bool TypeIsUndecidable { get; private set; }

    public bool IsMalformed { get; private set; }

    /// <summary>A whole JSON object with a string <c>type</c>, a numeric <c>event_timestamp</c> and an object <c>data</c>.</summary>
    public bool IsEnvelope => !IsMalformed && _expect == Expect.End
        && _typeCount == 1 && Type is not null && _eventTimestampCount == 1 && _dataCount == 1;

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length && !IsMalformed)
        {
            if (_inString)
            {
                i = ReadString(bytes, i);
            }
            else if (_depth > 0)
            {
                ReadNested(bytes[i++]);
            }
            else
            {
                ReadTopLevel(bytes[i++]);
            }
        }
    }

    private int ReadString(ReadOnlySpan<byte> bytes, int i)
    {
        var capturing = _inKey || (_depth == 0 && _key == "type");
        if (!capturing && !_escaped)
        {
            // Skip to the next quote or backslash: the bulk of an audio event is one long base64 string.
            var next = bytes[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                return bytes.Length;
            }

            i += next;
        }

        var b = bytes[i];
        if (_escaped)
        {
            _escaped = false;
            Capture(b, capturing);
        }
        else if (b == '\\')
        {
            _escaped = true;
            _capturedEscape |= capturing;
        }
        else if (b == '"')
        {
            _inString = false;
            EndString();
        }
        else
        {
            Capture(b, capturing);
        }

        return i + 1;
    }

    private void EndString()
    {
        if (_inKey)
        {
            _inKey = false;
            // An escaped key may spell "type": only a full parse can tell.
            TypeIsUndecidable |= _capturedEscape;
            _key = _capturedEscape || _captured.Count > MaxCapturedBytes ? "" : Encoding.UTF8.GetString([.. _captured]);
            _expect = Expect.Colon;
        }
        else if (_depth == 0)
        {
            EndTopLevelValue(ValueKind.String);
        }
    }

    private void ReadNested(byte b)
    {
        switch (b)
        {
            case (byte)'"':
                _inString = true;
                break;
            case (byte)'{' or (byte)'[':
                Open(b);
                break;
            case (byte)'}' or (byte)']':
                var isArray = (_arrays & (1UL << (_depth - 1))) != 0;
                if (isArray != (b == ']'))
                {
                    IsMalformed = true;
                    return;
                }

                _depth--;
                if (_depth == 0)
                {
                    EndTopLevelValue(_value);
                }

                break;
        }
    }

    private void Open(byte b)
    {
        if (_depth == MaxDepth)
        {
            IsMalformed = true;
            return;
        }

        _arrays = b == '[' ? _arrays | (1UL << _depth) : _arrays & ~(1UL << _depth);
        _depth++;
    }

    private void ReadTopLevel(byte b)
    {
        if (_value is ValueKind.Number or ValueKind.Literal)
        {
            if (IsPrimitiveByte(b))
            {
                return;
            }

            EndTopLevelValue(_value);
        }

        if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            return;
        }

        switch (_expect)
        {
            case Expect.Root when b == '{':
                _expect = Expect.KeyOrEnd;
                break;
            case Expect.KeyOrEnd or Expect.Key when b == '"':
                _inString = _inKey = true;
                _captured.Clear();
                _capturedEscape = false;
                break;
            case Expect.KeyOrEnd or Expect.CommaOrEnd when b == '}':
                _expect = Expect.End;
                break;
            case Expect.Colon when b == ':':
                _expect = Expect.Value;
                break;
            case Expect.CommaOrEnd when b == ',':
                _expect = Expect.Key;
                break;
            case Expect.Value:
                StartTopLevelValue(b);
                break;
            default:
                IsMalformed = true;
                break;
        }
    }

    private void StartTopLevelValue(byte b)
    {
        _captured.Clear();
        _capturedEscape = false;
        switch (b)
        {
            case (byte)'"':
                _value = ValueKind.String;
                _inString = true;
                break;
            case (byte)'{' or (byte)'[':
                _value = b == '{' ? ValueKind.Object : ValueKind.Array;
                Open(b);
                break;
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                _value = ValueKind.Number;
                break;
            case (byte)'t' or (byte)'f' or (byte)'n':
                _value = ValueKind.Literal;
                break;
            default:
                IsMalformed = true;
                break;
        }
    }

    private void EndTopLevelValue(ValueKind kind)
    {
        switch (_key)
        {
            case "type":
                _typeCount++;
                var plain = kind == ValueKind.String && !_capturedEscape && _captured.Count <= MaxCapturedBytes && _typeCount == 1;
                Type = plain ? Encoding.UTF8.GetString([.. _captured]) : null;
                TypeIsUndecidable |= !plain;
                break;
            case "event_timestamp":
                _eventTimestampCount += kind == ValueKind.Number ? 1 : 2;
                break;
            case "data":
                _dataCount += kind == ValueKind.Object ? 1 : 2;
                break;
        }

        _value = ValueKind.None;
        _key = null;
        _expect = Expect.CommaOrEnd;
    }

    private void Capture(byte b, bool capturing)
    {
        if (capturing && _captured.Count <= MaxCapturedBytes)
        {
            _captured.Add(b);
        }
    }

    private static bool IsPrimitiveByte(byte b) =>
        b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'z') or (byte)'-' or (byte)'+' or (byte)'.' or (byte)'E';
}
