import Foundation
import OpenRouter

/// Named replies that reproduce OpenRouter's wire shapes and their edge cases
/// (OpenRouter.docc/EdgeCases.md), chosen by a request's model (`stub/<name>`) or by a user
/// message containing `scenario:<name>`. Anything else gets `echo`.
public enum StubScenario: String, CaseIterable, Sendable {
  case echo
  case okStream = "ok-stream"
  case keepalive
  case keepaliveEmptyComment = "keepalive-empty-comment"
  case usageEmptyChoices = "usage-empty-choices"
  case usageDummyChoice = "usage-dummy-choice"
  case reasoning
  case tools
  case toolsParallel = "tools-parallel"
  case toolsSingleFragment = "tools-single-fragment"
  case toolsNoIndex = "tools-no-index"
  case midstreamError = "midstream-error"
  case midstreamErrorWithDone = "midstream-error-with-done"
  case midstreamErrorStringCode = "midstream-error-string-code"
  case inbandErrorBeforeContent = "inband-error-before-content"
  case truncated
  case noDone = "no-done"
  case crlf
  case cr
  case splitBytes = "split-bytes"
  case reset
  case stall
  case html502 = "html-502"
  case nonstreamOK = "nonstream-ok"
  case nonstream200Error = "nonstream-200-error"
  case nonstreamPartialError = "nonstream-partial-error"
  case fallback
  case slowCancel = "slow-cancel"
  /// A long reply in many small tokens, 20 ms apart (UI tests).
  case slow
  /// A reply of many paragraphs (scrolling tests).
  case long
  /// Compare tests: three replies at three paces, each naming itself; `paced-fail` breaks
  /// off mid-stream with a provider error after a few tokens.
  case pacedFast = "paced-fast"
  case pacedMedium = "paced-medium"
  case pacedSlow = "paced-slow"
  case pacedLong = "paced-long"
  case pacedFail = "paced-fail"
  /// CJK, emoji and combining marks.
  case unicode
  /// Output with terminal escape sequences (an OSC 2 title, a CSI clear, an OSC 52 copy).
  case escapes
  /// An image model's reply, in the recorded shape: text, then the whole picture in one
  /// delta's `images` (a small PNG made in the test), then the usage with image tokens.
  case image
  /// The same with a picture of about 2 MB in one line, and more text after it, 20 ms a
  /// token: for measuring that the big line does not hold up the text behind it.
  case imageLarge = "image-large"
  /// `image-large` with an empty delta where the picture was: the control for the
  /// measurement.
  case imageLargeControl = "image-large-control"
  /// Web search through Exa, as 2026 streams have it: the sources first, one per delta, with
  /// no passage ranges; the count under `server_tool_use_details` (OpenRouter.docc/WebSearch.md).
  case webSearch = "web-search"
  /// A native search: the answer links its source, whose annotation arrives after the text
  /// with the passage's range; two searches under `server_tool_use`; cached prompt tokens
  /// and a caching discount.
  case webSearchRanged = "web-search-ranged"
  /// Sources whose URLs must not be linked (a `javascript:` URL, an escape sequence in a
  /// title) next to a good one.
  case webSearchHostile = "web-search-hostile"

  /// `http-<status>[-variant]` scenarios are answered by `StubErrors`.
  public static func reply(for request: CapturedRequest) -> StubReply {
    let chat = try? request.chatRequest()
    let name = scenarioName(chat)
    if let name, name.hasPrefix("http-") {
      let parts = name.dropFirst(5).split(separator: "-", maxSplits: 1)
      if let status = parts.first.flatMap({ Int($0) }) {
        return StubErrors.reply(status: status, variant: parts.count > 1 ? String(parts[1]) : nil)
      }
    }
    let scenario = name.flatMap(StubScenario.init(rawValue:)) ?? .echo
    return scenario.reply(for: chat)
  }

  static func scenarioName(_ chat: ChatRequest?) -> String? {
    if let model = chat?.model ?? chat?.models?.first, model.hasPrefix("stub/") {
      return String(model.dropFirst(5))
    }
    guard let text = chat?.messages.last(where: { $0.role == .user })?.content?.text,
      let range = text.range(of: "scenario:")
    else { return nil }
    return String(text[range.upperBound...].prefix { !$0.isWhitespace })
  }

  /// The reply of this scenario to `chat`.
  public func reply(for chat: ChatRequest?) -> StubReply {
    let requested = [chat?.model].compactMap { $0 } + (chat?.models ?? [])
    // A preset (`@preset/NAME`) is answered by the model it names, as OpenRouter does.
    let served =
      requested.first { !$0.hasPrefix("stub/") && !$0.hasPrefix("@preset/") }
      ?? "openai/gpt-4.1-mini"
    let chunks = StubChunks(model: served)
    let usage = chunks.usage(prompt: 9, completion: 4, cost: "0.0000100")
    if chat?.stream != true, let whole = nonStreaming(chunks, chat: chat) { return whole }
    if let search = StubScenario.webSearchReply(self, chunks: chunks, chat: chat) { return search }
    let generation = [("X-Generation-Id", chunks.id)]
    switch self {
    case .echo:
      let said = chat?.messages.last { $0.role == .user }?.content?.text ?? ""
      let words = "You said: \(said)".split(separator: " ", omittingEmptySubsequences: false)
      let tokens = words.enumerated().map { $0.offset == 0 ? String($0.element) : " " + $0.element }
      return .sse(
        tokens.map { .data(chunks.content($0)) } + [.data(chunks.finish()), .data(usage), .done],
        headers: generation)
    case .okStream, .crlf, .cr, .splitBytes:
      let items: [SSEItem] = [
        .data(chunks.content("")), .data(chunks.content("Hel")),
        .data(chunks.content("lo, wörld 👋")), .data(chunks.finish()), .data(usage), .done,
      ]
      switch self {
      case .crlf: return .sse(items, lineEnding: "\r\n", headers: generation)
      case .cr: return .sse(items, lineEnding: "\r", headers: generation)
      case .splitBytes:
        return .sse(
          items, lineEnding: "\r\n", headers: generation,
          writeMode: .split(maxChunk: 3, pause: .milliseconds(1)))
      default: return .sse(items, headers: generation)
      }
    case .keepalive, .keepaliveEmptyComment:
      let opening: [SSEItem] =
        self == .keepalive
        ? Array(repeating: .comment("OPENROUTER PROCESSING"), count: 3) : [.comment("")]
      return .sse(
        opening + [
          .data(chunks.content("Thinking done. ")), .comment("OPENROUTER PROCESSING"),
          .data(chunks.content("Answer.", finish: "stop")),
          .data(chunks.usage(prompt: 20, completion: 5, cost: "0.00001")), .done,
        ], tokenDelay: .milliseconds(20))
    case .usageEmptyChoices, .usageDummyChoice:
      let last =
        self == .usageEmptyChoices
        ? chunks.usage(prompt: 48, completion: 11, cost: "0.0000368")
        : chunks.usageWithDummyChoice(prompt: 48, completion: 11, cost: "0.0000368")
      return .sse([.data(chunks.content("Hi")), .data(chunks.finish()), .data(last), .done])
    default:
      return StubScenario.streams(self, chunks: chunks, chat: chat, usage: usage)
    }
  }
}
