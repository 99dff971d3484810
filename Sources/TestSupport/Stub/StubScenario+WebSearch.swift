import Foundation
import OpenRouter

/// Replies with web-search sources, in the shapes of recorded OpenRouter traffic (reduced to
/// what orchat reads): `annotations` on deltas or on the whole message, and the search count
/// and caching figures in the usage (OpenRouter.docc/WebSearch.md, PromptCaching.md).
extension StubScenario {
  static func webSearchReply(_ scenario: StubScenario, chunks: StubChunks, chat: ChatRequest?)
    -> StubReply?
  {
    let streams = chat?.stream == true
    switch scenario {
    case .webSearch:
      let sources = [
        chunks.citation(url: "https://www.swift.org/documentation/", title: "Swift Documentation"),
        chunks.citation(url: "https://github.com/swiftlang/swift", title: ""),
        chunks.citation(
          url: "https://en.wikipedia.org/wiki/Swift_(programming_language)",
          title: "Swift (programming language) - Wikipedia"),
      ]
      let usage = chunks.usage(
        prompt: 2317, completion: 53, cost: "0.0076509",
        extra: #","server_tool_use_details":{"web_search_requests":1,"tool_calls_requested":1,"#
          + #""tool_calls_executed":1}"#)
      guard streams else {
        return wholeReply(
          chunks, content: "Swift is documented at swift.org.[1][3]", annotations: sources,
          usage: #"{"prompt_tokens":7,"completion_tokens":236,"total_tokens":243,"#
            + #""cost":0.00524,"prompt_tokens_details":{"cached_tokens":0}}"#)
      }
      return .sse(
        sources.map {
          .data(chunks.delta(#""content":"","role":"assistant","annotations":[\#($0)]"#))
        }
          + ["Swift's", " documentation", " is at swift.org."].map { .data(chunks.content($0)) }
          + [.data(chunks.finish()), .data(usage), .done])
    case .webSearchRanged:
      let content = "The latest release is **6.2** ([swift.org](https://www.swift.org/blog/))."
      let link = "([swift.org](https://www.swift.org/blog/))"
      let start = content.unicodeScalars.count - link.unicodeScalars.count - 1
      let source = chunks.citation(
        url: "https://www.swift.org/blog/", title: "Swift.org - Blog", start: start,
        end: start + link.unicodeScalars.count)
      let usageJSON =
        #"{"prompt_tokens":14312,"completion_tokens":326,"total_tokens":14638,"cost":0.0427556,"#
        + #""is_byok":false,"prompt_tokens_details":{"cached_tokens":4352,"cache_write_tokens":0},"#
        + #""completion_tokens_details":{"reasoning_tokens":268},"cache_discount":0.0098,"#
        + #""server_tool_use":{"web_search_requests":2}}"#
      guard streams else {
        return wholeReply(chunks, content: content, annotations: [source], usage: usageJSON)
      }
      return .sse([
        .data(chunks.content("The latest release is **6.2** ")),
        .data(chunks.content(link + ".")),
        .data(chunks.delta(#""content":"","role":"assistant","annotations":[\#(source)]"#)),
        .data(chunks.finish("stop", native: "completed")),
        .data(
          #"{"id":"\#(chunks.id)","model":"\#(chunks.model)","provider":"\#(chunks.provider)","#
            + #""choices":[],"usage":\#(usageJSON)}"#),
        .done,
      ])
    case .webSearchHostile:
      let sources = [
        chunks.citation(url: "javascript:alert(1)", title: "Click me"),
        chunks.citation(url: "https://evil.example/\u{1B}]8;;x\u{07}", title: "Escapes"),
        chunks.citation(
          url: "https://good.example/page", title: "Good \u{1B}[31mred\u{1B}[0m page"),
      ]
      let list = sources.joined(separator: ",")
      return .sse(
        [.data(chunks.delta(#""content":"","role":"assistant","annotations":[\#(list)]"#))]
          + [
            .data(chunks.content("Answer.")), .data(chunks.finish()),
            .data(chunks.usage(prompt: 9, completion: 4, cost: "0.0000100")), .done,
          ])
    default:
      return nil
    }
  }

  private static func wholeReply(
    _ chunks: StubChunks, content: String, annotations: [String], usage: String
  ) -> StubReply {
    .json(
      #"{"id":"\#(chunks.id)","provider":"Perplexity","model":"\#(chunks.model)","#
        + #""object":"chat.completion","created":1760000000,"choices":[{"index":0,"#
        + #""finish_reason":"stop","native_finish_reason":"stop","message":{"role":"assistant","#
        + #""content":\#(StubChunks.quote(content)),"refusal":null,"reasoning":null,"#
        + #""annotations":[\#(annotations.joined(separator: ","))]}}],"usage":\#(usage)}"#)
  }
}

extension StubChunks {
  /// One `url_citation` annotation, with an excerpt like the ones OpenRouter adds.
  public func citation(url: String, title: String, start: Int = 0, end: Int = 0) -> String {
    #"{"type":"url_citation","url_citation":{"url":\#(Self.quote(url)),"#
      + #""title":\#(Self.quote(title)),"start_index":\#(start),"end_index":\#(end),"#
      + #""content":"Swift\n\n...\n\nAn excerpt of the page."}}"#
  }
}
