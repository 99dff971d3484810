import Foundation
import OpenRouter

extension StubScenario {
  static func streams(
    _ scenario: StubScenario, chunks: StubChunks, chat: ChatRequest?, usage: String
  )
    -> StubReply
  {
    switch scenario {
    case .image, .imageLarge, .imageLargeControl:
      return imageReply(
        large: scenario != .image, withPicture: scenario != .imageLargeControl, chunks: chunks)
    case .reasoning:
      let details = #""reasoning_details":[{"type":"reasoning.text","#
      return .sse([
        .data(
          chunks.delta(
            #""role":"assistant","content":"","reasoning":"The user asks 17×3. ","#
              + details
              + #""text":"The user asks 17×3. ","format":"anthropic-claude-v1","index":0}]"#)),
        .data(
          chunks.delta(
            #""role":"assistant","content":"","reasoning":"17×3 = 51.","#
              + details + #""text":"17×3 = 51.","format":"anthropic-claude-v1","index":0}]"#)),
        .data(
          chunks.delta(
            #""role":"assistant","content":"","reasoning":null,"#
              + details
              + #""signature":"ErUBCkYIBxgCKkB0ZXN0","format":"anthropic-claude-v1","index":0}]"#)),
        .data(chunks.content("51")), .data(chunks.finish("stop", native: "end_turn")),
        .data(
          #"{"choices":[],"usage":{"prompt_tokens":30,"completion_tokens":25,"total_tokens":55,"#
            + #""cost":0.0004,"completion_tokens_details":{"reasoning_tokens":22}}}"#),
        .done,
      ])
    case .tools:
      return .sse([
        .comment("OPENROUTER PROCESSING"),
        .data(
          chunks.delta(
            #""role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_Xy12","type":"function","function":{"name":"get_weather","arguments":""}}]"#
          )),
        .data(
          chunks.delta(
            #""role":"assistant","content":null,"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"},"type":"function"}]"#
          )),
        .data(
          chunks.delta(
            #""role":"assistant","content":null,"tool_calls":[{"index":0,"function":{"arguments":"\"Oslo\"}"},"type":"function"}]"#
          )),
        .data(chunks.finish("tool_calls")),
        .data(chunks.usage(prompt: 60, completion: 14, cost: "0.00005")), .done,
      ])
    case .toolsParallel:
      func fragment(_ index: Int, _ rest: String) -> SSEItem {
        .data(
          chunks.delta(
            #""role":"assistant","content":null,"tool_calls":[{"index":\#(index),\#(rest)}]"#))
      }
      return .sse([
        fragment(
          0, #""id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}"#),
        fragment(
          1, #""id":"call_b","type":"function","function":{"name":"get_time","arguments":""}"#),
        fragment(0, #""function":{"arguments":"{\"city\":\"Oslo\"}"}"#),
        fragment(1, #""function":{"arguments":"{\"tz\":\"CET\"}"}"#),
        .data(chunks.finish("stop")), .done,
      ])
    case .toolsSingleFragment:
      return .sse([
        .data(
          chunks.delta(
            #""role":"assistant","content":null,"tool_calls":[{"index":0,"id":"c","type":"function","function":{"name":"f","arguments":"{\"x\":1}"}}]"#
          )),
        .data(
          chunks.delta(
            #""role":"assistant","content":null,"tool_calls":[{"index":0,"function":{"arguments":""}}]"#
          )),
        .data(chunks.finish("tool_calls")), .done,
      ])
    case .toolsNoIndex:
      return .sse([
        .data(
          chunks.delta(
            #""tool_calls":[{"id":"","type":"function","function":{"name":"ping","arguments":""}}]"#
          )),
        .data(chunks.delta(#""tool_calls":[{"id":"","function":{"arguments":"{\"n\":"}}]"#)),
        .data(chunks.delta(#""tool_calls":[{"function":{"arguments":"1}"}}]"#)),
        .data(chunks.finish("tool_calls")), .done,
      ])
    case .midstreamError, .midstreamErrorWithDone, .midstreamErrorStringCode:
      let error =
        scenario == .midstreamErrorStringCode
        ? chunks.midStreamError(
          code: "\"server_error\"", message: "Provider disconnected", errorType: "server")
        : chunks.midStreamError(code: "502", message: "Provider disconnected unexpectedly")
      var items: [SSEItem] = [
        .data(chunks.content("The first three primes are 2, 3")), .data(error),
      ]
      if scenario == .midstreamErrorWithDone { items.append(.done) }
      return .sse(items)
    case .inbandErrorBeforeContent:
      return .sse([
        .comment("OPENROUTER PROCESSING"), .comment("OPENROUTER PROCESSING"),
        .data(
          #"{"error":{"message":"Provider returned error","code":429,"metadata":{"#
            + #""raw":"model is temporarily rate-limited upstream","provider_name":"ExampleProvider","#
            + #""error_type":"rate_limit_exceeded"}},"user_id":"user_2abc"}"#),
      ])
    case .truncated:
      return .sse([.data(chunks.content("The answer is")), .data(chunks.content(" forty"))])
    case .noDone:
      return .sse([.data(chunks.content("Complete.")), .data(chunks.finish()), .data(usage)])
    case .reset:
      return .sse([
        .data(chunks.content("Partial before the reset")), .pause(.milliseconds(20)), .reset,
      ])
    case .stall:
      return .sse([
        .comment("OPENROUTER PROCESSING"), .data(chunks.content("Stalled after this")), .stall,
      ])
    case .html502:
      return StubErrors.html502
    case .fallback:
      let served = chat?.models?.dropFirst().first ?? chat?.models?.first ?? chunks.model
      let fallback = StubChunks(model: served)
      return .sse([
        .data(fallback.content("Served by the fallback.")), .data(fallback.finish()),
        .data(fallback.usage(prompt: 9, completion: 5, cost: "0.00002")), .done,
      ])
    case .pacedFast, .pacedMedium, .pacedSlow, .pacedLong, .pacedFail:
      let (name, count, delay) =
        switch scenario {
        case .pacedFast: ("Fast", 30, 10)
        case .pacedMedium: ("Medium", 80, 25)
        case .pacedSlow: ("Slow", 50, 40)
        case .pacedLong: ("Long", 300, 30)
        default: ("Failing", 12, 25)
        }
      var items: [SSEItem] = [.data(chunks.content("**\(name)** reply:"))]
      items += (1...count).map { .data(chunks.content(" \(name.lowercased())-\($0)")) }
      if scenario == .pacedFail {
        items.append(.data(chunks.midStreamError(code: "502", message: "Provider disconnected")))
      } else {
        items += [
          .data(chunks.content(" \(name) done.")), .data(chunks.finish()),
          .data(chunks.usage(prompt: 9, completion: count + 2, cost: "0.0001")), .done,
        ]
      }
      return .sse(items, tokenDelay: .milliseconds(delay))
    case .slowCancel:
      return .sse(
        [.data(chunks.content("Counting:")), .pause(.milliseconds(50))]
          + (1...600).map { .data(chunks.content(" \($0)")) }, tokenDelay: .milliseconds(50))
    case .slow:
      let words = Array(repeating: "The quick brown fox jumps over the lazy dog.", count: 12)
        .joined(separator: " ").split(separator: " ")
      return .sse(
        words.map { .data(chunks.content(String($0) + " ")) } + [
          .data(chunks.finish()), .data(usage), .done,
        ],
        tokenDelay: .milliseconds(20))
    case .long:
      let paragraphs = (1...60).map {
        "Paragraph \($0): " + String(repeating: "lorem ipsum dolor sit amet ", count: 6) + "\n\n"
      }
      return .sse(
        paragraphs.map { .data(chunks.content($0)) } + [
          .data(chunks.finish()), .data(usage), .done,
        ])
    case .unicode:
      return .sse([
        .data(chunks.content("你好，世界！")), .data(chunks.content(" 🚀👍🏽 café e\u{301} 🇯🇵")),
        .data(chunks.finish()), .data(usage), .done,
      ])
    case .escapes:
      return .sse([
        .data(chunks.content("safe \u{1B}]2;pwned-title\u{07}text")),
        .data(chunks.content(" \u{1B}[2Jcleared? \u{1B}]52;c;ZXZpbA==\u{07}done")),
        .data(chunks.finish()), .data(usage), .done,
      ])
    default:
      return StubErrors.reply(status: 500)
    }
  }

  /// The reply to a non-streaming request, or `nil` for scenarios that only stream.
  /// A picture in `delta.images`, as image models send it.
  static func imageReply(large: Bool, withPicture: Bool = true, chunks: StubChunks) -> StubReply {
    let picture = large ? SampleFiles.largePNG(approximateBytes: 1_500_000) : SampleFiles.png()
    let url = "data:image/png;base64," + picture.base64EncodedString()
    let image = #""images":[{"type":"image_url","image_url":{"url":"\#(url)"},"index":0}]"#
    var items: [SSEItem] = [
      .comment("OPENROUTER PROCESSING"),
      .data(chunks.content("Here is your picture.")),
      .data(chunks.delta(##""role":"assistant","content":"""## + (withPicture ? "," + image : ""))),
    ]
    if large {
      items += (1...20).map { .data(chunks.content(" after\($0)")) }
    }
    items += [
      .data(chunks.finish("stop", native: "STOP")),
      .data(
        chunks.usage(
          prompt: 12, completion: 1290, cost: "0.0387",
          extra: "")),
      .done,
    ]
    return .sse(items, tokenDelay: large ? .milliseconds(20) : nil)
  }

  func nonStreaming(_ chunks: StubChunks, chat: ChatRequest?) -> StubReply? {
    let message =
      #"{"role":"assistant","content":"Hello!","refusal":null,"reasoning":"The user wants a greeting."}"#
    let usage =
      #"{"prompt_tokens":14,"completion_tokens":12,"total_tokens":26,"cost":0.000222,"#
      + #""is_byok":false,"prompt_tokens_details":{"cached_tokens":0},"#
      + #""completion_tokens_details":{"reasoning_tokens":6}}"#
    let head =
      #"{"id":"\#(chunks.id)","provider":"\#(chunks.provider)","model":"\#(chunks.model)","#
      + #""object":"chat.completion","created":1760000000,"#
    switch self {
    case .echo, .okStream, .nonstreamOK:
      let said = chat?.messages.last { $0.role == .user }?.content?.text ?? ""
      let content = self == .echo ? StubChunks.quote("You said: \(said)") : #""Hello!""#
      return .json(
        head + #""choices":[{"index":0,"logprobs":null,"finish_reason":"stop","#
          + #""native_finish_reason":"end_turn","message":{"role":"assistant","content":\#(content),"#
          + #""refusal":null,"reasoning":"The user wants a greeting."}}],"system_fingerprint":null,"#
          + #""usage":\#(usage)}"#, headers: [("X-Generation-Id", chunks.id)])
    case .fallback:
      let served = chat?.models?.dropFirst().first ?? chunks.model
      return .json(
        #"{"id":"\#(chunks.id)","model":"\#(served)","choices":[{"index":0,"finish_reason":"stop","#
          + #""message":\#(message)}],"usage":\#(usage)}"#)
    case .nonstream200Error:
      return .json(#"{"error":{"code":400,"message":"Invalid schema"},"user_id":"user_2abc"}"#)
    case .nonstreamPartialError:
      return .json(
        head + #""choices":[{"index":0,"finish_reason":"error","message":{"role":"assistant","#
          + #""content":"partial output…"},"error":{"code":502,"message":"Provider disconnected "#
          + #"mid-stream","metadata":{"error_type":"provider_unavailable"}}}]}"#)
    default:
      return nil
    }
  }
}
