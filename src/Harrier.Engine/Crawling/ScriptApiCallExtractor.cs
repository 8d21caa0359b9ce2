using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harrier.Engine.Http;

namespace Harrier.Engine.Crawling;

/// <summary>
/// Finds the API calls a page script makes, as a single-page app's front end does: <c>fetch(url, {method, headers,
/// body})</c> and <c>XMLHttpRequest</c> <c>open</c>/<c>setRequestHeader</c>/<c>send</c>. Conservative: only literal
/// URLs, methods, headers and bodies (a string literal, or <c>JSON.stringify</c> of an object or array literal) are
/// used; a call with anything computed (a variable, a concatenation, a template with <c>${…}</c>) is left alone.
/// Scope and allowed methods are the send path's business, as for links.
/// </summary>
internal static partial class ScriptApiCallExtractor
{
    public static IReadOnlyList<ScanHttpRequest> Extract(Uri baseUrl, string script)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(script);
        var calls = new List<ScanHttpRequest>();
        foreach (Match match in FetchCall().Matches(script))
        {
            if (ParseFetch(script, match.Index + match.Length) is var (url, options) && Build(baseUrl, url, options) is { } request)
            {
                calls.Add(request);
            }
        }

        foreach (Match match in XhrOpen().Matches(script))
        {
            if (ParseXhr(script, match) is { } xhr && Build(baseUrl, xhr.Url, xhr.Options) is { } request)
            {
                calls.Add(request);
            }
        }

