/// JSON payloads in OpenRouter's stream wire format (OpenRouter.docc/Streaming.md, Chunks),
/// spelled out the way OpenRouter spells them: `id`, `provider`, `model`, `object`, `created`
/// on every chunk, `role` repeated on every delta.
public struct StubChunks: Sendable {
  public var id: String
  public var provider: String
  public var model: String

  public init(
    id: String = "gen-1760000000-Q1w2E3r4T5y6U7i8O9p0", provider: String = "OpenAI",
    model: String = "openai/gpt-4.1-mini"
  ) {
    self.id = id
    self.provider = provider
    self.model = model
  }

  var prefix: String {
    "\"id\":\"\(id)\",\"provider\":\"\(provider)\",\"model\":\"\(model)\","
      + "\"object\":\"chat.completion.chunk\",\"created\":1760000000"
  }

  /// A content delta.
  public func content(_ text: String, finish: String? = nil) -> String {
    delta("\"role\":\"assistant\",\"content\":\(Self.quote(text))", finish: finish)
  }

  /// The finish chunk (empty content, a finish reason).
  public func finish(_ reason: String = "stop", native: String? = nil) -> String {
    delta("\"role\":\"assistant\",\"content\":\"\"", finish: reason, native: native ?? reason)
  }

  /// A delta with arbitrary JSON members (e.g. reasoning or tool calls).
  public func delta(_ members: String, finish: String? = nil, native: String? = nil) -> String {
    let reason = finish.map(Self.quote) ?? "null"
    let nativeReason = (native ?? finish).map(Self.quote) ?? "null"
    return
      "{\(prefix),\"choices\":[{\"index\":0,\"delta\":{\(members)},\"finish_reason\":\(reason),"
      + "\"native_finish_reason\":\(nativeReason),\"logprobs\":null}]}"
  }

  /// The 2026 final usage chunk: empty `choices`.
  public func usage(prompt: Int, completion: Int, cost: String, extra: String = "") -> String {
    "{\(prefix),\"choices\":[],\"usage\":\(Self.usageObject(prompt, completion, cost, extra))}"
  }

  /// The older final usage chunk: a dummy choice with a null finish reason.
  public func usageWithDummyChoice(prompt: Int, completion: Int, cost: String) -> String {
    "{\(prefix),\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
      + "\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}],"
      + "\"usage\":\(Self.usageObject(prompt, completion, cost, ""))}"
  }

  /// A mid-stream error chunk: the error at the top level, the choice finishing with `error`.
  public func midStreamError(
    code: String, message: String, errorType: String = "provider_unavailable"
  )
    -> String
  {
    "{\(prefix),\"error\":{\"code\":\(code),\"message\":\(Self.quote(message)),"
      + "\"metadata\":{\"error_type\":\"\(errorType)\",\"provider_code\":\"ECONNRESET\"}},"
      + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\","
      + "\"native_finish_reason\":null}]}"
  }

  static func usageObject(_ prompt: Int, _ completion: Int, _ cost: String, _ extra: String)
    -> String
  {
    "{\"prompt_tokens\":\(prompt),\"completion_tokens\":\(completion),"
      + "\"total_tokens\":\(prompt + completion),\"cost\":\(cost),\"is_byok\":false,"
      + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"cache_write_tokens\":0,\"audio_tokens\":0},"
      + "\"cost_details\":{\"upstream_inference_cost\":null},"
      + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"image_tokens\":0,\"audio_tokens\":0}"
      + "\(extra)}"
  }

  /// A JSON string literal.
  public static func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 {
          result +=
            "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
            + String(scalar.value, radix: 16)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