        return calls;
    }

    /// <summary>The literal URL and options object (null when absent) of the <c>fetch(</c> call whose arguments start at <paramref name="at"/>.</summary>
    private static (string Url, Dictionary<string, object?>? Options)? ParseFetch(string script, int at)
    {
        var reader = new LiteralReader(script, at);
        if (reader.ReadString() is not { } url)
        {
            return null;
        }

        if (reader.TryConsume(')'))
        {
            return (url, null);
        }

        if (!reader.TryConsume(',') || reader.ReadValue() is not Dictionary<string, object?> options || !reader.TryConsume(')'))
        {
            return null;
        }

        return (url, options);
    }

    /// <summary><c>x.open(method, url)</c>, then the same object's <c>setRequestHeader</c> and <c>send</c> calls up to its next <c>open</c>.</summary>
    private static (string Url, Dictionary<string, object?> Options)? ParseXhr(string script, Match open)
    {
        var name = open.Groups["name"].Value;
        if (!Regex.IsMatch(script, @"(?<![\w$])" + Regex.Escape(name) + @"\s*=\s*new\s+XMLHttpRequest\s*\(", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return null; // window.open(…) and other objects' open methods
        }

        var reader = new LiteralReader(script, open.Index + open.Length);
        if (reader.ReadString() is not { } method || !reader.TryConsume(',') || reader.ReadString() is not { } url)
        {
            return null;
        }

        var end = script.IndexOf(name + ".open(", open.Index + open.Length, StringComparison.Ordinal);
        var rest = script[(open.Index + open.Length)..(end < 0 ? script.Length : end)];
        var headers = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var options = new Dictionary<string, object?> { ["method"] = method, ["headers"] = headers };
        foreach (Match call in MemberCall().Matches(rest))
        {
            if (call.Groups["name"].Value != name)
            {
                continue;
            }

            var args = new LiteralReader(rest, call.Index + call.Length);
            if (call.Groups["member"].Value == "setRequestHeader")
            {
                if (args.ReadString() is { } header && args.TryConsume(',') && args.ReadString() is { } value)
                {
                    headers[header] = value;
                }
            }
            else if (!args.TryConsume(')'))
            {
                // send(body): a body we cannot read makes the whole call unknown.
                if (args.ReadValue() is not { } body || body is Dictionary<string, object?> or List<object?>)
                {
                    return null;
                }

                options["body"] = body;
            }
        }

        return (url, options);
    }

    private static ScanHttpRequest? Build(Uri baseUrl, string url, Dictionary<string, object?>? options)
    {
        if (HtmlLinkExtractor.Resolve(baseUrl, url) is not { } absolute)
        {
            return null;
        }

        var method = options?.GetValueOrDefault("method") is string m ? m.Trim().ToUpperInvariant() : "GET";
        if (method.Length == 0 || !method.All(char.IsAsciiLetter))
        {
            return null;
        }

        string? body;
        switch (options?.GetValueOrDefault("body"))
        {
            case null or JsonNull:
                body = null;
                break;
            case string text:
                body = text;
                break;
            case JsonText json:
                body = json.Text;
                break;
            default:
                return null; // a bare object or number is not what a browser sends as a body
        }

        var headers = options?.GetValueOrDefault("headers") as Dictionary<string, object?>;
        var contentType = headers?.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value as string;
        if (body is null || method is "GET" or "HEAD")
        {
            return new ScanHttpRequest(method, absolute);
        }

        // Without a Content-Type a browser labels a string body as plain text.
        return new ScanHttpRequest(method, absolute) { Body = body, ContentType = contentType ?? "text/plain;charset=UTF-8" };
    }

    [GeneratedRegex(@"(?<![\w$.])fetch\s*\(")]
    private static partial Regex FetchCall();

    [GeneratedRegex(@"(?<![\w$])(?<name>[A-Za-z_$][\w$]*)\s*\.\s*open\s*\(")]
    private static partial Regex XhrOpen();

    [GeneratedRegex(@"(?<![\w$])(?<name>[A-Za-z_$][\w$]*)\s*\.\s*(?<member>setRequestHeader|send)\s*\(")]
    private static partial Regex MemberCall();

    /// <summary>The text of <c>JSON.stringify(literal)</c>.</summary>
    private sealed record JsonText(string Text);

    /// <summary>
    /// Reads JavaScript literals: strings (quotes and templates without substitutions), numbers, <c>true</c>/<c>false</c>/<c>null</c>,
    /// object and array literals, and <c>JSON.stringify(literal)</c>. Anything else reads as null.
    /// </summary>
    private sealed class LiteralReader(string text, int position)
    {
        private int _position = position;

        public bool TryConsume(char c)
        {
            SkipSpace();
            if (_position < text.Length && text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        public string? ReadString()
        {
            SkipSpace();
            if (_position >= text.Length || text[_position] is not ('\'' or '"' or '`'))
            {
                return null;
            }

            var quote = text[_position++];
            var value = new StringBuilder();
            while (_position < text.Length)
            {
                var c = text[_position++];
                if (c == quote)
                {
                    return value.ToString();
                }

                if (c == '$' && quote == '`' && _position < text.Length && text[_position] == '{')
                {
                    return null; // a template with a substitution is computed
                }

                if (c is '\n' && quote != '`')
                {
                    return null;
                }

                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                if (_position >= text.Length || ReadEscape(value) is false)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>A literal value: string, number, boolean, null, object (string keys), array, or <see cref="JsonText"/>.</summary>
        public object? ReadValue()
        {
            SkipSpace();
            if (_position >= text.Length)
            {
                return null;
            }

            var c = text[_position];
            if (c is '\'' or '"' or '`')
            {
                return ReadString();
            }

            if (c == '{')
            {
                return ReadObject();
            }

            if (c == '[')
            {
                return ReadArray();
            }

            if (text.AsSpan(_position).StartsWith("JSON.stringify", StringComparison.Ordinal))
            {
                _position += "JSON.stringify".Length;
                if (!TryConsume('(') || ReadValue() is not ({ } inner and not JsonText) || !TryConsume(')'))
                {
                    return null;
                }

                return new JsonText(ToJson(inner));
            }

            var word = ReadWord();
            return word switch
            {
                "true" => true,
                "false" => false,
                "null" => JsonNull.Value,
                _ when word.Length > 0 && double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
                _ => null,
            };
        }

        private Dictionary<string, object?>? ReadObject()
        {
            _position++; // {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (TryConsume('}'))
            {
                return result;
            }

            while (true)
            {
                SkipSpace();
                var key = _position < text.Length && text[_position] is '\'' or '"' ? ReadString() : ReadWord();
                if (string.IsNullOrEmpty(key) || !TryConsume(':') || ReadValue() is not { } value)
                {
                    return null;
                }

                result[key] = value;
                if (TryConsume('}'))
                {
                    return result;
                }

                if (!TryConsume(','))
                {
                    return null;
                }

                if (TryConsume('}'))
                {
                    return result; // trailing comma
                }
            }
        }

        private List<object?>? ReadArray()
        {
            _position++; // [
            var result = new List<object?>();
            if (TryConsume(']'))
            {
                return result;
            }

            do
            {
                if (ReadValue() is not { } value)
                {
                    return null;
                }

                result.Add(value);
                if (TryConsume(']'))
                {
                    return result;
                }
            }
            while (TryConsume(','));

            return null;
        }

        private string ReadWord()
        {
            SkipSpace();
            var start = _position;
            while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] is '_' or '$' or '.' or '-' or '+'))
            {
                _position++;
            }

            return text[start.._position];
        }

        private bool ReadEscape(StringBuilder value)
        {
            var e = text[_position++];
            switch (e)
            {
                case 'n': value.Append('\n'); return true;
                case 't': value.Append('\t'); return true;
                case 'r': value.Append('\r'); return true;
                case '0': value.Append('\0'); return true;
                case 'u' or 'x':
                    var length = e == 'u' ? 4 : 2;
                    if (_position + length > text.Length
                        || !int.TryParse(text.AsSpan(_position, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        return false;
                    }

                    value.Append((char)code);
                    _position += length;
                    return true;
                default: value.Append(e); return true;
            }
        }

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }
    }

    /// <summary>What <c>JSON.stringify</c> makes of a literal read by <see cref="LiteralReader"/>.</summary>
    private static string ToJson(object value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case Dictionary<string, object?> obj:
                writer.WriteStartObject();
                foreach (var (key, item) in obj)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case List<object?> array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>JavaScript <c>null</c> inside a literal (a plain null means "not a literal").</summary>
    private sealed class JsonNull
    {
        public static JsonNull Value { get; } = new();
    }
}
